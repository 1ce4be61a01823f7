package cn.wenming.practice.need;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.IdempotencyKeys;
import cn.wenming.practice.testinfra.Volunteers;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh org tree with a station admin, a resident, a trained volunteer and a team (leader and
 * one member), arranged through the API except the admin grant. Shared by the need tests, and public
 * for tests of other features that consume needs (project ratings).
 */
public final class NeedScenario {

	public final Api api;

	final Fixtures fixtures;

	final JdbcTemplate jdbc;

	public final Fixtures.Tree tree;

	public final Session admin;

	public final Session resident;

	public final Session volunteer;

	public final Session leader;

	public final Session member;

	public final String teamId;

	final String categoryId;

	NeedScenario(Api api, JdbcTemplate jdbc) {
		this(api, jdbc, new Fixtures(jdbc).tree(), null);
	}

	/** The scenario on an existing tree, with {@code admin} already STATION_ADMIN of its station (null: a new one). */
	public NeedScenario(Api api, JdbcTemplate jdbc, Fixtures.Tree tree, Session admin) {
		this.api = api;
		this.jdbc = jdbc;
		this.fixtures = new Fixtures(jdbc);
		this.tree = tree;
		if (admin == null) {
			admin = api.login(Fixtures.unique("need-admin"));
			this.fixtures.grant(admin.userId(), "STATION_ADMIN", this.tree.station());
		}
		this.admin = admin;
		this.resident = api.login(Fixtures.unique("resident"));
		this.volunteer = trainedVolunteer("vol");
		this.leader = trainedVolunteer("leader");
		this.member = trainedVolunteer("member");
		this.teamId = createTeam(this.leader);
		addMember(this.teamId, this.member);
		this.categoryId = category("生活服务");
	}

	String category(String name) {
		return this.jdbc.queryForObject("SELECT id FROM need_category WHERE name = ?", Long.class, name).toString();
	}

	Session volunteer(String prefix) {
		Session session = this.api.login(Fixtures.unique(prefix));
		Volunteers.register(this.api.as(session), this.tree.station(), "李四", List.of("电路维修"), List.of("CULTURE"));
		return session;
	}

	/** A registered volunteer whose training (先培训再上岗) the station admin has recorded. */
	Session trainedVolunteer(String prefix) {
		Session session = this.api.login(Fixtures.unique(prefix));
		String volunteerId = Volunteers.register(this.api.as(session), this.tree.station(), "李四", List.of("电路维修"),
				List.of("CULTURE"));
		Map<String, Object> input = Map.of("volunteerId", volunteerId, "course", "岗前培训", "completedAt",
				"2026-01-10T02:00:00Z");
		this.api.as(this.admin).documentName("recordTraining").variable("input", input).execute()
			.path("recordTraining.trained").entity(Boolean.class).isEqualTo(true);
		return session;
	}

