package cn.wenming.practice.need;

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
 * Confirmed need-service hours added up per period ({@code need_hours_rollup}, see V35): what the
 * hour boards and the assessment read instead of the participants. {@link NeedHoursConfirmation}
 * adds the hours of every confirmation and takes back those of every revocation (in the periods of
 * their confirmation) in that move's own transaction; {@link #rebuildUsers} and
 * {@link #rebuildTeams} set the rollup back to the participants' sums.
 */
@Component
public class NeedHoursRollup {

	private static final Logger log = LoggerFactory.getLogger(NeedHoursRollup.class);

	/** Users (or teams) per rebuild transaction: their participant rows stay locked that long. */
	static final int REBUILD_CHUNK = 2_000;

	static final String USER = "U";

	static final String TEAM = "T";

	private final NeedHoursRollupMapper mapper;

	private final TransactionTemplate newTx;

	private final Clock clock;

	NeedHoursRollup(NeedHoursRollupMapper mapper, PlatformTransactionManager transactionManager, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
		this.newTx = new TransactionTemplate(transactionManager);
		this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Hours of one participant, placed by their confirmation; negative to take them back. {@code teamId}:
	 * the need's serving team, or null.
	 */
	record Change(long userId, long volunteerId, Long teamId, Instant confirmedAt, BigDecimal hours) {
	}

	/** One row of the upsert. */
	record Row(String period, String periodValue, String subject, long subjectId, Long volunteerId, BigDecimal hours) {
	}

	/**
	 * Adds the changes to their users' and team's week, month, year and all-time rows in one statement
	 * of the caller's transaction, in key order (teams before users, by id), so two moves that share
	 * rows lock them in the same order.
	 */
	void apply(List<Change> changes) {
		Map<String, Row> rows = new TreeMap<>();
		for (Change change : changes) {
			if (change.hours() == null || change.hours().signum() == 0) {
				continue;
			}
			for (PeriodKeys.Period period : PeriodKeys.Period.values()) {
				String value = period.valueAt(change.confirmedAt());
				if (change.teamId() != null) {
					merge(rows, new Row(period.name(), value, TEAM, change.teamId(), null, change.hours()));
				}
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
	 * Recomputes the rows of users {@code [fromUserId, toUserId]} from their participations, a chunk
	 * per transaction. Each chunk first locks the users' participant rows: a confirmation or revocation
	 * updates the row before it writes the rollup, so none of these users' hours change while their
	 * rows are deleted and added up again. Returns the rows written.
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

	/**
	 * As {@link #rebuildUsers}, for the rows of teams {@code [fromTeamId, toTeamId]}: the hours of the
	 * needs each team is assigned now.
	 */
	public long rebuildTeams(long fromTeamId, long toTeamId) {
		return chunks(fromTeamId, toTeamId, (start, end) -> {
			this.mapper.lockTeams(start, end);
			this.mapper.deleteSubjects(TEAM, start, end);
			long rows = 0;
			for (PeriodKeys.Period period : PeriodKeys.Period.values()) {
				rows += this.mapper.insertTeams(period.name(), start, end);
			}
			return rows;
		});
	}

	/** Rebuilds every user's and team's rows. */
	public long rebuildAll() {
		Long maxUser = this.mapper.maxUser();
		Long maxTeam = this.mapper.maxTeam();
		return ((maxUser == null) ? 0 : rebuildUsers(0, maxUser)) + ((maxTeam == null) ? 0 : rebuildTeams(0, maxTeam));
	}

	/**
	 * Checks the rows of users {@code [fromUserId, toUserId]} against their participations, a chunk
	 * per transaction, and sets back those of every user whose rows differ, recording each repair
	 * ({@code need_hours_repair}). Each chunk locks its users' participant rows first, as
	 * {@link #rebuildUsers} does, so a confirmation or revocation in flight is never mistaken for
	 * drift. Returns the users repaired.
	 */
	public long checkUsers(long fromUserId, long toUserId) {
		return ChunkedRebuild.run(fromUserId, toUserId, REBUILD_CHUNK, this.newTx, log, "Need hours rollup check",
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

	/** As {@link #checkUsers}, for the rows of teams {@code [fromTeamId, toTeamId]}. */
	public long checkTeams(long fromTeamId, long toTeamId) {
		return ChunkedRebuild.run(fromTeamId, toTeamId, REBUILD_CHUNK, this.newTx, log, "Need hours rollup check",
				(start, end) -> {
					this.mapper.lockTeams(start, end);
					RollupDrift.Rows expected = new RollupDrift.Rows();
					for (PeriodKeys.Period period : PeriodKeys.Period.values()) {
						this.mapper.sumTeams(period.name(), start, end)
							.forEach(r -> expected.put(r.subjectId(), r.period(), r.periodValue(), r.hours()));
					}
					return repair(TEAM, start, end, expected, (id) -> {
						for (PeriodKeys.Period period : PeriodKeys.Period.values()) {
							this.mapper.insertTeams(period.name(), id, id);
						}
					});
				});
	}

	/** Checks (and repairs) every user's and team's rows; returns the subjects repaired. */
	public long checkAll() {
		Long maxUser = this.mapper.maxUser();
		Long maxTeam = this.mapper.maxTeam();
		return ((maxUser == null) ? 0 : checkUsers(0, maxUser)) + ((maxTeam == null) ? 0 : checkTeams(0, maxTeam));
	}

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
			log.warn("Need hours rollup of {} {} differed from its participations (all time {} → {}): repaired", subject,
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
		return ChunkedRebuild.run(from, to, REBUILD_CHUNK, this.newTx, log, "Need hours rollup rebuild", chunk);
	}

	@Mapper
	interface NeedHoursRollupMapper {

		/** VALUES(): the one spelling of "the value this row would have inserted" MySQL 8 and MariaDB share. */
		@Insert("""
				<script>
				INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours) VALUES
				<foreach collection="rows" item="r" separator=",">
				  (#{r.period}, #{r.periodValue}, #{r.subject}, #{r.subjectId}, #{r.volunteerId}, #{r.hours})
				</foreach>
				ON DUPLICATE KEY UPDATE hours = hours + VALUES(hours), volunteer_id = COALESCE(VALUES(volunteer_id), volunteer_id)
				</script>
				""")
		int add(@Param("rows") List<Row> rows);

		@Select("SELECT need_id FROM need_participant WHERE user_id BETWEEN #{from} AND #{to} FOR UPDATE")
		List<Long> lockUsers(@Param("from") long from, @Param("to") long to);

		@Select("""
				SELECT p.need_id FROM need n JOIN need_participant p ON p.need_id = n.id
				WHERE n.assigned_team_id BETWEEN #{from} AND #{to} FOR UPDATE
				""")
		List<Long> lockTeams(@Param("from") long from, @Param("to") long to);

		@Delete("DELETE FROM need_hours_rollup WHERE subject = #{subject} AND subject_id BETWEEN #{from} AND #{to}")
		int deleteSubjects(@Param("subject") String subject, @Param("from") long from, @Param("to") long to);

		@Select("""
				SELECT GREATEST(COALESCE((SELECT MAX(user_id) FROM need_participant), 0),
				                COALESCE((SELECT MAX(subject_id) FROM need_hours_rollup WHERE subject = 'U'), 0))
				""")
		Long maxUser();

		@Select("""
				SELECT GREATEST(COALESCE((SELECT MAX(assigned_team_id) FROM need), 0),
				                COALESCE((SELECT MAX(subject_id) FROM need_hours_rollup WHERE subject = 'T'), 0))
				""")
		Long maxTeam();

		@Select("""
				SELECT period, period_value, subject_id, hours FROM need_hours_rollup
				WHERE subject = #{subject} AND subject_id BETWEEN #{from} AND #{to}
				""")
		List<SubjectRow> rowsOf(@Param("subject") String subject, @Param("from") long from, @Param("to") long to);

		/** What {@link #insertUsers} would write, read instead of written (the nightly check). */
		@Select("""
				SELECT #{period} AS period,
				       CASE #{period} WHEN 'WEEK' THEN DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%x-W%v')
				                      WHEN 'MONTH' THEN DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%Y-%m')
				                      WHEN 'YEAR' THEN DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%Y')
				                      ELSE 'all' END AS period_value,
				       p.user_id AS subject_id, SUM(p.hours) AS hours
				FROM need_participant p
				WHERE p.user_id BETWEEN #{from} AND #{to}
				  AND p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL
				GROUP BY p.user_id, period_value
				""")
		List<SubjectRow> sumUsers(@Param("period") String period, @Param("from") long from, @Param("to") long to);

		/** What {@link #insertTeams} would write, read instead of written (the nightly check). */
		@Select("""
				SELECT #{period} AS period,
				       CASE #{period} WHEN 'WEEK' THEN DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%x-W%v')
				                      WHEN 'MONTH' THEN DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%Y-%m')
				                      WHEN 'YEAR' THEN DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%Y')
				                      ELSE 'all' END AS period_value,
				       n.assigned_team_id AS subject_id, SUM(p.hours) AS hours
				FROM need n JOIN need_participant p ON p.need_id = n.id
				WHERE n.assigned_team_id BETWEEN #{from} AND #{to}
				  AND p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL
				GROUP BY n.assigned_team_id, period_value
				""")
		List<SubjectRow> sumTeams(@Param("period") String period, @Param("from") long from, @Param("to") long to);

		@Insert("""
				INSERT INTO need_hours_repair (subject, subject_id, rows_differing, all_before, all_after, created_at)
				VALUES (#{subject}, #{subjectId}, #{differing}, #{before}, #{after}, #{at})
				""")
		int recordRepair(@Param("subject") String subject, @Param("subjectId") long subjectId,
				@Param("differing") int differing, @Param("before") BigDecimal before, @Param("after") BigDecimal after,
				@Param("at") Instant at);

		@Select("SELECT COUNT(*) FROM need_hours_repair WHERE subject = #{subject} AND subject_id = #{subjectId}")
		int repairsOf(@Param("subject") String subject, @Param("subjectId") long subjectId);

		/** The migration's backfill (V35) of the users in a range, one period. */
		@Insert("""
				INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
				SELECT #{period},
				       CASE #{period} WHEN 'WEEK' THEN DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%x-W%v')
				                      WHEN 'MONTH' THEN DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%Y-%m')
				                      WHEN 'YEAR' THEN DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%Y')
				                      ELSE 'all' END AS period_value,
				       'U', p.user_id, MAX(p.volunteer_id), SUM(p.hours)
				FROM need_participant p
				WHERE p.user_id BETWEEN #{from} AND #{to}
				  AND p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL
				GROUP BY p.user_id, period_value
				""")
		int insertUsers(@Param("period") String period, @Param("from") long from, @Param("to") long to);

		/** The migration's backfill (V35) of the teams in a range, one period. */
		@Insert("""
				INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
				SELECT #{period},
				       CASE #{period} WHEN 'WEEK' THEN DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%x-W%v')
				                      WHEN 'MONTH' THEN DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%Y-%m')
				                      WHEN 'YEAR' THEN DATE_FORMAT(p.confirmed_at + INTERVAL 8 HOUR, '%Y')
				                      ELSE 'all' END AS period_value,
				       'T', n.assigned_team_id, NULL, SUM(p.hours)
				FROM need n JOIN need_participant p ON p.need_id = n.id
				WHERE n.assigned_team_id BETWEEN #{from} AND #{to}
				  AND p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL
				GROUP BY n.assigned_team_id, period_value
				""")
		int insertTeams(@Param("period") String period, @Param("from") long from, @Param("to") long to);

	}

}
