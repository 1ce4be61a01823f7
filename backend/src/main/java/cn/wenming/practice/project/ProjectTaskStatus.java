package cn.wenming.practice.project;

/** Where a project task stands: OPEN until its owner completes it (DONE) or an admin cancels it. */
enum ProjectTaskStatus {

	OPEN, DONE, CANCELLED

}
