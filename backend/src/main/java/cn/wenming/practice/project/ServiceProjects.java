package cn.wenming.practice.project;

/**
 * Which service projects (服务项目) a need may be served under; used by the need feature to validate
 * {@code dispatchNeed} / {@code claimNeed}. Implemented by {@link ProjectApplicability}.
 */
public interface ServiceProjects {

	/**
	 * Whether the project exists, is ACTIVE and belongs to the station at {@code stationPath} or to
	 * one of its ancestors (the project's org unit path is a prefix of the station's path).
	 */
	boolean isApplicable(long projectId, String stationPath);

}
