package cn.wenming.practice.need;

/** An admin revokes one participant's confirmed hours on a need, with a reason (see {@link NeedHoursConfirmation}). */
record RevokeNeedHours(long needId, long volunteerId, String reason) {
}
