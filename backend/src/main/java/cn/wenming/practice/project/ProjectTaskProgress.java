package cn.wenming.practice.project;

/** GraphQL {@code ProjectTaskProgress}: a project's tasks not cancelled, those done and those open past their date. */
record ProjectTaskProgress(int total, int done, int overdue) {

	static final ProjectTaskProgress NONE = new ProjectTaskProgress(0, 0, 0);

}
