package cn.wenming.practice.lecture;

import java.time.Instant;

/** A lecture as the API shows it; speakers, group and unit name are batched fields. */
record LectureView(long id, long orgUnitId, String topic, String place, String heldOn, int audience, Long groupId,
		Long activityId, Instant recordedAt) {
}
