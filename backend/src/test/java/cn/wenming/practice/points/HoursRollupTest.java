package cn.wenming.practice.points;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.ActivityHoursRollup;
import cn.wenming.practice.need.NeedHoursRollup;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hours rollups ({@code activity_hours_rollup}, {@code need_hours_rollup}) equal the source rows
 * added up again, after random activity services (some with hours adjusted before confirmation,
 * some revoked) and need services (some adjusted, some revoked) spread over last December, this
 * January and now (year, month and ISO-week boundaries), all over the API. The truth is computed
 * here from the raw sign-ups and participants with this test's own period arithmetic (China time),
 * not the production code's. A rebuild from the source rows gives the same rows.
 */
@IntegrationTest
class HoursRollupTest {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	ActivityHoursRollup activityRollup;

	@Autowired
	NeedHoursRollup needRollup;

	@Scenario
	PointsScenario s;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theRollupsEqualTheSignUpsAndParticipantsAfterRandomConfirmationsAdjustmentsAndRevocations() {
		// A failed run names its seed; -DhoursRollupSeed=<seed> runs it again.
		long seed = Long.getLong("hoursRollupSeed", System.nanoTime());
		Random random = new Random(seed);
		List<Session> volunteers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			volunteers.add(this.s.trainedVolunteer("hours-rollup"));
		}
		Instant now = this.clock.instant();
		LocalDate lastDecember = now.atZone(CHINA).toLocalDate().withDayOfYear(1).minusDays(2);
		List<Instant> times = List.of(lastDecember.atTime(20, 0).atZone(CHINA).toInstant(),
				lastDecember.plusDays(4).atTime(9, 0).atZone(CHINA).toInstant(), now.minus(Duration.ofDays(35)), now);
		int revokedActivities = 0;
		int adjustedActivities = 0;
		// The first service (last December) is adjusted and kept, the fourth revoked, whatever the dice
		// say: every move happens and a year boundary is crossed.
		int served = 0;
		for (Instant time : times) {
			for (int i = 0; i < 2; i++, served++) {
				this.clock.set(time);
				Session volunteer = volunteers.get(random.nextInt(volunteers.size()));
				boolean adjust = served == 0 || random.nextBoolean();
				String signUpId = this.s.serveActivity(volunteer, this.clock, 1 + random.nextInt(2), !adjust);
				if (adjust) {
					adjustedActivities++;
					this.s.api.as(this.s.admin).documentName("adjustHours").variable("signUpId", signUpId)
						.variable("hours", 0.5 + random.nextInt(4) / 2.0).variable("reason", "补登签退").execute()
						.path("adjustHours.hoursAdjusted").entity(Boolean.class).isEqualTo(true);
					String activityId = this.jdbc.queryForObject("SELECT activity_id FROM activity_sign_up WHERE id = ?",
							Long.class, Long.valueOf(signUpId)).toString();
					this.s.api.as(this.s.admin).documentName("confirmHours").variable("activityId", activityId)
						.variable("signUpIds", List.of(signUpId)).execute()
						.path("confirmHours[0].hoursConfirmed").entity(Boolean.class).isEqualTo(true);
				}
				if (served == 3 || (served != 0 && random.nextInt(3) == 0)) {
					revokedActivities++;
					this.s.api.as(this.s.admin).documentName("revokeHours").variable("signUpId", signUpId)
						.variable("reason", "核实有误").execute()
						.path("revokeHours.hoursRevoked").entity(Boolean.class).isEqualTo(true);
				}
			}
		}
		// Needs are served now and confirmed at times spread forward over weeks, a month and a year end.
		int revokedNeeds = 0;
		int needs = 0;
		List<Duration> confirmations = List.of(Duration.ZERO, Duration.ofDays(8), Duration.ofDays(40));
		for (Duration later : confirmations) {
			for (int i = 0; i < 2; i++, needs++) {
				this.clock.reset();
				Session volunteer = volunteers.get(random.nextInt(volunteers.size()));
				Session resident = this.s.api.login(Fixtures.unique("resident"));
				String needId = this.s.completeNeed(resident, volunteer, 2.0);
				if (needs == 0 || random.nextBoolean()) {
					this.s.api.as(this.s.admin).documentName("adjustNeedHours")
						.variable("input", Map.of("needId", needId, "participantUserId",
								Long.toString(volunteer.userId()), "hours", 0.5 + random.nextInt(2) / 2.0, "reason",
								"按实际时长"))
						.execute().path("adjustNeedHours.id").entity(String.class).isEqualTo(needId);
				}
				this.clock.set(now.plus(later));
				this.s.confirmNeedHours(needId);
				// The first is kept and the second revoked whatever the dice say, as with the services
				// above: with every one revoked (1 seed in 243) there would be no need hours to compare.
				if (needs == 1 || (needs != 0 && random.nextInt(3) == 0)) {
					revokedNeeds++;
					this.clock.shift(Duration.ofDays(3));
					String volunteerId = this.jdbc
						.queryForObject("SELECT id FROM volunteer WHERE user_id = ?", Long.class, volunteer.userId())
						.toString();
					this.s.api.as(this.s.admin).documentName("revokeNeedHours")
						.variable("input", Map.of("needId", needId, "volunteerId", volunteerId, "reason", "经核实未到场"))
						.execute().path("revokeNeedHours.participants[0].hoursStatus").entity(String.class)
						.isEqualTo("REVOKED");
				}
			}
		}
		this.clock.reset();
		String context = "seed " + seed + ", " + adjustedActivities + " adjusted and " + revokedActivities
				+ " revoked sign-ups, " + revokedNeeds + " revoked need participations";

