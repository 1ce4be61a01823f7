package cn.wenming.practice.need;

/** 认领 from the wish wall (see {@link NeedAssignment}): for the caller, or for the team they lead; optionally under a project. */
record ClaimNeed(long needId, Long teamId, Long projectId) {
}
