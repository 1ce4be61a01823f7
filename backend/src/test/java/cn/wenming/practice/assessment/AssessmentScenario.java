package cn.wenming.practice.assessment;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HonorHoursRecords;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Volunteers;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arranges assessment data the way users make it: projects, activities through their life cycle,
 * sign-up, check-in and check-out with the clock moved to the activity, confirmed hours, honor hours,
 * civilized units and their pairings, over the API. What the application stamps with the real time
 * (registration, pairing) is backdated with {@link #backdate}; needs are rows written directly, with
 * the timestamps a test needs.
 */
final class AssessmentScenario {

	final Api api;

	final JdbcTemplate jdbc;

	final Fixtures fixtures;

	final MutableClock clock;

	final Session admin;

	/** A second center admin, who approves the honor hours {@link #admin} records (four eyes). */
	final Session approver;

	/** Where this scenario's activities take place (random, so other tests' location searches miss them). */
	final double latitude;

	final double longitude;

	AssessmentScenario(Api api, JdbcTemplate jdbc, MutableClock clock, long center) {
		this.api = api;
		this.jdbc = jdbc;
		this.fixtures = new Fixtures(jdbc);
		this.clock = clock;
		this.admin = api.login(Fixtures.unique("assess-admin"));
		this.fixtures.grant(this.admin.userId(), "CENTER_ADMIN", center);
		this.approver = api.login(Fixtures.unique("assess-approver"));
		this.fixtures.grant(this.approver.userId(), "CENTER_ADMIN", center);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.latitude = 20 + random.nextDouble() * 20;
		this.longitude = 100 + random.nextDouble() * 20;
	}

	/** A user who logs in (name from {@code prefix}) and is granted {@code role} over {@code unitId}. */
	Session grantee(String prefix, String role, long unitId) {
		Session session = this.api.login(Fixtures.unique(prefix));
		this.fixtures.grant(session.userId(), role, unitId);
		return session;
	}

	String project(long unitId) {
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(unitId));
		input.put("name", Fixtures.unique("理论宣讲进万家"));
		input.put("category", "THEORY_LECTURE");
		input.put("brand", false);
		return this.api.as(this.admin).documentName("createProject").variable("input", input).execute()
			.path("createProject.id").entity(String.class).get();
	}

	Map<String, Object> activityInput(String projectId, Instant start, Duration length, boolean theory,
			String civilizedUnitId) {
		Map<String, Object> input = new HashMap<>();
		input.put("projectId", projectId);
		input.put("title", theory ? "党的创新理论宣讲" : "文明实践活动");
		input.put("startsAt", start.toString());
		input.put("endsAt", start.plus(length).toString());
		input.put("address", "文明实践站");
		input.put("latitude", this.latitude);
		input.put("longitude", this.longitude);
		input.put("capacity", 20);
		input.put("theoryLecture", theory);
		input.put("civilizedUnitId", civilizedUnitId);
		return input;
	}

	/** Created the day before it starts: a new activity must start in the future, and these are past years'. */
	GraphQlTester.Response createActivity(String projectId, Instant start, Duration length, boolean theory,
			String civilizedUnitId) {
		this.clock.set(start.minus(Duration.ofDays(1)));
		try {
			return this.api.as(this.admin).documentName("assessmentCreateActivity")
				.variable("input", activityInput(projectId, start, length, theory, civilizedUnitId)).execute();
		}
		finally {
			this.clock.reset();
		}
	}

	/**
	 * An activity taken through its life cycle up to {@code finalStatus} (PUBLISHED, ONGOING, FINISHED
	 * or CANCELLED). Each of {@code served} signs up, checks in before the start and checks out the
	 * given number of hours after it; those in {@code confirm} get their hours confirmed after the finish.
	 */
	String activity(String projectId, String start, int hours, boolean theory, String civilizedUnitId,
			String finalStatus, Map<Session, Integer> served, List<Session> confirm) {
		Instant startsAt = Instant.parse(start);
		String id = createActivity(projectId, startsAt, Duration.ofHours(hours), theory, civilizedUnitId)
			.path("createActivity.id").entity(String.class).get();
		if (finalStatus.equals("CANCELLED")) {
			move("cancelActivity", id, "CANCELLED");
			return id;
		}
		move("publishActivity", id, "PUBLISHED");
		Map<Session, String> signUps = new LinkedHashMap<>();
		try {
			if (!served.isEmpty()) {
				this.clock.set(startsAt.minus(Duration.ofMinutes(30)));
				for (Session volunteer : served.keySet()) {
					this.api.as(volunteer).documentName("signUp").variable("activityId", id).variable("source", "menu")
						.execute().path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
					check("checkIn", volunteer, id);
				}
			}
			if (finalStatus.equals("PUBLISHED")) {
				return id;
			}
			move("startActivity", id, "ONGOING");
			for (Map.Entry<Session, Integer> entry : served.entrySet()) {
				this.clock.set(startsAt.plus(Duration.ofHours(entry.getValue())));
				signUps.put(entry.getKey(), check("checkOut", entry.getKey(), id).path("checkOut.id")
					.entity(String.class).get());
			}
			if (finalStatus.equals("ONGOING")) {
				return id;
			}
			move("finishActivity", id, "FINISHED");
			List<String> toConfirm = new ArrayList<>();
			confirm.forEach(volunteer -> toConfirm.add(signUps.get(volunteer)));
			if (!toConfirm.isEmpty()) {
				this.api.as(this.admin).documentName("confirmHours").variable("activityId", id)
					.variable("signUpIds", toConfirm).execute().path("confirmHours[*].hoursConfirmed")
					.entityList(Boolean.class).containsExactly(toConfirm.stream().map(s -> true).toArray(Boolean[]::new));
			}
			return id;
		}
		finally {
			this.clock.reset();
		}
	}

	String finished(String projectId, String start, boolean theory) {
		return activity(projectId, start, 2, theory, null, "FINISHED", Map.of(), List.of());
	}

	private void move(String mutation, String id, String status) {
		this.api.as(this.admin).documentName(mutation).variable("id", id).execute().path(mutation + ".status")
			.entity(String.class).isEqualTo(status);
	}

	private GraphQlTester.Response check(String mutation, Session volunteer, String activityId) {
		String token = this.api.as(this.admin).documentName("activityCheckInCode").variable("activityId", activityId)
			.execute().path("activityCheckInCode.token").entity(String.class).get();
		return this.api.as(volunteer).documentName(mutation).variable("activityId", activityId).variable("token", token)
			.variable("latitude", this.latitude).variable("longitude", this.longitude).execute();
	}

	/** A new user registered through the API as a volunteer of the station; returns the session. */
	Session volunteer(long stationId, boolean partyMember) {
		Session session = this.api.login(Fixtures.unique("assess-vol"));
		Map<String, Object> input = Volunteers.input("李四", Volunteers.idNumber(), stationId);
		input.put("partyMember", partyMember);
		this.api.as(session).documentName("registerVolunteer").variable("input", input).execute()
			.path("registerVolunteer.partyMember").entity(Boolean.class).isEqualTo(partyMember);
		return session;
	}

	long volunteerId(Session session) {
		return this.jdbc.queryForObject("SELECT id FROM volunteer WHERE user_id = ?", Long.class, session.userId());
	}

	/** Honor hours recorded by {@link #admin} and approved by {@link #approver}, so they count. */
	void honorHours(Session volunteer, double hours, String serviceDate) {
		String volunteerId = Long.toString(volunteerId(volunteer));
		Map<String, Object> input = Map.of("volunteerId", volunteerId, "hours", hours,
				"reason", "补录线下服务", "serviceDate", serviceDate);
		this.api.as(this.admin).documentName("recordHonorHours").variable("input", HonorHoursRecords.keyed(input)).execute()
			.path("recordHonorHours.id").entity(String.class).get();
		HonorHoursRecords.approveAll(this.api.as(this.approver), volunteerId);
	}

	String civilizedUnit(long registeredAt) {
		Map<String, Object> input = Map.of("name", Fixtures.unique("文明单位"), "orgUnitId", Long.toString(registeredAt));
		return this.api.as(this.admin).documentName("createCivilizedUnit").variable("input", input).execute()
			.path("createCivilizedUnit.id").entity(String.class).get();
	}

	/** A 文明校园 of the given 学段 registered at the unit. */
	String campus(long registeredAt, String schoolLevel) {
		Map<String, Object> input = Map.of("name", Fixtures.unique("文明校园"), "orgUnitId", Long.toString(registeredAt),
				"kind", "CAMPUS", "schoolLevel", schoolLevel);
		return this.api.as(this.admin).documentName("createCivilizedUnit").variable("input", input).execute()
			.path("createCivilizedUnit.id").entity(String.class).get();
	}

	/** Pairs with a 站, 所 or 中心 through {@code orgUnitId}. */
	void pairWith(String civilizedUnitId, long orgUnitId) {
		this.api.as(this.admin).documentName("pairCivilizedUnitWith").variable("civilizedUnitId", civilizedUnitId)
			.variable("orgUnitId", Long.toString(orgUnitId)).execute().path("pairCivilizedUnit.pairedAt")
			.entity(String.class).get();
	}

	void pair(String civilizedUnitId, long stationId) {
		this.api.as(this.admin).documentName("pairCivilizedUnit").variable("civilizedUnitId", civilizedUnitId)
			.variable("stationId", Long.toString(stationId)).execute().path("pairCivilizedUnit.pairedAt")
			.entity(String.class).get();
	}

	/** As if these volunteers had registered, and these pairings had been made, at {@code at}. */
	void backdate(List<Session> volunteers, List<String> civilizedUnitIds, String at) {
		Timestamp when = Timestamp.from(Instant.parse(at));
		volunteers.forEach(v -> this.jdbc.update("UPDATE volunteer SET created_at = ? WHERE user_id = ?", when, v.userId()));
		civilizedUnitIds.forEach(id -> this.jdbc
			.update("UPDATE civilized_unit_pairing SET paired_at = ? WHERE civilized_unit_id = ?", when, Long.valueOf(id)));
	}

	/**
	 * A need row at the station: submitted at {@code createdAt}, in {@code status}, completed and
	 * rated when those are given (ISO instants or null).
	 */
	void need(long stationId, String createdAt, String status, String completedAt, Integer stars, String ratedAt) {
		long category = this.jdbc.queryForObject("SELECT id FROM need_category WHERE name = '生活服务'", Long.class);
		this.jdbc.update("""
				INSERT INTO need (category_id, title, description, beneficiary_type, urgency, address, contact_name,
				  contact_phone, station_id, source, created_by, status, completed_at, rating_stars, rated_at, version,
				  created_at, updated_at)
				VALUES (?, '帮老人买菜', '腿脚不便，需要代买一周的菜', 'ELDERLY', 'NORMAL', '柴墟村 3 组', '张秀英',
				  '13812345678', ?, 'HOTLINE', ?, ?, ?, ?, ?, 0, ?, ?)
				""", category, stationId, this.admin.userId(), status, ts(completedAt), stars, ts(ratedAt),
				ts(createdAt), ts(createdAt));
	}

	private static Timestamp ts(String instant) {
		return (instant == null) ? null : Timestamp.from(Instant.parse(instant));
	}

	GraphQlTester.Response assessment(Session as, long unitId, int year, int month) {
		return this.api.as(as).documentName("assessment").variable("orgUnitId", Long.toString(unitId))
			.variable("year", year).variable("month", month).execute();
	}

	/** The figures of one unit in an assessment answer, by kind. */
	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> figuresOf(Map<String, Object> assessment, long unitId) {
		List<Map<String, Object>> units = (List<Map<String, Object>>) assessment.get("units");
		Map<String, Object> unit = units.stream().filter(u -> u.get("orgUnitId").equals(Long.toString(unitId)))
			.findFirst().orElseThrow(() -> new AssertionError("unit " + unitId + " missing"));
		Map<String, Map<String, Object>> byKind = new LinkedHashMap<>();
		((List<Map<String, Object>>) unit.get("figures")).forEach(f -> byKind.put((String) f.get("kind"), f));
		assertThat(byKind).hasSize(((List<?>) unit.get("figures")).size());
		return byKind;
	}

}
