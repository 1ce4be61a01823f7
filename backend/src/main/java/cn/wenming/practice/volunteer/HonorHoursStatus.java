package cn.wenming.practice.volunteer;

/**
 * A honor-hours record waits for a second admin (PENDING), counts (APPROVED), or was rejected or
 * taken back (REVOKED). Only APPROVED hours count anywhere.
 */
enum HonorHoursStatus {

	PENDING, APPROVED, REVOKED

}
