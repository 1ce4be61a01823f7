package cn.wenming.practice.leaderboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.activity.ActivityHoursRollup;
import cn.wenming.practice.activity.ActivityFinished;
import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.activity.HoursRevoked;
import cn.wenming.practice.testinfra.AfterCommit;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Volunteers;
import cn.wenming.practice.volunteer.ServiceCategory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A county of its own (中心 → 所 i1 (站 s1, s2), 所 i2 (站 s3)) with volunteers registered through
 * the API and two teams. Service is arranged as rows (projects, FINISHED activities, confirmed
 * sign-ups) and then announced with the same events the activity feature publishes after its
 * commits, so points are awarded by the real points listeners and the boards follow as in
 * production. Ranks are checked against an independent SQL query over the owners' tables.
 */
final class LeaderboardScenario {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	final Api api;

	final TransactionTemplate tx;

	final JdbcTemplate jdbc;

	final ApplicationEventPublisher events;

	final MutableClock clock;

	/** Sign-ups here are rows, not the API: their hours are added up into the rollup as a confirmation would. */
	final ActivityHoursRollup hoursRollup;

	final Fixtures fixtures;

	final long center;

	final long i1;

	final long i2;

	final long s1;

	final long s2;

	final long s3;

	final List<Session> volunteers = new ArrayList<>();

	final List<Long> volunteerIds = new ArrayList<>();

	long team1;

	long team2;

	long adminUserId;

	LeaderboardScenario(Api api, JdbcTemplate jdbc, ApplicationEventPublisher events, MutableClock clock,
			ActivityHoursRollup hoursRollup) {
		this.hoursRollup = hoursRollup;
		this.api = api;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
		this.fixtures = new Fixtures(jdbc);
		this.center = this.fixtures.unit(null, "CENTER", Fixtures.unique("中心"), 31.3, 119.8);
		this.i1 = this.fixtures.unit(this.center, "INSTITUTE", Fixtures.unique("所"), 31.3, 119.8);
		this.i2 = this.fixtures.unit(this.center, "INSTITUTE", Fixtures.unique("所"), 31.3, 119.8);
		this.s1 = this.fixtures.unit(this.i1, "STATION", Fixtures.unique("站"), 31.3, 119.8);
		this.s2 = this.fixtures.unit(this.i1, "STATION", Fixtures.unique("站"), 31.3, 119.8);
		this.s3 = this.fixtures.unit(this.i2, "STATION", Fixtures.unique("站"), 31.3, 119.8);
	}

	/** Registers volunteers with these names at these stations (pairs). */
	void volunteers(Object... nameAndStation) {
		for (int i = 0; i < nameAndStation.length; i += 2) {
			Session session = this.api.login(Fixtures.unique("lb"));
			String id = Volunteers.register(this.api.as(session), (Long) nameAndStation[i + 1],
					(String) nameAndStation[i], List.of("摄影"), List.of("CULTURE"));
			this.volunteers.add(session);
			this.volunteerIds.add(Long.valueOf(id));
		}
	}

	long user(int index) {
		return this.volunteers.get(index).userId();
	}

	/** A team at {@code unit} led by volunteer {@code leader}, with the given members (indexes). */
	long team(long unit, int leader, int... members) {
		long id = insert("INSERT INTO team (org_unit_id, name, kind, leader_user_id, status, active_flag, created_by, "
				+ "created_at, updated_at) VALUES (?, ?, 'SQUAD', ?, 'ACTIVE', 1, ?, NOW(3), NOW(3))", unit,
				Fixtures.unique("队"), user(leader), user(leader));
		for (int member : members) {
			this.jdbc.update("INSERT INTO team_member (team_id, user_id, volunteer_id, role, joined_at) "
					+ "VALUES (?, ?, ?, ?, NOW(3))", id, user(member), this.volunteerIds.get(member),
					(member == leader) ? "LEADER" : "MEMBER");
		}
		return id;
	}

	long project(long unit, Long team) {
		return insert("INSERT INTO project (org_unit_id, team_id, name, category, status, created_by, created_at, "
				+ "updated_at) VALUES (?, ?, ?, 'CULTURE', 'ACTIVE', ?, NOW(3), NOW(3))", unit, team,
				Fixtures.unique("项目"), user(0));
	}

