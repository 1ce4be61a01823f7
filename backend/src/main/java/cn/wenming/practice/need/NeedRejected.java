package cn.wenming.practice.need;

import java.time.Instant;

/**
 * The station rejected a need in review, with the reason given to the resident. Published inside
 * the rejecting transaction; consume it with {@code @ApplicationModuleListener}.
 */
public record NeedRejected(long needId, String reason, Instant at) {
}
