package cn.wenming.practice.need;

import java.util.List;

/**
 * 点单 (see {@link NeedSubmission}): a resident's order, or staff's assisted entry of an offline
 * one ({@code source} other than ONLINE, with the resident's {@code consentNote}). A null
 * {@code stationId} means the nearest open station; a null {@code source} means ONLINE. The
 * submitter's {@code idempotencyKey} makes a resend of it answer the need submitted once.
 */
record SubmitNeed(long categoryId, String title, String description, BeneficiaryType beneficiaryType,
		NeedUrgency urgency, String address, double latitude, double longitude, String contactName,
		String contactPhone, String desiredDate, Long stationId, NeedSource source, String consentNote,
		List<Long> photoIds, String idempotencyKey) {
}
