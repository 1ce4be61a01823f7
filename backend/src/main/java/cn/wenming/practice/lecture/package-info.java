/**
 * 理论宣讲 (lectures, seed 003 四): the registry of 宣讲员 (volunteers flagged as lecturers, with
 * topics) and 宣讲团 (groups of lecturers under an org unit), and the lectures a unit records, with
 * topic, place, date, speakers or group, audience and the activity they were held as. A module of its
 * own rather than part of {@code activity}: a lecture is often not an activity (a 板凳课堂 in a
 * courtyard has no sign-up, roster or hours), and the registry is about people across units. It
 * answers the assessment's monthly lecture figure through {@link cn.wenming.practice.lecture.LectureStatistics}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "activity", "auth", "org", "volunteer" })
package cn.wenming.practice.lecture;
