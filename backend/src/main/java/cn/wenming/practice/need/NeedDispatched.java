package cn.wenming.practice.need;

import java.time.Instant;

/**
 * An admin dispatched a need (派单) to a team ({@code teamId}) or to one volunteer
 * ({@code volunteerUserId}); exactly one of them is set. Published inside the dispatching
 * transaction; consume it with {@code @ApplicationModuleListener}.
 */
public record NeedDispatched(long needId, Long teamId, Long volunteerUserId, Instant deadline, Instant at) {
}
