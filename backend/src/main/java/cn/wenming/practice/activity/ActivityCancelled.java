package cn.wenming.practice.activity;

import java.time.Instant;

/**
 * An admin cancelled an activity; its sign-ups stay as they were (the people signed up or on the
 * waitlist are the ones to tell). Published inside the cancelling transaction; consume it with
 * {@code @ApplicationModuleListener}.
 */
public record ActivityCancelled(long activityId, Instant at) {
}