		List<Long> users = volunteers.stream().map(Session::userId).toList();
		Map<String, BigDecimal> expected = fromSources(users);
		assertThat(expected.keySet().stream().map(k -> k.split("\\|")[3]).distinct()).as(context)
			.containsExactlyInAnyOrder("WEEK", "MONTH", "YEAR", "ALL");
		assertThat(expected.keySet().stream().filter(k -> k.startsWith("need|")).count()).as(context).isPositive();
		assertThat(expected).as(context).containsKey("activity|U|" + this.jdbc.queryForObject(
				"SELECT user_id FROM activity_sign_up WHERE user_id IN (" + in(users) + ") ORDER BY id LIMIT 1", Long.class)
				+ "|YEAR|" + lastDecember.getYear());
		assertThat(inRollups(users)).as(context).isEqualTo(expected);

		// Rebuilt from the source rows (a range of users and projects around ours): the same rows.
		this.jdbc.update("UPDATE activity_hours_rollup SET hours = hours + 7 WHERE subject = 'U' AND subject_id = ?",
				users.get(0));
		this.jdbc.update("UPDATE need_hours_rollup SET hours = 0 WHERE subject = 'U' AND subject_id IN (" + in(users) + ")");
		this.jdbc.update("UPDATE activity_hours_rollup SET hours = hours + 3 WHERE subject = 'P' AND subject_id IN ("
				+ in(projectsOf(users)) + ")");
		assertThat(inRollups(users)).isNotEqualTo(expected);
		long min = users.stream().mapToLong(Long::longValue).min().orElseThrow();
		long max = users.stream().mapToLong(Long::longValue).max().orElseThrow();
		List<Long> projects = projectsOf(users);
		assertThat(this.activityRollup.rebuildUsers(min, max)).isPositive();
		assertThat(this.activityRollup.rebuildProjects(projects.get(0), projects.get(projects.size() - 1))).isPositive();
		assertThat(this.needRollup.rebuildUsers(min, max)).isPositive();
		assertThat(inRollups(users)).as(context).isEqualTo(expected);

