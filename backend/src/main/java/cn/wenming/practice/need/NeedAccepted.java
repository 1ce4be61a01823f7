package cn.wenming.practice.need;

import java.time.Instant;

/**
 * The dispatched team or volunteer accepted a need (接单). Published inside the accepting
 * transaction; consume it with {@code @ApplicationModuleListener}.
 */
public record NeedAccepted(long needId, Instant at) {
}