	String createTeam(Session leader) {
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(this.tree.station()));
		input.put("name", Fixtures.unique("助老服务队"));
		input.put("kind", "SQUAD");
		input.put("leaderUserId", Long.toString(leader.userId()));
		return this.api.as(this.admin).documentName("createTeam").variable("input", input).execute()
			.path("createTeam.id").entity(String.class).get();
	}

	void addMember(String teamId, Session member) {
		String requestId = this.api.as(member).documentName("requestToJoinTeam").variable("teamId", teamId)
			.variable("message", "想加入").execute().path("requestToJoinTeam.id").entity(String.class).get();
		this.api.as(this.admin).documentName("approveJoinRequest").variable("requestId", requestId).execute()
			.path("approveJoinRequest.status").entity(String.class).isEqualTo("APPROVED");
	}

	Map<String, Object> input(String title) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("categoryId", this.categoryId);
		input.put("title", title);
		input.put("description", "家里灯不亮了，需要有人帮忙检查电路");
		input.put("beneficiaryType", "ELDERLY");
		input.put("urgency", "URGENT");
		input.put("address", "高港区口岸街道柴墟村 3 组 12 号");
		input.put("latitude", 32.3201);
		input.put("longitude", 119.8802);
		input.put("contactName", "张秀英");
		input.put("contactPhone", "13812345678");
		input.put("desiredDate", "2026-12-01");
		input.put("stationId", Long.toString(this.tree.station()));
		return input;
	}

	GraphQlTester.Response submit(Session as, Map<String, Object> input) {
		return this.api.as(as).documentName("submitNeed").variable("input", IdempotencyKeys.keyed(input)).execute();
	}

	/** A need submitted by the scenario's resident at the scenario's station. */
	String submitted(String title) {
		return submit(this.resident, input(title)).path("submitNeed.id").entity(String.class).get();
	}

	/** A need that the admin has reviewed and published to the wish wall. */
	public String published(String title) {
		String id = submitted(title);
		byNeed(this.admin, "publishNeed", id).path("publishNeed.status").entity(String.class).isEqualTo("PUBLISHED");
		return id;
	}

	public GraphQlTester.Response byNeed(Session as, String document, String needId) {
		return this.api.as(as).documentName(document).variable("needId", needId).execute();
	}

	public GraphQlTester.Response withReason(Session as, String document, String needId, String reason) {
		return this.api.as(as).documentName(document).variable("needId", needId).variable("reason", reason).execute();
	}

	GraphQlTester.Response dispatch(Session as, String needId, String teamId, Long volunteerUserId) {
		return dispatch(as, needId, teamId, volunteerUserId, null);
	}

	/** Dispatch as part of a service project ({@code projectId} may be null). */
	public GraphQlTester.Response dispatch(Session as, String needId, String teamId, Long volunteerUserId,
			String projectId) {
		Map<String, Object> input = new HashMap<>();
		input.put("projectId", projectId);
		input.put("needId", needId);
		input.put("teamId", teamId);
		input.put("volunteerUserId", (volunteerUserId == null) ? null : volunteerUserId.toString());
		input.put("deadline", Instant.now().plus(3, ChronoUnit.DAYS).toString());
		return this.api.as(as).documentName("dispatchNeed").variable("input", input).execute();
	}

	GraphQlTester.Response claim(Session as, String needId, String teamId) {
		return claim(as, needId, teamId, null);
	}

	/** Claim as part of a service project ({@code projectId} may be null). */
	public GraphQlTester.Response claim(Session as, String needId, String teamId, String projectId) {
		return this.api.as(as).documentName("claimNeed").variable("needId", needId).variable("teamId", teamId)
			.variable("projectId", projectId).execute();
	}

	/**
	 * Completes a need whose service took as long as the longest of the claimed hours: the start of
	 * service (the IN_PROGRESS stage and its timeline row) is moved back by that much first, so the
	 * hours stay within the bound checked at completion. {@link #completeNow} completes without that.
	 */
	public GraphQlTester.Response complete(Session as, String needId, Map<Long, Double> hoursByUser) {
		long seconds = (long) Math.ceil(hoursByUser.values().stream().mapToDouble(Double::doubleValue).max().orElse(0)
				* 3600);
		this.jdbc.update("UPDATE need SET stage_started_at = DATE_SUB(stage_started_at, INTERVAL ? SECOND)"
				+ " WHERE id = ? AND status = 'IN_PROGRESS'", seconds, Long.valueOf(needId));
		this.jdbc.update("UPDATE need_history SET created_at = DATE_SUB(created_at, INTERVAL ? SECOND)"
				+ " WHERE need_id = ? AND to_status = 'IN_PROGRESS'", seconds, Long.valueOf(needId));
		return completeNow(as, needId, hoursByUser);
	}

	/** Completes the need right away, however long it has been in service. */
	public GraphQlTester.Response completeNow(Session as, String needId, Map<Long, Double> hoursByUser) {
		List<Map<String, Object>> participants = hoursByUser.entrySet().stream()
			.map(e -> Map.<String, Object>of("userId", e.getKey().toString(), "hours", e.getValue()))
			.toList();
		return this.api.as(as).documentName("completeNeed")
			.variable("input", Map.of("needId", needId, "note", "已更换灯泡并检查线路", "participants", participants))
			.execute();
	}

	/** An admin confirms the need's pending participant hours. */
	public GraphQlTester.Response confirmHours(Session as, String needId) {
		return this.api.as(as).documentName("confirmNeedHours").variable("needId", needId).execute();
	}

	public GraphQlTester.Response adjustHours(Session as, String needId, long userId, double hours, String reason) {
		return this.api.as(as).documentName("adjustNeedHours")
			.variable("input", Map.of("needId", needId, "participantUserId", Long.toString(userId), "hours", hours,
					"reason", reason))
			.execute();
	}

	public GraphQlTester.Response rate(Session as, String needId, int stars) {
		return this.api.as(as).documentName("rateNeed")
			.variable("input", Map.of("needId", needId, "stars", stars, "comment", "很及时，谢谢"))
			.execute();
	}

	GraphQlTester.Response need(Session as, String needId) {
		return this.api.as(as).documentName("need").variable("id", needId).execute();
	}

	int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

}
