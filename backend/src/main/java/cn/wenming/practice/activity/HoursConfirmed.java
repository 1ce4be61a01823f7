package cn.wenming.practice.activity;

import java.math.BigDecimal;

import cn.wenming.practice.volunteer.ServiceCategory;

/**
 * Published in the transaction that confirmed a sign-up's service hours (and credited them to the
 * volunteer), once per sign-up. For features that reward hours (points); a later reversal will be
 * its own event, never a deletion of this one. Consumed after the commit
 * ({@code @ApplicationModuleListener}, through the event publication registry).
 */
public record HoursConfirmed(long volunteerUserId, long activityId, long signUpId, BigDecimal hours,
		ServiceCategory category) {
}
