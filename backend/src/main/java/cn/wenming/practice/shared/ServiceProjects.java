package cn.wenming.practice.shared;

/**
 * Which service projects (服务项目) a need may be served under. Implemented by the activity feature,
 * which owns projects; used by the need feature to validate {@code dispatchNeed} / {@code claimNeed}
 * without depending on activity internals (activity already depends on the features needs use, so a
 * direct dependency would close a cycle).
 */
public interface ServiceProjects {

	/**
	 * Whether the project exists, is ACTIVE and belongs to the station at {@code stationPath} or to
	 * one of its ancestors (the project's org unit path is a prefix of the station's path).
	 */
	boolean isApplicable(long projectId, String stationPath);

}
