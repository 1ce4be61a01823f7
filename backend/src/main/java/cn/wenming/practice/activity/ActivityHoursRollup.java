package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.wenming.practice.shared.ChunkedRebuild;
import cn.wenming.practice.shared.PeriodKeys;
import cn.wenming.practice.shared.RollupDrift;

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
 * Credit hours of sign-ups added up per period ({@code activity_hours_rollup}, see V34): what the
 * hour boards and the assessment read instead of the sign-ups. {@link SignUpService} adds the hours
 * of every confirmation and takes back those of every revocation in that move's own transaction;
 * {@link #rebuildUsers} and {@link #rebuildProjects} set the rollup back to the sign-ups' sums.
 */
@Component
public class ActivityHoursRollup {

	private static final Logger log = LoggerFactory.getLogger(ActivityHoursRollup.class);

	/** Users (or projects) per rebuild transaction: their sign-ups stay locked that long. */
	static final int REBUILD_CHUNK = 2_000;

	static final String USER = "U";

	static final String PROJECT = "P";

	private final ActivityHoursRollupMapper mapper;

	private final TransactionTemplate newTx;

	private final Clock clock;

	ActivityHoursRollup(ActivityHoursRollupMapper mapper, PlatformTransactionManager transactionManager, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
		this.newTx = new TransactionTemplate(transactionManager);
		this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Hours of one sign-up, placed by its activity's end; negative to take them back. */
	record Change(long userId, long volunteerId, long projectId, Instant endsAt, BigDecimal hours) {
	}

	/** One row of the upsert. */
	record Row(String period, String periodValue, String subject, long subjectId, Long volunteerId, BigDecimal hours) {
	}

	/**
	 * Adds the changes to their users' and projects' week, month, year and all-time rows in one
	 * statement of the caller's transaction. The rows go in key order (projects before users, by id):
	 * two confirmations that share rows lock them in the same order and so never deadlock each other.
	 */
	void apply(List<Change> changes) {
		Map<String, Row> rows = new TreeMap<>();
		for (Change change : changes) {
			if (change.hours() == null || change.hours().signum() == 0) {
				continue;
			}
			for (PeriodKeys.Period period : PeriodKeys.Period.values()) {
				String value = period.valueAt(change.endsAt());
				merge(rows, new Row(period.name(), value, PROJECT, change.projectId(), null, change.hours()));
				merge(rows, new Row(period.name(), value, USER, change.userId(), change.volunteerId(), change.hours()));
			}
		}
		if (!rows.isEmpty()) {
			List<Row> ordered = new ArrayList<>(rows.values());
			ordered.sort(Comparator.comparing(Row::subject).thenComparingLong(Row::subjectId)
				.thenComparing(Row::period).thenComparing(Row::periodValue));
			this.mapper.add(ordered);
		}
	}

	private static void merge(Map<String, Row> rows, Row row) {
		rows.merge(row.subject() + row.subjectId() + "|" + row.period() + "|" + row.periodValue(), row,
				(a, b) -> new Row(a.period(), a.periodValue(), a.subject(), a.subjectId(), a.volunteerId(),
						a.hours().add(b.hours())));
	}

	/**
	 * Recomputes the rows of users {@code [fromUserId, toUserId]} from their sign-ups, a chunk per
	 * transaction. Each chunk first locks the users' sign-ups: a confirmation or revocation updates its
	 * sign-up before it writes the rollup, so none of these users' hours change while their rows are
	 * deleted and added up again, and both take the locks in the same order. Returns the rows written.
	 */
	public long rebuildUsers(long fromUserId, long toUserId) {
		return chunks(fromUserId, toUserId, (start, end) -> {
			this.mapper.lockUsers(start, end);
			this.mapper.deleteSubjects(USER, start, end);
			long rows = 0;
			for (PeriodKeys.Period period : PeriodKeys.Period.values()) {
				rows += this.mapper.insertUsers(period.name(), start, end);
			}
			return rows;
		});
	}

	/** As {@link #rebuildUsers}, for the project rows of projects {@code [fromProjectId, toProjectId]}. */
	public long rebuildProjects(long fromProjectId, long toProjectId) {
		return chunks(fromProjectId, toProjectId, (start, end) -> {
			this.mapper.lockProjects(start, end);
			this.mapper.deleteSubjects(PROJECT, start, end);
			long rows = 0;
			for (PeriodKeys.Period period : PeriodKeys.Period.values()) {
				rows += this.mapper.insertProjects(period.name(), start, end);
			}
			return rows;
		});
	}

	/** Rebuilds every user's and project's rows. */
	public long rebuildAll() {
		Long maxUser = this.mapper.maxUser();
		Long maxProject = this.mapper.maxProject();
		return ((maxUser == null) ? 0 : rebuildUsers(0, maxUser))
				+ ((maxProject == null) ? 0 : rebuildProjects(0, maxProject));
	}

	/**
	 * Checks the rows of users {@code [fromUserId, toUserId]} against their sign-ups, a chunk per
	 * transaction, and sets back those of every user whose rows differ (their rows deleted and added
	 * up again), recording each repair ({@code activity_hours_repair}). Each chunk locks its users'
	 * sign-ups first, as {@link #rebuildUsers} does, so a confirmation or revocation in flight is
	 * never mistaken for drift: it either committed before the check read (and is in both sides) or
	 * waits for it. Returns the users repaired.
	 */
	public long checkUsers(long fromUserId, long toUserId) {
		return ChunkedRebuild.run(fromUserId, toUserId, REBUILD_CHUNK, this.newTx, log, "Activity hours rollup check",
				(start, end) -> {
					this.mapper.lockUsers(start, end);
					RollupDrift.Rows expected = new RollupDrift.Rows();
					for (PeriodKeys.Period period : PeriodKeys.Period.values()) {
						this.mapper.sumUsers(period.name(), start, end)
							.forEach(r -> expected.put(r.subjectId(), r.period(), r.periodValue(), r.hours()));
					}
					return repair(USER, start, end, expected, (id) -> {
						for (PeriodKeys.Period period : PeriodKeys.Period.values()) {
							this.mapper.insertUsers(period.name(), id, id);
						}
					});
				});
	}

	/** As {@link #checkUsers}, for the rows of projects {@code [fromProjectId, toProjectId]}. */
	public long checkProjects(long fromProjectId, long toProjectId) {
		return ChunkedRebuild.run(fromProjectId, toProjectId, REBUILD_CHUNK, this.newTx, log,
				"Activity hours rollup check", (start, end) -> {
					this.mapper.lockProjects(start, end);
					RollupDrift.Rows expected = new RollupDrift.Rows();
					for (PeriodKeys.Period period : PeriodKeys.Period.values()) {
						this.mapper.sumProjects(period.name(), start, end)
							.forEach(r -> expected.put(r.subjectId(), r.period(), r.periodValue(), r.hours()));
					}
					return repair(PROJECT, start, end, expected, (id) -> {
						for (PeriodKeys.Period period : PeriodKeys.Period.values()) {
							this.mapper.insertProjects(period.name(), id, id);
						}
					});
				});
	}

	/** Checks (and repairs) every user's and project's rows; returns the subjects repaired. */
	public long checkAll() {
		Long maxUser = this.mapper.maxUser();
		Long maxProject = this.mapper.maxProject();
		return ((maxUser == null) ? 0 : checkUsers(0, maxUser)) + ((maxProject == null) ? 0 : checkProjects(0, maxProject));
	}

	/** Compares the held rows of a chunk with {@code expected}; rebuilds and records each drifted subject. */
	private long repair(String subject, long start, long end, RollupDrift.Rows expected,
			java.util.function.LongConsumer insert) {
		RollupDrift.Rows held = new RollupDrift.Rows();
		this.mapper.rowsOf(subject, start, end)
			.forEach(r -> held.put(r.subjectId(), r.period(), r.periodValue(), r.hours()));
		long repaired = 0;
		for (long id : RollupDrift.drifted(held, expected)) {
			this.mapper.deleteSubjects(subject, id, id);
			insert.accept(id);
			this.mapper.recordRepair(subject, id, RollupDrift.differing(held, expected, id), held.allTime(id),
					expected.allTime(id), this.clock.instant());
			log.warn("Activity hours rollup of {} {} differed from its sign-ups (all time {} → {}): repaired", subject,
					id, held.allTime(id), expected.allTime(id));
			repaired++;
		}
		return repaired;
	}

	/** The repairs recorded for a subject (for checks). */
	public int repairsOf(String subject, long subjectId) {
		return this.mapper.repairsOf(subject, subjectId);
	}

	/** One row of a rollup or of the sums it is checked against. */
	record SubjectRow(String period, String periodValue, long subjectId, BigDecimal hours) {
	}

	private long chunks(long from, long to, ChunkedRebuild.Chunk chunk) {
		return ChunkedRebuild.run(from, to, REBUILD_CHUNK, this.newTx, log, "Activity hours rollup rebuild", chunk);
	}

	@Mapper
	interface ActivityHoursRollupMapper {

		/** VALUES(): the one spelling of "the value this row would have inserted" MySQL 8 and MariaDB share. */
		@Insert("""
				<script>
				INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours) VALUES
				<foreach collection="rows" item="r" separator=",">
				  (#{r.period}, #{r.periodValue}, #{r.subject}, #{r.subjectId}, #{r.volunteerId}, #{r.hours})
				</foreach>
				ON DUPLICATE KEY UPDATE hours = hours + VALUES(hours), volunteer_id = COALESCE(VALUES(volunteer_id), volunteer_id)
				</script>
				""")
		int add(@Param("rows") List<Row> rows);

		@Select("SELECT id FROM activity_sign_up WHERE user_id BETWEEN #{from} AND #{to} FOR UPDATE")
		List<Long> lockUsers(@Param("from") long from, @Param("to") long to);

		@Select("""
				SELECT s.id FROM activity a JOIN activity_sign_up s ON s.activity_id = a.id
				WHERE a.project_id BETWEEN #{from} AND #{to} FOR UPDATE
				""")
		List<Long> lockProjects(@Param("from") long from, @Param("to") long to);

		@Delete("DELETE FROM activity_hours_rollup WHERE subject = #{subject} AND subject_id BETWEEN #{from} AND #{to}")
		int deleteSubjects(@Param("subject") String subject, @Param("from") long from, @Param("to") long to);

		@Select("""
				SELECT GREATEST(COALESCE((SELECT MAX(user_id) FROM activity_sign_up), 0),
				                COALESCE((SELECT MAX(subject_id) FROM activity_hours_rollup WHERE subject = 'U'), 0))
				""")
		Long maxUser();

		@Select("""
				SELECT GREATEST(COALESCE((SELECT MAX(project_id) FROM activity), 0),
				                COALESCE((SELECT MAX(subject_id) FROM activity_hours_rollup WHERE subject = 'P'), 0))
				""")
		Long maxProject();

		@Select("""
				SELECT period, period_value, subject_id, hours FROM activity_hours_rollup
				WHERE subject = #{subject} AND subject_id BETWEEN #{from} AND #{to}
				""")
		List<SubjectRow> rowsOf(@Param("subject") String subject, @Param("from") long from, @Param("to") long to);

		/** What {@link #insertUsers} would write, read instead of written (the nightly check). */
		@Select("""
				SELECT #{period} AS period,
				       CASE #{period} WHEN 'WEEK' THEN DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%x-W%v')
				                      WHEN 'MONTH' THEN DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%Y-%m')
				                      WHEN 'YEAR' THEN DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%Y')
				                      ELSE 'all' END AS period_value,
				       s.user_id AS subject_id, SUM(COALESCE(s.hours, 0)) AS hours
				FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
				WHERE s.user_id BETWEEN #{from} AND #{to}
				  AND s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
				GROUP BY s.user_id, period_value
				""")
		List<SubjectRow> sumUsers(@Param("period") String period, @Param("from") long from, @Param("to") long to);

		/** What {@link #insertProjects} would write, read instead of written (the nightly check). */
		@Select("""
				SELECT #{period} AS period,
				       CASE #{period} WHEN 'WEEK' THEN DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%x-W%v')
				                      WHEN 'MONTH' THEN DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%Y-%m')
				                      WHEN 'YEAR' THEN DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%Y')
				                      ELSE 'all' END AS period_value,
				       a.project_id AS subject_id, SUM(COALESCE(s.hours, 0)) AS hours
				FROM activity a JOIN activity_sign_up s ON s.activity_id = a.id
				WHERE a.project_id BETWEEN #{from} AND #{to}
				  AND s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
				GROUP BY a.project_id, period_value
				""")
		List<SubjectRow> sumProjects(@Param("period") String period, @Param("from") long from, @Param("to") long to);

		@Insert("""
				INSERT INTO activity_hours_repair (subject, subject_id, rows_differing, all_before, all_after, created_at)
				VALUES (#{subject}, #{subjectId}, #{differing}, #{before}, #{after}, #{at})
				""")
		int recordRepair(@Param("subject") String subject, @Param("subjectId") long subjectId,
				@Param("differing") int differing, @Param("before") BigDecimal before, @Param("after") BigDecimal after,
				@Param("at") Instant at);

		@Select("SELECT COUNT(*) FROM activity_hours_repair WHERE subject = #{subject} AND subject_id = #{subjectId}")
		int repairsOf(@Param("subject") String subject, @Param("subjectId") long subjectId);

		/** The migration's backfill (V34) of the users in a range, one period. */
		@Insert("""
				INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
				SELECT #{period},
				       CASE #{period} WHEN 'WEEK' THEN DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%x-W%v')
				                      WHEN 'MONTH' THEN DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%Y-%m')
				                      WHEN 'YEAR' THEN DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%Y')
				                      ELSE 'all' END AS period_value,
				       'U', s.user_id, MAX(s.volunteer_id), SUM(COALESCE(s.hours, 0))
				FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
				WHERE s.user_id BETWEEN #{from} AND #{to}
				  AND s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
				GROUP BY s.user_id, period_value
				""")
		int insertUsers(@Param("period") String period, @Param("from") long from, @Param("to") long to);

		/** The migration's backfill (V34) of the projects in a range, one period. */
		@Insert("""
				INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
				SELECT #{period},
				       CASE #{period} WHEN 'WEEK' THEN DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%x-W%v')
				                      WHEN 'MONTH' THEN DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%Y-%m')
				                      WHEN 'YEAR' THEN DATE_FORMAT(a.ends_at + INTERVAL 8 HOUR, '%Y')
				                      ELSE 'all' END AS period_value,
				       'P', a.project_id, NULL, SUM(COALESCE(s.hours, 0))
				FROM activity a JOIN activity_sign_up s ON s.activity_id = a.id
				WHERE a.project_id BETWEEN #{from} AND #{to}
				  AND s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
				GROUP BY a.project_id, period_value
				""")
		int insertProjects(@Param("period") String period, @Param("from") long from, @Param("to") long to);

	}

}
