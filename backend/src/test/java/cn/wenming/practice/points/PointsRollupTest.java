package cn.wenming.practice.points;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must-show 3 of issue 14: the rollup ({@code points_rollup}) equals the ledger added up again,
 * after random awards, reversals (of awards and of spending, some of them into debt), redemptions,
 * refunds, adjustments, expiries and debt repayments, posted by many threads at once over a few
 * users and spread over weeks, months and years. The truth is computed here from the raw ledger
 * rows, with its own period arithmetic (China time), not the production code's. A rebuild from
 * the ledger gives the same rows.
 */
@IntegrationTest
class PointsRollupTest {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final List<String> EARNING = List.of("ACTIVITY_HOURS", "NEED_COMPLETED", "RATING_BONUS");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	PointsLedger ledger;

	@Autowired
	PointsRollup rollup;

	@Scenario
	PointsScenario s;

	@Test
	void theRollupEqualsTheLedgerAfterRandomPostingsFromManyThreads() throws Exception {
		List<Long> users = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			users.add(this.s.api.login(Fixtures.unique("rollup")).userId());
		}
		// Four stretches of time: last year's December, this year's January (another ISO week-year
		// boundary), a month later and now; each with postings from 8 threads at once.
		Instant now = this.clock.instant();
		LocalDate lastDecember = now.atZone(CHINA).toLocalDate().withDayOfYear(1).minusDays(2);
		List<Instant> times = List.of(lastDecember.atTime(23, 30).atZone(CHINA).toInstant(),
				lastDecember.plusDays(3).atTime(0, 10).atZone(CHINA).toInstant(),
				now.minus(Duration.ofDays(35)), now);
		// One certain path into debt and out of it (the random ones may not take it): an award spent,
		// then reversed (25 owed), then an award that repays 10.
		this.clock.set(times.get(0));
		long debtor = users.get(0);
		PointsEntry award = this.ledger.post(new PointsLedger.Posting(debtor, 30, PointsType.ACTIVITY_HOURS,
				Fixtures.unique("a"), "活动", null)).entry();
		this.ledger.post(new PointsLedger.Posting(debtor, -25, PointsType.REDEMPTION, Fixtures.unique("s"), "兑换", null));
		this.ledger.post(new PointsLedger.Posting(debtor, -30, PointsType.REVERSAL, Long.toString(award.getId()), "冲正",
				null));
		this.ledger.post(new PointsLedger.Posting(debtor, 10, PointsType.NEED_COMPLETED, Fixtures.unique("n"), "需求",
				null));
		int posted = 0;
		for (Instant time : times) {
			this.clock.set(time);
			posted += postConcurrently(users, 8, 15);
		}
		this.clock.set(now);
		assertThat(posted).as("postings written").isGreaterThan(200);
		Map<String, Long> types = new HashMap<>();
		this.jdbc.query("SELECT business_type, COUNT(*) AS n FROM points_entry WHERE user_id IN (" + in(users)
				+ ") GROUP BY business_type", rs -> {
					types.put(rs.getString(1), rs.getLong(2));
				});
		assertThat(types).as("every kind of entry happened").containsKeys("ACTIVITY_HOURS", "NEED_COMPLETED",
				"RATING_BONUS", "REVERSAL", "REDEMPTION", "REDEMPTION_REFUND", "ADJUSTMENT", "EXPIRY", "DEBT_REPAYMENT");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE debt_change > 0 AND user_id IN ("
				+ in(users) + ")", Long.class)).as("reversals into debt").isPositive();

		Map<String, List<Long>> expected = fromLedger(users);
		assertThat(expected.keySet().stream().map(k -> k.split("\\|")[0]).distinct())
			.containsExactlyInAnyOrder("WEEK", "MONTH", "YEAR", "ALL");
		assertThat(inRollup(users)).isEqualTo(expected);
		// The account's balance and debt are the ALL rows' sums too.
		for (long user : users) {
			this.s.assertConsistent(user);
			assertThat(expected.get("ALL|all|" + user).subList(1, 3))
				.isEqualTo(List.of(this.s.accountBalance(user), this.s.accountDebt(user)));
		}

		// Rebuilt from the ledger (a range of users around ours included): the same rows.
		this.jdbc.update("UPDATE points_rollup SET earned = earned + 7, delta = 0 WHERE user_id = ?", users.get(0));
		assertThat(inRollup(users)).isNotEqualTo(expected);
		long min = users.stream().mapToLong(Long::longValue).min().orElseThrow();
		long max = users.stream().mapToLong(Long::longValue).max().orElseThrow();
		assertThat(this.rollup.rebuild(min, max)).isGreaterThanOrEqualTo(expected.size());
		assertThat(inRollup(users)).isEqualTo(expected);
	}

	/** {@code threads} threads each post {@code perThread} random entries for random users; returns those written. */
	private int postConcurrently(List<Long> users, int threads, int perThread) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Integer>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					start.await();
					int written = 0;
					for (int i = 0; i < perThread; i++) {
						written += postRandom(users.get(ThreadLocalRandom.current().nextInt(users.size())));
					}
					return written;
				}));
			}
			start.countDown();
			int written = 0;
			for (Future<Integer> future : futures) {
				written += future.get(120, TimeUnit.SECONDS);
			}
			return written;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int postRandom(long user) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String key = Fixtures.unique("r");
		PointsLedger.Posting posting = switch (random.nextInt(10)) {
			case 0, 1 -> new PointsLedger.Posting(user, 5 + random.nextInt(40), PointsType.ACTIVITY_HOURS, key, "活动", null);
			case 2 -> new PointsLedger.Posting(user, 20, PointsType.NEED_COMPLETED, key, "需求", null);
			case 3 -> new PointsLedger.Posting(user, 20, PointsType.RATING_BONUS, key, "好评", null);
			case 4 -> new PointsLedger.Posting(user, -(1 + random.nextInt(30)), PointsType.REDEMPTION, key, "兑换", null);
			case 5 -> new PointsLedger.Posting(user, 1 + random.nextInt(10), PointsType.REDEMPTION_REFUND, key, "退回", null);
			case 6 -> new PointsLedger.Posting(user, random.nextInt(2) == 0 ? 15 : -(1 + random.nextInt(10)),
					PointsType.ADJUSTMENT, key, "调整", null);
			case 7 -> new PointsLedger.Posting(user, -(1 + random.nextInt(5)), PointsType.EXPIRY, key, "过期", null);
			default -> reversalOfSomething(user);
		};
		if (posting == null) {
			return 0;
		}
		try {
			return this.ledger.post(posting).created() ? 1 : 0;
		}
		catch (DomainException refused) {
			// POINTS_INSUFFICIENT: a guarded debit the balance did not cover; nothing was written.
			return 0;
		}
	}

	/** A reversal of one of the user's positive entries (an award mostly, so some of it was spent: debt). */
	private PointsLedger.Posting reversalOfSomething(long user) {
		List<Map<String, Object>> candidates = this.jdbc.queryForList("""
				SELECT e.id, e.delta FROM points_entry e WHERE e.user_id = ? AND e.delta > 0
				  AND e.business_type NOT IN ('REVERSAL', 'DEBT_REPAYMENT', 'REDEMPTION')
				  AND NOT EXISTS (SELECT 1 FROM points_entry r WHERE r.business_type = 'REVERSAL'
				                  AND r.user_id = e.user_id AND CAST(r.business_id AS UNSIGNED) = e.id)
				ORDER BY e.id DESC LIMIT 5""", user);
		if (candidates.isEmpty()) {
			return null;
		}
		Map<String, Object> entry = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
		return new PointsLedger.Posting(user, -((Number) entry.get("delta")).intValue(), PointsType.REVERSAL,
				entry.get("id").toString(), "冲正", null);
	}

	/** (period|value|user) → [earned, delta, debt_change, entries], added up here from the raw ledger rows. */
	private Map<String, List<Long>> fromLedger(List<Long> users) {
		Map<String, long[]> sums = new HashMap<>();
		this.jdbc.query("""
				SELECT e.user_id, e.delta, e.debt_change, e.business_type, e.created_at, o.business_type AS reversed
				FROM points_entry e LEFT JOIN points_entry o
				  ON e.business_type = 'REVERSAL' AND o.id = CAST(e.business_id AS UNSIGNED)
				WHERE e.user_id IN (""" + in(users) + ")", rs -> {
					long user = rs.getLong("user_id");
					long delta = rs.getLong("delta");
					long debt = rs.getLong("debt_change");
					String reversed = rs.getString("reversed");
					boolean earning = EARNING.contains(rs.getString("business_type"))
							|| (reversed != null && EARNING.contains(reversed));
					Instant at = rs.getTimestamp("created_at").toInstant();
					LocalDate day = at.atZone(CHINA).toLocalDate();
					LocalDate monday = day.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
					for (String key : List.of(
							"WEEK|" + String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
									monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
							"MONTH|" + String.format("%d-%02d", day.getYear(), day.getMonthValue()),
							"YEAR|" + day.getYear(), "ALL|all")) {
						long[] sum = sums.computeIfAbsent(key + "|" + user, k -> new long[4]);
						sum[0] += earning ? delta - debt : 0;
						sum[1] += delta;
						sum[2] += debt;
						sum[3]++;
					}
				});
		return sums.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
				e -> List.of(e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])));
	}

	private Map<String, List<Long>> inRollup(List<Long> users) {
		Map<String, List<Long>> rows = new HashMap<>();
		this.jdbc.query("SELECT period, period_value, user_id, earned, delta, debt_change, entries FROM points_rollup "
				+ "WHERE user_id IN (" + in(users) + ")", rs -> {
					rows.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3),
							List.of(rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
				});
		return rows;
	}

	private static String in(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

}
