package cn.wenming.practice.points;

import java.time.Instant;

import cn.wenming.practice.shared.ChunkedRebuild;
import cn.wenming.practice.shared.PeriodKeys;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger added up per user and period ({@code points_rollup}, see V31): what boards and period
 * figures read instead of the ledger. {@link PointsLedger} adds every entry in the entry's own
 * transaction, under the account's row lock, so the rollup of a user changes in the order of their
 * entries and never deadlocks with itself; {@link #rebuild} sets it back to the ledger's sums.
 */
@Component
class PointsRollup {

	private static final Logger log = LoggerFactory.getLogger(PointsRollup.class);

	/** Users per rebuild transaction: their accounts stay locked that long. */
	static final int REBUILD_CHUNK = 2_000;

	private final RollupMapper mapper;

	private final TransactionTemplate newTx;

	PointsRollup(RollupMapper mapper, PlatformTransactionManager transactionManager) {
		this.mapper = mapper;
		this.newTx = new TransactionTemplate(transactionManager);
		this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Adds one entry to its user's week, month, year and all-time rows, in one statement of the
	 * caller's transaction. {@code earned}: what the entry counts as earned (0 for spending).
	 */
	void add(long userId, Instant at, long earned, long delta, long debtChange) {
		this.mapper.add(userId, PeriodKeys.Period.WEEK.valueAt(at), PeriodKeys.Period.MONTH.valueAt(at),
				PeriodKeys.Period.YEAR.valueAt(at), earned, delta, debtChange);
	}

	/**
	 * Recomputes the rollup of users {@code [fromUserId, toUserId]} from their ledger, a chunk of
	 * users per transaction. Each chunk first locks the accounts of its users (gaps included, so no
	 * account appears meanwhile): a posting locks its account before it writes, so none of these users
	 * gets an entry while their rows are deleted and added up again. Returns the rows written.
	 */
	long rebuild(long fromUserId, long toUserId) {
		return ChunkedRebuild.run(fromUserId, toUserId, REBUILD_CHUNK, this.newTx, log, "Points rollup rebuild",
				(start, end) -> {
					this.mapper.lockAccounts(start, end);
					this.mapper.deleteUsers(start, end);
					long rows = 0;
					for (PeriodKeys.Period period : PeriodKeys.Period.values()) {
						rows += this.mapper.insertFromLedger(period.name(), start, end);
					}
					return rows;
				});
	}

	/** What the user earned in the year labelled {@code year} (negative when reversals of older awards outweigh it). */
	long earned(long userId, String year) {
		Long earned = this.mapper.earned(userId, year);
		return (earned == null) ? 0 : earned;
	}

	/** Rebuilds the rollup of every user that has ledger entries or rollup rows. */
	long rebuildAll() {
		Long max = this.mapper.maxUserId();
		return (max == null) ? 0 : rebuild(0, max);
	}

	@Mapper
	interface RollupMapper {

		/** VALUES(): the one spelling of "the value this row would have inserted" MySQL 8 and MariaDB share. */
		@Insert("""
				INSERT INTO points_rollup (period, period_value, user_id, earned, delta, debt_change, entries) VALUES
				  ('WEEK', #{week}, #{userId}, #{earned}, #{delta}, #{debt}, 1),
				  ('MONTH', #{month}, #{userId}, #{earned}, #{delta}, #{debt}, 1),
				  ('YEAR', #{year}, #{userId}, #{earned}, #{delta}, #{debt}, 1),
				  ('ALL', 'all', #{userId}, #{earned}, #{delta}, #{debt}, 1)
				ON DUPLICATE KEY UPDATE earned = earned + VALUES(earned), delta = delta + VALUES(delta),
				  debt_change = debt_change + VALUES(debt_change), entries = entries + VALUES(entries)
				""")
		int add(@Param("userId") long userId, @Param("week") String week, @Param("month") String month,
				@Param("year") String year, @Param("earned") long earned, @Param("delta") long delta,
				@Param("debt") long debtChange);

		@Select("SELECT earned FROM points_rollup WHERE period = 'YEAR' AND period_value = #{year} AND user_id = #{userId}")
		Long earned(@Param("userId") long userId, @Param("year") String year);

		@Select("SELECT user_id FROM points_account WHERE user_id BETWEEN #{from} AND #{to} FOR UPDATE")
		java.util.List<Long> lockAccounts(@Param("from") long from, @Param("to") long to);

		@Delete("DELETE FROM points_rollup WHERE user_id BETWEEN #{from} AND #{to}")
		int deleteUsers(@Param("from") long from, @Param("to") long to);

		@Select("SELECT GREATEST(COALESCE((SELECT MAX(user_id) FROM points_entry), 0), "
				+ "COALESCE((SELECT MAX(user_id) FROM points_rollup), 0))")
		Long maxUserId();

		/**
		 * The migration's backfill (V31) for a range of users and one period: one grouped statement
		 * per period keeps each statement's temporary table to its groups (a cross join of the four
		 * periods would sort four rows per entry).
		 */
		@Insert("""
				INSERT INTO points_rollup (period, period_value, user_id, earned, delta, debt_change, entries)
				SELECT #{period},
				       CASE #{period} WHEN 'WEEK' THEN DATE_FORMAT(x.created_at + INTERVAL 8 HOUR, '%x-W%v')
				                      WHEN 'MONTH' THEN DATE_FORMAT(x.created_at + INTERVAL 8 HOUR, '%Y-%m')
				                      WHEN 'YEAR' THEN DATE_FORMAT(x.created_at + INTERVAL 8 HOUR, '%Y')
				                      ELSE 'all' END AS period_value,
				       x.user_id,
				       SUM(CASE WHEN x.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
				                  OR o.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
				                THEN x.delta - x.debt_change ELSE 0 END),
				       SUM(x.delta), SUM(x.debt_change), COUNT(*)
				FROM points_entry x
				LEFT JOIN points_entry o
				  ON o.id = CASE WHEN x.business_type = 'REVERSAL' THEN CAST(x.business_id AS UNSIGNED) END
				WHERE x.user_id BETWEEN #{from} AND #{to}
				GROUP BY x.user_id, period_value
				""")
		int insertFromLedger(@Param("period") String period, @Param("from") long from, @Param("to") long to);

	}

}
