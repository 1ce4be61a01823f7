package cn.wenming.practice.project;

/**
 * Something served under a service project (服务项目), such as a need or an activity. Lets this
 * feature resolve the {@code project} fields of other features' types in one batch without
 * depending on those features.
 */
public interface ServedUnderProject {

	/** The project, or null when served outside any project. */
	Long getProjectId();

}
