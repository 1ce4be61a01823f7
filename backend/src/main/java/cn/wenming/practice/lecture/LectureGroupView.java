package cn.wenming.practice.lecture;

/** A 宣讲团 as the API shows it; members are a batched field. */
record LectureGroupView(long id, long orgUnitId, String name) {
}
