package cn.wenming.practice.need;

/**
 * A participant's hours on a need: claimed at completion (PENDING) until an impartial admin confirms
 * them; confirmed hours may later be REVOKED (taken back, with a reason). Only CONFIRMED hours count.
 */
enum NeedHoursStatus {

	PENDING, CONFIRMED, REVOKED

}
