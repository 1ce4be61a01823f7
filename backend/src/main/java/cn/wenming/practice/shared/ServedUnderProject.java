package cn.wenming.practice.shared;

/**
 * Something served under a service project (服务项目), such as a need. Lets the activity feature,
 * which owns projects, resolve {@code project} fields of other features' types in one batch
 * without depending on those features.
 */
public interface ServedUnderProject {

	/** The project, or null when served outside any project. */
	Long getProjectId();

}
