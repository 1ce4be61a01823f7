package cn.wenming.practice.project;

/** A project is ACTIVE while new activities may be added to it; ARCHIVED keeps its history. */
enum ProjectStatus {

	ACTIVE, ARCHIVED

}
