package cn.wenming.practice.need;

import java.time.Instant;

/**
 * The resident rated a completed need, 1–5 stars: online (评单), or, for an assisted order, by
 * phone or in person, recorded by staff at a 回访 (the stars are still the resident's, and the
 * recorder never served the need). Published inside the rating transaction; consume it with
 * {@code @ApplicationModuleListener} (e.g. for project ratings and honours).
 */
public record NeedRated(long needId, int stars, Instant ratedAt) {
}
