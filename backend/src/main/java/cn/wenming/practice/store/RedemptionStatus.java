package cn.wenming.practice.store;

/**
 * Where a redemption is. {@code PENDING} is the idempotency claim while the first request runs
 * (never shown; deleted if that request fails); from {@code ISSUED} exactly one guarded transition
 * wins: picked up, cancelled by the owner or the store, or expired by the job. Stored by name.
 */
enum RedemptionStatus {

	PENDING, ISSUED, FULFILLED, CANCELLED, EXPIRED

}
