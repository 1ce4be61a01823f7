package cn.wenming.practice.points;

import java.time.Instant;

/**
 * Published (consumed after the commit) for every ledger entry written, whatever its type
 * ({@code ACTIVITY_HOURS}, {@code REVERSAL}, {@code REDEMPTION}, …, as the type's name). For read
 * models such as the leaderboards, which recompute from MySQL and so may receive it more than once.
 */
public record PointsEntryRecorded(long userId, int delta, String type, String businessId, Instant createdAt) {
}