		// The nightly check (HoursRollupCheck): rows off, missing and made up are found against the
		// source rows and set back, each repair recorded; a second check finds nothing.
		long drifting = this.jdbc.queryForObject("SELECT MIN(subject_id) FROM activity_hours_rollup WHERE subject = 'U' "
				+ "AND period = 'ALL' AND hours > 0 AND subject_id IN (" + in(users) + ")", Long.class);
		// Another user's made-up row: two users to repair, whichever user the dice left drifting.
		long madeUp = users.stream().filter(user -> user != drifting).findFirst().orElseThrow();
		this.jdbc.update("UPDATE activity_hours_rollup SET hours = hours + 5 WHERE subject = 'U' AND subject_id = ? "
				+ "AND period = 'ALL'", drifting);
		this.jdbc.update("DELETE FROM need_hours_rollup WHERE subject = 'U' AND subject_id IN (" + in(users) + ")");
		this.jdbc.update("UPDATE activity_hours_rollup SET hours = hours - 1 WHERE subject = 'P' AND subject_id = ?",
				projects.get(0));
		this.jdbc.update("INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours) "
				+ "VALUES ('WEEK', '2001-W01', 'U', ?, NULL, 4)", madeUp);
		assertThat(inRollups(users)).isNotEqualTo(expected);
		long activityUsers = this.activityRollup.checkUsers(min, max);
		long activityProjects = this.activityRollup.checkProjects(projects.get(0), projects.get(projects.size() - 1));
		long needUsers = this.needRollup.checkUsers(min, max);
		assertThat(activityUsers).as(context).isGreaterThanOrEqualTo(2);
		assertThat(activityProjects).as(context).isGreaterThanOrEqualTo(1);
		assertThat(needUsers).as(context).isGreaterThanOrEqualTo(1);
		assertThat(inRollups(users)).as(context).isEqualTo(expected);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity_hours_rollup WHERE period_value = '2001-W01' "
				+ "AND subject = 'U' AND subject_id = ?", Integer.class, madeUp)).isZero();
		assertThat(this.activityRollup.repairsOf("U", drifting)).isPositive();
		assertThat(this.activityRollup.repairsOf("U", madeUp)).isPositive();
		assertThat(this.activityRollup.repairsOf("P", projects.get(0))).isPositive();
		assertThat(this.jdbc.queryForObject("SELECT all_before - all_after FROM activity_hours_repair WHERE subject = 'U' "
				+ "AND subject_id = ? ORDER BY id DESC LIMIT 1", BigDecimal.class, drifting))
			.isEqualByComparingTo("5");
		assertThat(this.activityRollup.checkUsers(min, max) + this.needRollup.checkUsers(min, max)
				+ this.activityRollup.checkProjects(projects.get(0), projects.get(projects.size() - 1))).isZero();

		// A serving team's rows (the volunteers claimed for themselves above): the needs handed to a
		// team as rows, then the team's rows rebuilt from the participants equal their sums.
		String teamName = Fixtures.unique("队");
		this.jdbc.update("INSERT INTO team (org_unit_id, name, kind, leader_user_id, status, active_flag, created_by, "
				+ "created_at, updated_at) VALUES (?, ?, 'SQUAD', ?, 'ACTIVE', 1, ?, NOW(3), NOW(3))",
				this.s.tree.station(), teamName, users.get(0), users.get(0));
		long team = this.jdbc.queryForObject("SELECT id FROM team WHERE name = ?", Long.class, teamName);
		this.jdbc.update("UPDATE need SET assigned_team_id = ?, assigned_user_id = NULL WHERE id IN "
				+ "(SELECT need_id FROM need_participant WHERE user_id IN (" + in(users) + "))", team);
		assertThat(this.needRollup.rebuildTeams(team, team)).isPositive();
		Map<String, BigDecimal> teamExpected = new HashMap<>();
		this.jdbc.query("SELECT p.confirmed_at, p.hours FROM need_participant p JOIN need n ON n.id = p.need_id "
				+ "WHERE p.hours_status = 'CONFIRMED' AND n.assigned_team_id = ?", rs -> {
					for (String period : periods(rs.getTimestamp(1).toInstant())) {
						teamExpected.merge("need|T|" + team + "|" + period, rs.getBigDecimal(2), BigDecimal::add);
					}
				}, team);
		teamExpected.values().removeIf(hours -> hours.signum() == 0);
		Map<String, BigDecimal> teamRows = new HashMap<>();
		this.jdbc.query("SELECT period, period_value, hours FROM need_hours_rollup WHERE subject = 'T' AND subject_id = ? "
				+ "AND hours <> 0", rs -> {
					teamRows.put("need|T|" + team + "|" + rs.getString(1) + "|" + rs.getString(2), rs.getBigDecimal(3));
				}, team);
		assertThat(normalised(teamRows)).as(context).isNotEmpty().isEqualTo(normalised(teamExpected));
	}

	/**
	 * The concurrent variant: three volunteers share three activities (all signed up, checked out,
	 * unconfirmed) and each has two completed needs (hours pending); then, all released at once on
	 * eight threads, the activities' hours are confirmed while every sign-up is adjusted and some are
	 * revoked, and the needs' hours are confirmed while they are adjusted and half of them revoked.
	 * Every move answers (a refusal only with its documented code), and afterwards the rollups equal
	 * the source rows added up again, and each volunteer's credit hours equal their confirmed, not
	 * revoked hours: nothing was credited or taken back with hours other than the ones confirmed.
	 */
	@Test
	void theRollupsEqualTheSourcesAfterConcurrentConfirmationsAdjustmentsAndRevocations() throws Exception {
		List<Session> volunteers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			volunteers.add(this.s.trainedVolunteer("hours-race"));
		}
		List<List<String>> activities = new ArrayList<>();
		for (int a = 0; a < 3; a++) {
			activities.add(this.s.serveActivityTogether(volunteers, this.clock, 1 + a % 2));
			this.clock.reset();
		}
		List<String> needIds = new ArrayList<>();
		List<Session> needVolunteers = new ArrayList<>();
		for (Session volunteer : volunteers) {
			for (int k = 0; k < 2; k++) {
				Session resident = this.s.api.login(Fixtures.unique("resident"));
				needIds.add(this.s.completeNeed(resident, volunteer, 2.0));
				needVolunteers.add(volunteer);
			}
		}
		List<java.util.concurrent.Callable<String>> moves = new ArrayList<>();
		for (List<String> activity : activities) {
			String activityId = activity.get(0);
			List<String> signUpIds = activity.subList(1, activity.size());
			moves.add(() -> ApiErrors.codeOf(this.s.api.as(this.s.admin).documentName("confirmHours")
				.variable("activityId", activityId).variable("signUpIds", signUpIds).execute()));
			for (int i = 0; i < signUpIds.size(); i++) {
				String signUpId = signUpIds.get(i);
				double hours = 0.5 + i;
				moves.add(() -> ApiErrors.codeOf(this.s.api.as(this.s.admin).documentName("adjustHours")
					.variable("signUpId", signUpId).variable("hours", hours).variable("reason", "补登签退").execute()));
			}
			String revoked = signUpIds.get(activities.indexOf(activity) % signUpIds.size());
			moves.add(() -> untilConfirmed("HOURS_NOT_CONFIRMED",
					() -> ApiErrors.codeOf(this.s.api.as(this.s.admin).documentName("revokeHours")
						.variable("signUpId", revoked).variable("reason", "核实有误").execute())));
		}
		for (int n = 0; n < needIds.size(); n++) {
			String needId = needIds.get(n);
			Session volunteer = needVolunteers.get(n);
			moves.add(() -> ApiErrors.codeOf(this.s.api.as(this.s.admin).documentName("confirmNeedHours")
				.variable("needId", needId).execute()));
			moves.add(() -> ApiErrors.codeOf(this.s.api.as(this.s.admin).documentName("adjustNeedHours")
				.variable("input", Map.of("needId", needId, "participantUserId", Long.toString(volunteer.userId()),
						"hours", 0.5, "reason", "按实际时长"))
				.execute()));
			if (n % 2 == 0) {
				String volunteerId = this.jdbc
					.queryForObject("SELECT id FROM volunteer WHERE user_id = ?", Long.class, volunteer.userId())
					.toString();
				moves.add(() -> untilConfirmed("NEED_HOURS_NOT_CONFIRMED",
						() -> ApiErrors.codeOf(this.s.api.as(this.s.admin).documentName("revokeNeedHours")
							.variable("input", Map.of("needId", needId, "volunteerId", volunteerId, "reason", "经核实未到场"))
							.execute())));
			}
		}
		java.util.Collections.shuffle(moves, new Random(System.nanoTime()));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		List<String> codes = new ArrayList<>();
		try {
			java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<String>> results = new ArrayList<>();
			for (var move : moves) {
				results.add(pool.submit(() -> {
					go.await();
					return move.call();
				}));
			}
			go.countDown();
			for (var result : results) {
				codes.add(String.valueOf(result.get(120, java.util.concurrent.TimeUnit.SECONDS)));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(codes).as("every move answers, refusals only with their codes").allSatisfy(code -> assertThat(code)
			.isIn("null", "HOURS_ALREADY_CONFIRMED", "NEED_HOURS_ALREADY_CONFIRMED"));

		List<Long> users = volunteers.stream().map(Session::userId).toList();
		String context = "moves answered " + codes;
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity_sign_up WHERE user_id IN (" + in(users)
				+ ") AND hours_revoked_at IS NOT NULL", Integer.class)).as(context).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM need_participant WHERE user_id IN (" + in(users)
				+ ") AND hours_status = 'REVOKED'", Integer.class)).as(context).isEqualTo(3);
		assertThat(inRollups(users)).as(context).isEqualTo(fromSources(users));
		for (long user : users) {
			BigDecimal confirmed = this.jdbc.queryForObject("""
					SELECT (SELECT COALESCE(SUM(hours), 0) FROM activity_sign_up WHERE user_id = ?
					          AND hours_confirmed_at IS NOT NULL AND hours_revoked_at IS NULL)
					     + (SELECT COALESCE(SUM(hours), 0) FROM need_participant WHERE user_id = ? AND hours_status = 'CONFIRMED')
					""", BigDecimal.class, user, user);
			assertThat(this.jdbc.queryForObject("SELECT credit_hours FROM volunteer WHERE user_id = ?", BigDecimal.class,
					user)).as(context + ", credit hours of user " + user).isEqualByComparingTo(confirmed);
		}
	}

	/** Repeats a revocation while its hours are not confirmed yet (the confirmation runs on another thread). */
	private static String untilConfirmed(String notYet, java.util.concurrent.Callable<String> revoke) throws Exception {
		String code = revoke.call();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (notYet.equals(code) && System.nanoTime() < deadline) {
			Thread.sleep(25);
			code = revoke.call();
		}
		return code;
	}

	/** Non-zero hours per "module|subject|id|period|value", added up from the raw rows. */
	private Map<String, BigDecimal> fromSources(List<Long> users) {
		Map<String, BigDecimal> sums = new HashMap<>();
		this.jdbc.query("""
				SELECT s.user_id, a.project_id, a.ends_at, s.hours FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
				WHERE s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL AND s.user_id IN (%s)
				""".formatted(in(users)), rs -> {
					Instant at = rs.getTimestamp(3).toInstant();
					for (String period : periods(at)) {
						sums.merge("activity|U|" + rs.getLong(1) + "|" + period, rs.getBigDecimal(4), BigDecimal::add);
						sums.merge("activity|P|" + rs.getLong(2) + "|" + period, rs.getBigDecimal(4), BigDecimal::add);
					}
				});
		this.jdbc.query("""
				SELECT p.user_id, p.confirmed_at, p.hours FROM need_participant p
				WHERE p.hours_status = 'CONFIRMED' AND p.user_id IN (%s)
				""".formatted(in(users)), rs -> {
					for (String period : periods(rs.getTimestamp(2).toInstant())) {
						sums.merge("need|U|" + rs.getLong(1) + "|" + period, rs.getBigDecimal(3), BigDecimal::add);
					}
				});
		sums.values().removeIf(hours -> hours.signum() == 0);
		return normalised(sums);
	}

	private Map<String, BigDecimal> inRollups(List<Long> users) {
		Map<String, BigDecimal> rows = new HashMap<>();
		List<Long> projects = projectsOf(users);
		this.jdbc.query("SELECT subject, subject_id, period, period_value, hours FROM activity_hours_rollup "
				+ "WHERE hours <> 0 AND ((subject = 'U' AND subject_id IN (" + in(users) + ")) OR (subject = 'P' "
				+ "AND subject_id IN (" + in(projects) + ")))", rs -> {
					rows.put("activity|" + rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|"
							+ rs.getString(4), rs.getBigDecimal(5));
				});
		this.jdbc.query("SELECT subject, subject_id, period, period_value, hours FROM need_hours_rollup "
				+ "WHERE hours <> 0 AND subject = 'U' AND subject_id IN (" + in(users) + ")", rs -> {
					rows.put("need|" + rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|"
							+ rs.getString(4), rs.getBigDecimal(5));
				});
		return normalised(rows);
	}

	private List<Long> projectsOf(List<Long> users) {
		return this.jdbc.queryForList("SELECT DISTINCT a.project_id FROM activity_sign_up s JOIN activity a "
				+ "ON a.id = s.activity_id WHERE s.user_id IN (" + in(users) + ") ORDER BY a.project_id", Long.class);
	}

	private static Map<String, BigDecimal> normalised(Map<String, BigDecimal> sums) {
		return sums.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().setScale(2, java.math.RoundingMode.UNNECESSARY)));
	}

	/** "PERIOD|label" of the four periods containing {@code at}, in China time, computed independently. */
	private static List<String> periods(Instant at) {
		LocalDate day = at.atZone(CHINA).toLocalDate();
		return List.of("WEEK|" + day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
				+ String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
				"MONTH|" + day.getYear() + "-" + String.format("%02d", day.getMonthValue()), "YEAR|" + day.getYear(),
				"ALL|all");
	}

	private static String in(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

}
