package cn.wenming.practice.project;

/** How many ratings a project received from one source, and their stars added up. */
public record StarTally(long projectId, int count, long stars) {
}
