package cn.wenming.practice.need;

import java.time.Instant;

/**
 * The resident rated a completed need (评单), 1–5 stars. Published inside the rating transaction;
 * consume it with {@code @ApplicationModuleListener} (e.g. for project ratings and honours).
 */
public record NeedRated(long needId, int stars, Instant ratedAt) {
}
