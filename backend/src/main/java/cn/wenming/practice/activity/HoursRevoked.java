package cn.wenming.practice.activity;

import java.math.BigDecimal;

/**
 * Published in the transaction that revoked a sign-up's confirmed hours (and took them back from the
 * volunteer's credit hours), once per sign-up. The counterpart of {@link HoursConfirmed}: features
 * that rewarded the hours undo their reward with a recorded reversal, idempotently per sign-up.
 * Consumed after the commit ({@code @ApplicationModuleListener}).
 */
public record HoursRevoked(long volunteerUserId, long activityId, long signUpId, BigDecimal hours) {
}
