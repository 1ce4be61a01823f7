package cn.wenming.practice.shared;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.slf4j.Logger;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a statement or a transaction again when MySQL chose it as a deadlock victim (or its lock
 * wait timed out). The victim was rolled back whole, so running it again is safe, and it is what
 * InnoDB asks of clients. Only for work that is all inside the rolled-back transaction: nothing it
 * did outside the database may be repeated by the retry.
 */
public final class DeadlockRetry {

	private DeadlockRetry() {
	}

	/**
	 * {@code work}, tried up to {@code attempts} times with a short random pause between tries (so
	 * two victims do not meet again at once); the last failure propagates.
	 */
	public static <T> T run(int attempts, Logger log, String what, Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt >= attempts) {
					throw ex;
				}
				log.info("{} lost a lock race ({}), trying again", what, ex.getClass().getSimpleName());
				try {
					Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 2));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

}
