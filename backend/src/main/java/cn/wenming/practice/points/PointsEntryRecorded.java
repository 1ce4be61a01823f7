package cn.wenming.practice.points;

import java.time.Instant;

/**
 * Published (consumed after the commit) for every ledger entry that changes what the user has
 * earned: awards ({@code ACTIVITY_HOURS}, {@code NEED_COMPLETED}, {@code RATING_BONUS}) and reversals
 * of awards, as the type's name; not redemptions, refunds, expiries or adjustments, which move no
 * board. For read models such as the leaderboards, which recompute from MySQL and so may receive it
 * more than once.
 */
public record PointsEntryRecorded(long userId, int delta, String type, String businessId, Instant createdAt) {
}
