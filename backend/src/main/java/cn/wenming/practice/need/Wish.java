package cn.wenming.practice.need;

import java.time.Instant;

/**
 * A published need on the public wish wall (心愿墙): GraphQL {@code Wish}. Has no private field at
 * all, so nothing on it can leak whoever asks.
 */
record Wish(long id, long categoryId, String title, String description, BeneficiaryType beneficiaryType,
		NeedUrgency urgency, long stationId, String maskedContactName, String desiredDate, Instant publishedAt) {

}
