package cn.wenming.practice.lecture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.IdempotencyKeys;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 理论宣讲 through the API: the registry is kept by admins covering the unit, lectures are recorded
 * with their checks and codes, the list costs the same statements for 5 and 50 lectures, and the
 * assessment's monthly figure counts recorded lectures plus flagged activities no lecture stands
 * for, with a drill-down listing exactly what was counted.
 */
@IntegrationTest
class LectureTest {

	static final String REGISTER = """
			mutation($input: RegisterLecturerInput!) { registerLecturer(input: $input) {
			  id volunteerId name orgUnitId orgUnitName topics } }""";

	static final String GROUP = """
			mutation($input: CreateLectureGroupInput!) { createLectureGroup(input: $input) {
			  id name orgUnitName members { id name } } }""";

	static final String RECORD = """
			mutation($input: RecordLectureInput!) { recordLecture(input: $input) {
			  id topic place heldOn audience activityId orgUnitName speakers { id name topics } group { id name } } }""";

	static final String LECTURES = """
			query($orgUnitId: ID!, $first: Int) { lectures(orgUnitId: $orgUnitId, first: $first) {
			  edges { node { id topic heldOn audience orgUnitName speakers { id name orgUnitName topics }
			    group { id name orgUnitName members { id name } } } } pageInfo { hasNextPage endCursor } } }""";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlCounter sql;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	Fixtures.Tree tree;

	long otherStation;

	Session admin;

	Session outsider;

	String volunteerId;

