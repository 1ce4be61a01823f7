package cn.wenming.practice.shared;

/**
 * Encrypted columns of one module that {@link CryptoRotation} re-seals under the active key. Each
 * module owns its tables, so each re-encrypts its own rows, a batch at a time, with guarded
 * updates (a row changed meanwhile by the application keeps its newer value, already sealed with
 * the active key).
 */
public interface Reencryptable {

	/** What is re-encrypted, for the log (e.g. {@code volunteer.id_number}). */
	String name();

	/**
	 * Re-seals, under {@code crypto}'s active key, the values of up to {@code limit} rows with ids
	 * above {@code afterId} (in id order) that are sealed under another key or not at all.
	 */
	Batch reencrypt(FieldCrypto crypto, long afterId, int limit);

	/** One batch: the last id read ({@code scanned == 0}: none left), rows read and rows re-sealed. */
	record Batch(long lastId, int scanned, int changed) {
	}

}
