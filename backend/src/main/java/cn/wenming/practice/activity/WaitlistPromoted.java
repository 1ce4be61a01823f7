package cn.wenming.practice.activity;

import java.time.Instant;

/**
 * A cancelled place went to the first person on the waitlist (候补转正): their sign-up is now
 * CONFIRMED. Published inside the cancelling transaction; consume it with
 * {@code @ApplicationModuleListener}.
 */
public record WaitlistPromoted(long activityId, long signUpId, long userId, Instant at) {
}
