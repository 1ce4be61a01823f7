package cn.wenming.practice.need;

import java.time.Instant;

/** 派单 (see {@link NeedAssignment}): to a team or a volunteer (exactly one), by a deadline, optionally under a project. */
record DispatchNeed(long needId, Long teamId, Long volunteerUserId, Instant deadline, Long projectId) {
}
