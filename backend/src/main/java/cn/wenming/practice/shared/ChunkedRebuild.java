package cn.wenming.practice.shared;

import org.slf4j.Logger;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds derived rows (the points and hours rollups) over a range of ids, a chunk per transaction:
 * each chunk holds its locks briefly, and a deadlock victim is tried again ({@link DeadlockRetry}),
 * which is safe because the whole chunk was rolled back.
 */
public final class ChunkedRebuild {

	/** The work for one chunk of ids, {@code [first, last]}; returns the rows it wrote. */
	@FunctionalInterface
	public interface Chunk {

		long rebuild(long first, long last);

	}

	private ChunkedRebuild() {
	}

	/**
	 * Runs {@code chunk} over {@code [from, to]} in chunks of {@code size} ids, each in a transaction
	 * of {@code tx} (which should start a new one) retried on deadlock; returns the rows written.
	 */
	public static long run(long from, long to, int size, TransactionTemplate tx, Logger log, String what, Chunk chunk) {
		long written = 0;
		for (long start = from; start <= to; start += size) {
			long first = start;
			long last = Math.min(to, start + size - 1);
			Long rows = DeadlockRetry.run(5, log, what, () -> tx.execute(status -> chunk.rebuild(first, last)));
			written += (rows == null) ? 0 : rows;
		}
		return written;
	}

}
