package cn.wenming.practice.testinfra;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waiting for work after a commit. Cross-module listeners ({@code @ApplicationModuleListener}) run
 * asynchronously once the business change committed, so a test sees their effect (points, boards,
 * outbox rows, project ratings, nearby indexes) shortly after the mutation returned, not at once.
 */
public final class AfterCommit {

	/** How long a test waits for a listener's effect before failing. */
	public static final Duration WAIT = Duration.ofSeconds(30);

	/**
	 * A publication that kept its state this long is not waited for: PUBLISHED, it was published
	 * outside a transaction (or its instance stopped) and will only run when resubmitted; PROCESSING,
	 * its instance stopped under it (another test's second context).
	 */
	private static final Duration STUCK_PUBLISHED = Duration.ofSeconds(5);

	private static final Duration STUCK_PROCESSING = Duration.ofSeconds(15);

	/** When each (publication, state) was first seen, across calls: a stuck one costs one wait only. */
	private static final Map<String, Long> FIRST_SEEN = new ConcurrentHashMap<>();

	private AfterCommit() {
	}

	/** Retries the assertions until they hold (a listener's effect has landed), failing after {@link #WAIT}. */
	public static void eventually(ThrowingRunnable assertions) {
		Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).pollDelay(Duration.ZERO)
			.untilAsserted(assertions);
	}

	/**
	 * Waits until every listener that was started has finished: no event publication is being
	 * processed or waiting for its listener. Before asserting that something did NOT happen, so the
	 * assertion is not merely early. Publications that failed are left for resubmission and do not
	 * count, nor do stuck ones (see {@link #STUCK_PUBLISHED}).
	 */
	public static void awaitListeners(JdbcTemplate jdbc) {
		Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).pollDelay(Duration.ZERO).until(() -> {
			long now = System.nanoTime();
			List<Map<String, Object>> open = jdbc.queryForList(
					"SELECT ID, STATUS FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND (STATUS IS NULL OR STATUS <> 'FAILED')");
			boolean idle = true;
			for (Map<String, Object> row : open) {
				String status = String.valueOf(row.get("STATUS"));
				long seen = FIRST_SEEN.computeIfAbsent(row.get("ID") + ":" + status, key -> now);
				Duration stuck = "PROCESSING".equals(status) ? STUCK_PROCESSING : STUCK_PUBLISHED;
				if (now - seen <= stuck.toNanos()) {
					idle = false;
				}
			}
			return idle;
		});
	}

}