	/** An activity of the project at {@code unit} that ended at {@code endsAt}, FINISHED (announced) or not. */
	long activity(long project, long unit, Instant endsAt, boolean finished) {
		long id = insert("INSERT INTO activity (project_id, org_unit_id, category, title, starts_at, ends_at, "
				+ "sign_up_deadline, address, latitude, longitude, capacity, status, created_by, created_at, updated_at) "
				+ "VALUES (?, ?, 'CULTURE', '活动', ?, ?, ?, '地址', 31.3, 119.8, 50, ?, ?, NOW(3), NOW(3))", project,
				unit, Timestamp.from(endsAt.minusSeconds(7200)), Timestamp.from(endsAt),
				Timestamp.from(endsAt.minusSeconds(7200)), finished ? "FINISHED" : "ONGOING", user(0));
		if (finished) {
			publish(new ActivityFinished(id));
		}
		return id;
	}

	/**
	 * Volunteer {@code index} served {@code hours} at the activity, confirmed now (the clock's now):
	 * the sign-up row, then {@link HoursConfirmed} published in a transaction as the activity feature
	 * does (points award it and boards refresh after the commit). Returns the event, for replays.
	 */
	HoursConfirmed serve(int index, long activity, String hours) {
		HoursConfirmed event = confirm(index, activity, hours);
		publish(event);
		return event;
	}

	/**
	 * The rows of {@link #serve} committed, its event not yet published: for tests that choose when
	 * each listener runs.
	 */
	HoursConfirmed confirm(int index, long activity, String hours) {
		BigDecimal h = new BigDecimal(hours);
		long signUp = insert("INSERT INTO activity_sign_up (activity_id, user_id, volunteer_id, status, live_flag, hours, "
				+ "hours_confirmed_at, hours_confirmed_by, created_at, updated_at) VALUES (?, ?, ?, 'CONFIRMED', 1, ?, ?, ?, NOW(3), NOW(3))",
				activity, user(index), this.volunteerIds.get(index), h, Timestamp.from(this.clock.instant()), user(0));
		this.jdbc.update("UPDATE volunteer SET credit_hours = credit_hours + ? WHERE id = ?", h,
				this.volunteerIds.get(index));
		rollUp(user(index), activity);
		return new HoursConfirmed(user(index), activity, signUp, h, ServiceCategory.CULTURE);
	}

	/** Revokes confirmed hours the way the activity feature records it, then announces it. */
	void revoke(HoursConfirmed served) {
		this.jdbc.update("UPDATE activity_sign_up SET hours_revoked_at = ?, hours_revoked_by = ?, "
				+ "hours_revoke_reason = '核实未到场' WHERE id = ?", Timestamp.from(this.clock.instant()), user(0),
				served.signUpId());
		rollUp(served.volunteerUserId(), served.activityId());
		publish(new HoursRevoked(served.volunteerUserId(), served.activityId(), served.signUpId(), served.hours()));
	}

	/** The hours rollup of the user and the activity's project, added up again from the sign-up rows. */
	private void rollUp(long userId, long activity) {
		this.hoursRollup.rebuildUsers(userId, userId);
		long project = this.jdbc.queryForObject("SELECT project_id FROM activity WHERE id = ?", Long.class, activity);
		this.hoursRollup.rebuildProjects(project, project);
	}

	/**
	 * Publishes an event as the features do, inside a transaction: the event publication registry
	 * records it and the listeners run after the commit, on other threads. Waits for them, because
	 * the scenario moves the clock next, and awards are stamped with the clock's time when they run.
	 */
	void publish(Object event) {
		this.tx.executeWithoutResult(status -> this.events.publishEvent(event));
		settle();
	}

	private long insert(String sql, Object... args) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
			for (int i = 0; i < args.length; i++) {
				ps.setObject(i + 1, args[i]);
			}
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	// --- The independent truth: plain SQL over the owners' tables, ranked by the database.

	/** A ranked row: rank, id, score (2 decimals). */
	record Rank(int rank, long id, BigDecimal score) {
	}

	/** [from, to) of a period around the clock's now, computed here without the production code. */
	Instant[] bounds(String period) {
		LocalDate today = this.clock.instant().atZone(SHANGHAI).toLocalDate();
		LocalDate from;
		LocalDate to;
		switch (period) {
			case "WEEK" -> {
				from = today.with(DayOfWeek.MONDAY);
				to = from.plusDays(7);
			}
			case "MONTH" -> {
				from = today.withDayOfMonth(1);
				to = from.plusMonths(1);
			}
			case "YEAR" -> {
				from = today.withDayOfYear(1);
				to = from.plusYears(1);
			}
			default -> {
				return new Instant[] { Instant.parse("1971-01-01T00:00:00Z"), Instant.parse("9000-01-01T00:00:00Z") };
			}
		}
		return new Instant[] { from.atStartOfDay(SHANGHAI).toInstant(), to.atStartOfDay(SHANGHAI).toInstant() };
	}

