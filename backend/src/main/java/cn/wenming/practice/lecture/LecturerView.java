package cn.wenming.practice.lecture;

import java.time.Instant;
import java.util.List;

/** A 宣讲员 as the API shows it. */
record LecturerView(long id, long volunteerId, long orgUnitId, List<String> topics, Instant registeredAt) {
}
