package cn.wenming.practice.need;

/** A participant's hours on a need: claimed at completion (PENDING) until an impartial admin confirms them. */
enum NeedHoursStatus {

	PENDING, CONFIRMED

}
