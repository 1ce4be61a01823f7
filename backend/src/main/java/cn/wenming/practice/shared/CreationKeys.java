package cn.wenming.practice.shared;

/**
 * What the creating mutations that count (点单, 宣讲, 骨干培训, 抽查评估) share: each takes its sender's
 * idempotency key and the digest of the input it came with (V62, {@code (actor, key)} unique per table).
 * A double tap, or the clients' one retry of a SERVICE_UNAVAILABLE whose COMMIT went through, sends the
 * key again: it is answered the record made the first time. The key with another input is refused —
 * the digest compares the request as sent, since the record may have been corrected meanwhile.
 */
public final class CreationKeys {

	/** The record an actor made with a key: its id and the digest of the input it was made from. */
	public record Earlier(long id, String requestDigest) {
	}

	private CreationKeys() {
	}

	/**
	 * The id of the record made earlier with the key when this is the same request, null when the key
	 * made none; {@code IDEMPOTENCY_KEY_REUSED} when it made one from other input.
	 */
	public static Long replay(Earlier earlier, String digest) {
		if (earlier == null) {
			return null;
		}
		if (!digest.equals(earlier.requestDigest())) {
			throw new DomainException(CommonError.IDEMPOTENCY_KEY_REUSED);
		}
		return earlier.id();
	}

}