	List<Rank> expected(String kind, String period, String scopeType, long scopeId) {
		Instant[] window = bounds(period);
		String scoped;
		String inner = switch (kind) {
			case "VOLUNTEER_POINTS" -> {
				scoped = scopeType.equals("TEAM") ? "JOIN team_member m ON m.user_id = e.user_id AND m.team_id = ?"
						: "JOIN volunteer v ON v.user_id = e.user_id JOIN org_unit u ON u.id = v.home_station_id "
								+ "AND u.path LIKE CONCAT('%/', ?, '/%')";
				yield "SELECT e.user_id AS id, SUM(e.delta) AS score FROM points_entry e "
						+ "LEFT JOIN points_entry r ON e.business_type = 'REVERSAL' AND r.id = e.business_id " + scoped
						+ " WHERE e.created_at >= ? AND e.created_at < ? AND (e.business_type IN "
						+ "('ACTIVITY_HOURS','NEED_COMPLETED','RATING_BONUS') OR r.business_type IN "
						+ "('ACTIVITY_HOURS','NEED_COMPLETED','RATING_BONUS')) GROUP BY e.user_id";
			}
			case "VOLUNTEER_HOURS" -> {
				scoped = scopeType.equals("TEAM") ? "JOIN team_member m ON m.user_id = s.user_id AND m.team_id = ?"
						: "JOIN volunteer v ON v.user_id = s.user_id JOIN org_unit u ON u.id = v.home_station_id "
								+ "AND u.path LIKE CONCAT('%/', ?, '/%')";
				yield "SELECT s.user_id AS id, SUM(s.hours) AS score FROM activity_sign_up s "
						+ "JOIN activity a ON a.id = s.activity_id " + scoped
						+ " WHERE a.ends_at >= ? AND a.ends_at < ? AND s.hours_confirmed_at IS NOT NULL "
						+ "AND s.hours_revoked_at IS NULL GROUP BY s.user_id";
			}
			case "TEAM_HOURS" -> "SELECT t.id AS id, SUM(s.hours) AS score FROM activity_sign_up s "
					+ "JOIN activity a ON a.id = s.activity_id JOIN project p ON p.id = a.project_id "
					+ "JOIN team t ON t.id = p.team_id JOIN org_unit u ON u.id = t.org_unit_id "
					+ "AND u.path LIKE CONCAT('%/', ?, '/%') WHERE a.ends_at >= ? AND a.ends_at < ? "
					+ "AND s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL GROUP BY t.id";
			default -> "SELECT u.id AS id, COUNT(*) AS score FROM activity a JOIN org_unit u ON u.id = a.org_unit_id "
					+ "AND u.level = 'STATION' AND u.path LIKE CONCAT('%/', ?, '/%') "
					+ "WHERE a.ends_at >= ? AND a.ends_at < ? AND a.status = 'FINISHED' GROUP BY u.id";
		};
		String sql = "SELECT id, score, RANK() OVER (ORDER BY score DESC) AS rk FROM (" + inner
				+ ") t WHERE score > 0 ORDER BY rk, id";
		return this.jdbc.query(sql,
				(rs, n) -> new Rank(rs.getInt("rk"), rs.getLong("id"),
						rs.getBigDecimal("score").setScale(2, RoundingMode.HALF_UP)),
				scopeId, Timestamp.from(window[0]), Timestamp.from(window[1]));
	}

	// --- The API.

	/** Waits until the listeners of everything published before have run. */
	void settle() {
		AfterCommit.awaitListeners(this.jdbc);
	}

	/** A board as the API answers it, once the listeners of everything published before have run. */
	GraphQlTester.Response board(Session as, String kind, String period, String scopeType, long scopeId, int first) {
		AfterCommit.awaitListeners(this.jdbc);
		return this.api.as(as).documentName("leaderboard").variable("kind", kind).variable("period", period)
			.variable("scopeType", scopeType).variable("scopeId", Long.toString(scopeId)).variable("first", first)
			.execute();
	}

	@SuppressWarnings("unchecked")
	static List<Rank> ranks(GraphQlTester.Response response) {
		List<Map<String, Object>> entries = response.path("leaderboard.entries").entity(List.class).get();
		return entries.stream()
			.map(e -> new Rank(((Number) e.get("rank")).intValue(), Long.parseLong((String) e.get("id")),
					BigDecimal.valueOf(((Number) e.get("score")).doubleValue()).setScale(2, RoundingMode.HALF_UP)))
			.toList();
	}

	/** The board as the service answers it, as comparable rows. */
	static List<Rank> ranks(LeaderboardService.View view) {
		return view.entries().stream()
			.map(r -> new Rank(r.rank(), r.id(), BigDecimal.valueOf(r.score()).setScale(2, RoundingMode.HALF_UP)))
			.toList();
	}

}
