package cn.wenming.practice.need;

import java.math.BigDecimal;

/** An admin corrects one participant's pending hours on a need, with a reason (see {@link NeedHoursConfirmation}). */
record AdjustNeedHours(long needId, long participantUserId, BigDecimal hours, String reason) {
}
