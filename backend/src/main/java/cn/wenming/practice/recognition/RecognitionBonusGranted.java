package cn.wenming.practice.recognition;

/**
 * A recognition rule's points bonus is due to a volunteer: published once per rule and volunteer, in
 * the transaction that recorded the rule's grant. {@code businessId} ("rule:volunteer") is the
 * idempotency key the points ledger posts it under, so a redelivered event pays nothing more.
 */
public record RecognitionBonusGranted(long userId, long volunteerId, long ruleId, int points, String ruleName) {

	public String businessId() {
		return this.ruleId + ":" + this.volunteerId;
	}

}
