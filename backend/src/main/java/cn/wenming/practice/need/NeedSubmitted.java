package cn.wenming.practice.need;

import java.time.Instant;

/**
 * A need was ordered (点单) at {@code stationId} by {@code submittedBy} (the resident, or the staff
 * member entering an assisted order) and waits for the station's review. {@code held}: its title and
 * description wait for a human review (msgSecCheck asked for one or could not be reached), so they
 * must not be repeated outside the system yet. Published inside the submitting transaction; consume
 * it with {@code @ApplicationModuleListener}. The notification feature tells the station's admins.
 */
public record NeedSubmitted(long needId, long stationId, long submittedBy, boolean held, Instant at) {
}
