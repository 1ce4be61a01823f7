package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A participant's confirmed hours on a need were revoked by an impartial admin (and taken back from
 * their credit hours in the same transaction), once per participant. The counterpart of
 * {@link NeedHoursConfirmed}: features that rewarded the hours undo their reward with a recorded
 * reversal, idempotently per need and participant. Published inside the revoking transaction;
 * consume it with {@code @ApplicationModuleListener}.
 */
public record NeedHoursRevoked(long needId, long userId, long volunteerId, BigDecimal hours, Instant revokedAt) {
}
