package cn.wenming.practice.shared;

import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.slf4j.Logger;

import org.springframework.dao.DuplicateKeyException;

/**
 * What the creating mutations that take their sender's idempotency key share (点单, 随手拍, 宣讲, 骨干培训,
 * 抽查评估, 荣誉时长补录, and the staff's creates of activities, projects, rewards and the rest): each
 * stores the key with the digest of the input it came with, {@code (actor, key)} unique per table. A
 * double tap, or the clients' one retry of a SERVICE_UNAVAILABLE whose COMMIT went through, sends the key
 * again: it is answered the record made the first time. The key with another input is refused — the
 * digest compares the request as sent, since the record may have been corrected meanwhile.
 *
 * <p>The rule, written once here: the key is looked up among the caller's own rows only after the
 * caller is found to be allowed ({@link Create#earlier}); the insert's transaction runs again when it
 * was a deadlock victim (resends waiting on a first send's key deadlock when that one rolls back); and
 * a {@link DuplicateKeyException} — the same key sent twice at once, the other request's insert having
 * waited on the key and committed — answers the record that request made.
 */
public final class CreationKeys {

	/** The record an actor made with a key: its id and the digest of the input it was made from. */
	public record Earlier(long id, String requestDigest) {
	}

	private CreationKeys() {
	}

	/**
	 * One keyed create: {@code lookup} finds the caller's own record made with the key (one statement,
	 * sent even without a key so the statement count does not depend on the client), {@code answer}
	 * reads a record by id as the mutation answers it.
	 */
	public static <T> Create<T> create(String key, String digest, Supplier<Earlier> lookup, LongFunction<T> answer) {
		return new Create<>(key, digest, lookup, answer);
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

	/** A create keyed by its sender's key; see {@link CreationKeys}. */
	public static final class Create<T> {

		private final String key;

		private final String digest;

		private final Supplier<Earlier> lookup;

		private final LongFunction<T> answer;

		private Create(String key, String digest, Supplier<Earlier> lookup, LongFunction<T> answer) {
			this.key = key;
			this.digest = digest;
			this.lookup = lookup;
			this.answer = answer;
		}

		/** The digest the new row stores. */
		public String digest() {
			return this.digest;
		}

		/**
		 * The record made earlier with the key, as answered now; null when the key made none. Call it only
		 * once the caller is known to be allowed to create here: a key is no way around authorization.
		 */
		public T earlier() {
			Long id = replay(this.lookup.get(), this.digest);
			return (id == null) ? null : this.answer.apply(id);
		}

		/**
		 * Runs {@code transaction} (the insert and what goes with it, all in one transaction), again if it
		 * was a deadlock victim, and answers {@code made}; a send of the same key that won the race is
		 * answered instead. A duplicate that no record of this key explains propagates.
		 */
		public T once(Logger log, String what, Runnable transaction, Supplier<T> made) {
			return once(log, what, transaction, made, null);
		}

		/**
		 * As {@link #once(Logger, String, Runnable, Supplier)}; a duplicate of another unique key than the
		 * sender's (a name taken, an activity already recorded) is answered {@code otherDuplicate}'s error.
		 */
		public T once(Logger log, String what, Runnable transaction, Supplier<T> made,
				Supplier<? extends RuntimeException> otherDuplicate) {
			try {
				DeadlockRetry.run(3, log, what + " " + this.key, () -> {
					transaction.run();
					return null;
				});
			}
			catch (DuplicateKeyException ex) {
				T landed = earlier();
				if (landed != null) {
					return landed;
				}
				if (otherDuplicate != null) {
					throw otherDuplicate.get();
				}
				throw ex;
			}
			return made.get();
		}

	}

}