	@BeforeEach
	void setUp() {
		this.tree = this.fixtures.tree();
		this.otherStation = this.fixtures.unit(this.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		this.admin = this.api.login(Fixtures.unique("lecture-admin"));
		this.fixtures.grant(this.admin.userId(), "STATION_ADMIN", this.tree.station());
		this.outsider = this.api.login(Fixtures.unique("lecture-outsider"));
		this.fixtures.grant(this.outsider.userId(), "STATION_ADMIN", this.otherStation);
		Session volunteer = this.api.login(Fixtures.unique("lecturer"));
		this.volunteerId = Volunteers.register(this.api.as(volunteer), this.tree.station());
	}

	@Test
	void registryIsKeptByAdminsCoveringTheUnit() {
		ApiErrors.expectCode(register(this.outsider, this.volunteerId, this.tree.station()), "FORBIDDEN");
		// The volunteer is based at another station than the one the outsider covers.
		ApiErrors.expectCode(register(this.outsider, this.volunteerId, this.otherStation), "LECTURER_NOT_IN_UNIT");
		ApiErrors.expectBadField(this.api.as(this.admin).document(REGISTER).variable("input",
				Map.of("volunteerId", this.volunteerId, "orgUnitId", Long.toString(this.tree.station()), "topics",
						List.of())).execute(), "input.topics");

		String lecturerId = register(this.admin, this.volunteerId, this.tree.station())
			.path("registerLecturer.topics").entityList(String.class).containsExactly("党的二十大精神", "乡村振兴")
			.path("registerLecturer.id").entity(String.class).get();
		// Registering again replaces the topics: one lecturer per volunteer.
		this.api.as(this.admin).document(REGISTER).variable("input", Map.of("volunteerId", this.volunteerId,
				"orgUnitId", Long.toString(this.tree.station()), "topics", List.of("移风易俗"))).execute()
			.path("registerLecturer.id").entity(String.class).isEqualTo(lecturerId)
			.path("registerLecturer.topics").entityList(String.class).containsExactly("移风易俗");

		ApiErrors.expectCode(group(this.admin, this.tree.station(), "百姓名嘴宣讲团", List.of("999999999")),
				"LECTURER_NOT_REGISTERED");
		group(this.admin, this.tree.station(), "百姓名嘴宣讲团", List.of(lecturerId))
			.path("createLectureGroup.members[0].id").entity(String.class).isEqualTo(lecturerId);
		ApiErrors.expectCode(group(this.admin, this.tree.station(), "百姓名嘴宣讲团", List.of(lecturerId)),
				"LECTURE_GROUP_NAME_TAKEN");
		ApiErrors.expectCode(group(this.outsider, this.tree.station(), "外站宣讲团", List.of(lecturerId)), "FORBIDDEN");

		// The institute's admin sees the station's registry; the other station's admin may not look.
		Session instituteAdmin = this.api.login(Fixtures.unique("lecture-institute"));
		this.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", this.tree.institute());
		this.api.as(instituteAdmin).document("query($u: ID!) { lecturers(orgUnitId: $u) { edges { node { id } } } }")
			.variable("u", this.tree.institute()).execute()
			.path("lecturers.edges[*].node.id").entityList(String.class).containsExactly(lecturerId);
		ApiErrors.expectCode(this.api.as(this.outsider)
			.document("query($u: ID!) { lectureGroups(orgUnitId: $u) { edges { node { id } } } }")
			.variable("u", this.tree.station()).execute(), "FORBIDDEN");
	}

	@Test
	void lecturesAreCheckedAndRecordedByAdminsCoveringTheUnit() {
		String lecturerId = register(this.admin, this.volunteerId, this.tree.station())
			.path("registerLecturer.id").entity(String.class).get();
		ApiErrors.expectCode(record(this.admin, lecture("2026-02-20", List.of(), null)), "LECTURE_SPEAKER_REQUIRED");
		ApiErrors.expectCode(record(this.admin, lecture("2999-01-01", List.of(lecturerId), null)), "BAD_REQUEST");
		Map<String, Object> negative = lecture("2026-02-20", List.of(lecturerId), null);
		negative.put("audience", -1);
		ApiErrors.expectBadField(record(this.admin, negative), "input.audience");
		ApiErrors.expectCode(record(this.outsider, lecture("2026-02-20", List.of(lecturerId), null)), "FORBIDDEN");

		record(this.admin, lecture("2026-02-20", List.of(lecturerId), null))
			.path("recordLecture.heldOn").entity(String.class).isEqualTo("2026-02-20")
			.path("recordLecture.audience").entity(Integer.class).isEqualTo(45)
			.path("recordLecture.speakers[0].id").entity(String.class).isEqualTo(lecturerId)
			.path("recordLecture.speakers[0].topics").entityList(String.class).contains("乡村振兴");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM lecture WHERE org_unit_id = ?", Integer.class,
				this.tree.station())).isEqualTo(1);
	}

	/**
	 * 宣讲 counts in the assessment: a lecture sent again with its key (a double click, the client's retry
	 * of a 503 whose commit went through, ten at once) is recorded once and every send answers it; the key
	 * for another lecture is refused; an admin not over the unit gets FORBIDDEN whatever the key; another
	 * admin's key of the same string is theirs.
	 */
	@Test
	void aLectureSentAgainWithItsKeyIsRecordedOnce() throws Exception {
		String lecturerId = register(this.admin, this.volunteerId, this.tree.station())
			.path("registerLecturer.id").entity(String.class).get();
		Map<String, Object> input = lecture("2026-02-20", List.of(lecturerId), null);
		input.put("idempotencyKey", "lecture-key-0001");
		List<GraphQlTester.Response> answers = Race.times(10, () -> record(this.admin, input));
		List<String> ids = answers.stream().map(answer -> answer.path("recordLecture.id").entity(String.class).get())
			.toList();
		assertThat(ids).hasSize(10).containsOnly(ids.get(0));
		record(this.admin, input).path("recordLecture.id").entity(String.class).isEqualTo(ids.get(0))
			.path("recordLecture.speakers[*].id").entityList(String.class).containsExactly(lecturerId);
		assertThat(lecturesAtStation()).isEqualTo(1);

		Map<String, Object> other = new HashMap<>(input);
		other.put("audience", 80);
		ApiErrors.expectCode(record(this.admin, other), "IDEMPOTENCY_KEY_REUSED");
		ApiErrors.expectCode(record(this.outsider, input), "FORBIDDEN");
		assertThat(lecturesAtStation()).isEqualTo(1);
		Session colleague = this.api.login(Fixtures.unique("lecture-admin"));
		this.fixtures.grant(colleague.userId(), "STATION_ADMIN", this.tree.station());
		record(colleague, input).path("recordLecture.id").entity(String.class).isNotEqualTo(ids.get(0));
		assertThat(lecturesAtStation()).isEqualTo(2);
	}

	private int lecturesAtStation() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM lecture WHERE org_unit_id = ?", Integer.class,
				this.tree.station());
	}

	@Test
	void monthlyFigureCountsLecturesAndUnrecordedFlaggedActivitiesOnce() {
		String lecturerId = register(this.admin, this.volunteerId, this.tree.station())
			.path("registerLecturer.id").entity(String.class).get();
		long project = insert("INSERT INTO project (org_unit_id, name, category, brand, status, created_by, created_at, "
				+ "updated_at) VALUES (?, '理论宣讲', 'THEORY_LECTURE', 0, 'ACTIVE', " + this.admin.userId()
				+ ", '2026-01-01 00:00:00', '2026-01-01 00:00:00')", this.tree.station());
		// 09:00 and 10:00 China time on 10 and 12 February; a flagged activity still ONGOING never counts.
		long recordedAsLecture = activity(project, "2026-02-10 01:00:00", "FINISHED");
		long flaggedOnly = activity(project, "2026-02-12 02:00:00", "FINISHED");
		activity(project, "2026-02-14 02:00:00", "ONGOING");

		ApiErrors.expectCode(record(this.admin, lecture("2026-02-13", List.of(lecturerId), flaggedOnly)),
				"LECTURE_ACTIVITY_MISMATCH");
		record(this.admin, lecture("2026-02-10", List.of(lecturerId), recordedAsLecture))
			.path("recordLecture.activityId").entity(String.class).isEqualTo(Long.toString(recordedAsLecture));
		ApiErrors.expectCode(record(this.admin, lecture("2026-02-10", List.of(lecturerId), recordedAsLecture)),
				"LECTURE_ACTIVITY_ALREADY_RECORDED");
		record(this.admin, lecture("2026-02-20", List.of(lecturerId), null));
		record(this.admin, lecture("2026-03-01", List.of(lecturerId), null));

		Session instituteAdmin = this.api.login(Fixtures.unique("lecture-institute"));
		this.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", this.tree.institute());
		GraphQlTester.Response assessment = this.api.as(instituteAdmin).documentName("assessment")
			.variable("orgUnitId", this.tree.institute()).variable("year", 2026).variable("month", 2).execute();
		assertThat(theoryLectures(assessment, this.tree.station())).isEqualTo(3.0);
		// Each unit counts its own: the institute organised none.
		assertThat(theoryLectures(assessment, this.tree.institute())).isEqualTo(0.0);
		assertThat(theoryLectures(assessment, this.otherStation)).isEqualTo(0.0);

		String drill = "query($u: ID!) { assessedLectures(orgUnitId: $u, year: 2026, month: 2) { source id heldOn audience } }";
		GraphQlTester.Response items = this.api.as(instituteAdmin).document(drill).variable("u", this.tree.station()).execute();
		items.path("assessedLectures[*].source").entityList(String.class).containsExactly("LECTURE", "ACTIVITY", "LECTURE");
		items.path("assessedLectures[*].heldOn").entityList(String.class)
			.containsExactly("2026-02-10", "2026-02-12", "2026-02-20");
		items.path("assessedLectures[1].id").entity(String.class).isEqualTo(Long.toString(flaggedOnly));
		ApiErrors.expectCode(this.api.as(this.outsider).document(drill).variable("u", this.tree.station()).execute(),
				"FORBIDDEN");
	}

	@Test
	void listCostsTheSameStatementsFor5And50Lectures() {
		List<String> lecturers = new ArrayList<>();
		lecturers.add(register(this.admin, this.volunteerId, this.tree.station()).path("registerLecturer.id")
			.entity(String.class).get());
		for (int i = 0; i < 2; i++) {
			Session v = this.api.login(Fixtures.unique("lecturer"));
			lecturers.add(register(this.admin, Volunteers.register(this.api.as(v), this.tree.station()), this.tree.station())
				.path("registerLecturer.id").entity(String.class).get());
		}
		String groupId = group(this.admin, this.tree.station(), Fixtures.unique("宣讲团"), lecturers)
			.path("createLectureGroup.id").entity(String.class).get();
		List<String> recorded = new ArrayList<>();
		grow(recorded, 5, lecturers, groupId);
		long of5 = count(5);
		grow(recorded, 50, lecturers, groupId);
		long of50 = count(50);
		org.slf4j.LoggerFactory.getLogger(getClass()).info("SQL statements: lectures 5 -> {}, 50 -> {}", of5, of50);
		assertThat(of5).isGreaterThanOrEqualTo(6);
		assertThat(of50).as("statements for 50 lectures vs 5").isEqualTo(of5);
	}

	private void grow(List<String> recorded, int size, List<String> lecturers, String groupId) {
		while (recorded.size() < size) {
			int i = recorded.size();
			Map<String, Object> input = lecture("2026-02-" + String.format("%02d", 1 + i % 28),
					List.of(lecturers.get(i % lecturers.size()), lecturers.get((i + 1) % lecturers.size())), null);
			input.put("groupId", groupId);
			recorded.add(record(this.admin, input).path("recordLecture.id").entity(String.class).get());
		}
	}

	private long count(int expected) {
		this.api.as(this.admin).document(LECTURES).variable("orgUnitId", this.tree.station()).variable("first", 100)
			.execute();
		var measured = this.sql.measure(() -> this.api.as(this.admin).document(LECTURES)
			.variable("orgUnitId", this.tree.station()).variable("first", 100).execute());
		measured.result().path("lectures.edges").entityList(Object.class).hasSize(expected);
		return measured.count();
	}

	private static double theoryLectures(GraphQlTester.Response response, long unitId) {
		return response.path("assessment.units[?(@.orgUnitId == '" + unitId
				+ "')].figures[?(@.kind == 'THEORY_LECTURES')].value").entityList(Double.class).get().get(0);
	}

	private GraphQlTester.Response register(Session as, String volunteerId, long unitId) {
		return this.api.as(as).document(REGISTER).variable("input", Map.of("volunteerId", volunteerId, "orgUnitId",
				Long.toString(unitId), "topics", List.of("党的二十大精神", "乡村振兴"))).execute();
	}

	private GraphQlTester.Response group(Session as, long unitId, String name, List<String> lecturerIds) {
		return this.api.as(as).document(GROUP).variable("input",
				Map.of("orgUnitId", Long.toString(unitId), "name", name, "lecturerIds", lecturerIds)).execute();
	}

	private GraphQlTester.Response record(Session as, Map<String, Object> input) {
		return this.api.as(as).document(RECORD).variable("input", IdempotencyKeys.keyed(input)).execute();
	}

	private Map<String, Object> lecture(String heldOn, List<String> lecturerIds, Long activityId) {
		Map<String, Object> input = new HashMap<>();
		input.put("orgUnitId", Long.toString(this.tree.station()));
		input.put("topic", "党的二十大精神进万家");
		input.put("place", "村委会说事大院");
		input.put("heldOn", heldOn);
		input.put("audience", 45);
		input.put("lecturerIds", lecturerIds);
		if (activityId != null) {
			input.put("activityId", Long.toString(activityId));
		}
		return input;
	}

	private long activity(long project, String startsAtUtc, String status) {
		return insert("INSERT INTO activity (project_id, org_unit_id, category, title, starts_at, ends_at, "
				+ "sign_up_deadline, address, latitude, longitude, capacity, theory_lecture, status, created_by, "
				+ "created_at, updated_at) VALUES (" + project + ", ?, 'THEORY_LECTURE', '党的创新理论宣讲', '" + startsAtUtc
				+ "', '" + startsAtUtc + "', '" + startsAtUtc + "', '站', 33, 107, 10, 1, '" + status + "', "
				+ this.admin.userId() + ", '2026-01-01 00:00:00', '2026-01-01 00:00:00')", this.tree.station());
	}

	private long insert(String sql, Object... args) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			return statement;
		}, keys);
		return keys.getKey().longValue();
	}

}
