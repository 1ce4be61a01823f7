package cn.wenming.practice;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.LocalDemoData.Client;

/**
 * The demo city (无锡市) above the demo county: the county is attached under it, a second small
 * county (江阴: a 中心, a 所, two 站, three volunteers, a team, a project and one activity whose
 * hours are confirmed, so the city's boards and assessment figures are not empty), a 站互评 between
 * its two stations and a city 抽查评估 of one of them, and a city admin. Everything goes through the
 * GraphQL API like {@link LocalDemoData}; {@code LocalDemoCityTest} runs it against the test server
 * with fresh login codes.
 * <p>
 * The county's admin is a bootstrap admin, which brings two side effects that are undone here so
 * the county admin stays exactly that: creating the city (only a bootstrap admin may create a root)
 * made them its city admin, and a bootstrap admin's next login makes them center admin of every
 * open center it was not yet granted, 江阴 included. Both are revoked by the city admin; the
 * bootstrap ledger keeps a revoked grant revoked at later logins.
 */
final class LocalDemoCity {

	static final String CITY_NAME = "无锡市新时代文明实践指导中心";

	static final String CENTER_NAME = "江阴市新时代文明实践中心";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private LocalDemoCity() {
	}

	/**
	 * Login codes: the county's (bootstrap) admin, the city admin, and a prefix for the second
	 * county's volunteers (the test runs this repeatedly against one database).
	 */
	record Logins(String countyAdmin, String cityAdmin, String volunteerPrefix) {

		static final Logins LOCAL = new Logins("admin", "city", "");

	}

	/** What was loaded (ids), for the test. */
	record Loaded(String cityId, String centerId, String instituteId, List<String> stationIds, String activityId) {
	}

	static Loaded load(Client client, Logins logins, String countyCenterId, String birthDatePrefix, int sequence) {
		String admin = client.login(logins.countyAdmin());
		String adminId = client.id(admin, "me", "{ me { id } }");
		String city = client.id(admin, "createOrgUnit", """
				mutation { createOrgUnit(input: {level: CITY, name: "%s", address: "无锡市梁溪区解放南路",
				  regionCode: "320200", latitude: 31.5690, longitude: 120.2990}) { id } }""".formatted(CITY_NAME));
		client.call(admin, "mutation { moveOrgUnit(id: \"%s\", newParentId: \"%s\") { id } }".formatted(countyCenterId, city));

		String cityAdmin = client.login(logins.cityAdmin());
		String cityAdminId = client.id(cityAdmin, "me", "{ me { id } }");
		client.call(admin, grant("grantRole", cityAdminId, "CITY_ADMIN", city, "role"));

		String center = client.id(cityAdmin, "createOrgUnit", unit(city, "CENTER", CENTER_NAME, "江阴市澄江街道人民东路",
				31.9120, 120.2850));
		String chengjiang = client.id(cityAdmin, "createOrgUnit", unit(center, "INSTITUTE", "澄江街道新时代文明实践所",
				"澄江街道虹桥南路", 31.9060, 120.2760));
		String junshan = client.id(cityAdmin, "createOrgUnit", unit(chengjiang, "STATION", "君山社区新时代文明实践站",
				"澄江街道君山路21号", 31.9270, 120.2700));
		String wuxing = client.id(cityAdmin, "createOrgUnit", unit(chengjiang, "STATION", "五星社区新时代文明实践站",
				"澄江街道五星路66号", 31.9010, 120.2820));

		// The county admin stays the county's: see the class comment.
		client.login(logins.countyAdmin());
		client.call(cityAdmin, grant("revokeRole", adminId, "CENTER_ADMIN", center, null));
		client.call(cityAdmin, grant("revokeRole", adminId, "CITY_ADMIN", city, null));

		record Person(String code, String name, String station, String skills, String category, boolean party) {
		}
		List<Person> people = List.of(
				new Person("zhouqiang", "周强", junshan, "\"理论宣讲\"", "THEORY_LECTURE", true),
				new Person("sunli", "孙丽", junshan, "\"辅导作业\", \"英语\"", "EDUCATION", false),
				new Person("wujing", "吴静", wuxing, "\"书法\"", "CULTURE", false));
		Map<String, String> tokens = new LinkedHashMap<>();
		Map<String, String> userIds = new LinkedHashMap<>();
		int next = sequence;
		for (Person person : people) {
			String token = client.login(logins.volunteerPrefix() + person.code());
			tokens.put(person.code(), token);
			userIds.put(person.code(), client.id(token, "me", "{ me { id } }"));
			client.id(token, "registerVolunteer", """
					mutation { registerVolunteer(input: {realName: "%s", idNumber: "%s", homeStationId: "%s",
					  skills: [%s], categories: [%s], partyMember: %s}) { id } }"""
				.formatted(person.name(), LocalDemoData.idNumber("320281", birthDatePrefix, next++), person.station(),
						person.skills(), person.category(), person.party()));
		}

		String team = client.id(cityAdmin, "createTeam", """
				mutation { createTeam(input: {orgUnitId: "%s", name: "江阴市志愿服务总队", kind: GENERAL, leaderUserId: "%s",
				  categories: [EDUCATION], description: "江阴市志愿服务总队"}) { id } }""".formatted(center, userIds.get("zhouqiang")));
		String project = client.id(cityAdmin, "createProject", """
				mutation { createProject(input: {orgUnitId: "%s", teamId: "%s", name: "四点半课堂", category: EDUCATION,
				  description: "放学后的作业辅导与阅读"}) { id } }""".formatted(junshan, team));

		// An activity held today: created just ahead of now (an activity cannot start in the past),
		// everyone checks in, and the organiser closes it and records the hours instead of waiting for
		// the check-out, so that the boards and figures have confirmed hours from the first start.
		Instant start = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
		String activity = client.id(cityAdmin, "createActivity", """
				mutation { createActivity(input: {projectId: "%s", title: "君山社区四点半课堂", description: "小学生作业辅导",
				  startsAt: "%s", endsAt: "%s", address: "君山社区党群服务中心", latitude: 31.9270, longitude: 120.2700,
				  capacity: 10}) { id } }""".formatted(project, start, start.plus(Duration.ofHours(2))));
		client.call(cityAdmin, "mutation { publishActivity(id: \"%s\") { id } }".formatted(activity));
		List<String> signUps = new ArrayList<>();
		for (String token : tokens.values()) {
			signUps.add(client.id(token, "signUp", "mutation { signUp(activityId: \"%s\") { id } }".formatted(activity)));
			String code = (String) ((Map<?, ?>) client
				.call(cityAdmin, "{ activityCheckInCode(activityId: \"%s\") { token } }".formatted(activity))
				.get("activityCheckInCode")).get("token");
			client.call(token, """
					mutation { checkIn(activityId: "%s", token: "%s", latitude: 31.9270, longitude: 120.2700) { id } }"""
				.formatted(activity, code));
		}
		client.call(cityAdmin, "mutation { startActivity(id: \"%s\") { id } }".formatted(activity));
		client.call(cityAdmin, "mutation { finishActivity(id: \"%s\", beneficiaries: 24) { id } }".formatted(activity));
		for (String signUp : signUps) {
			client.call(cityAdmin, """
					mutation { adjustHours(signUpId: "%s", hours: 2, reason: "演示数据：按活动时长登记") { id } }"""
				.formatted(signUp));
		}
		client.call(cityAdmin, "mutation { confirmHours(activityId: \"%s\", signUpIds: [%s]) { id } }".formatted(activity,
				String.join(", ", signUps.stream().map(id -> "\"" + id + "\"").toList())));

		// 站互评: 周强 runs 君山 and rates 五星 on every enabled item.
		client.call(cityAdmin, grant("grantRole", userIds.get("zhouqiang"), "STATION_ADMIN", junshan, "role"));
		List<?> items = (List<?>) client.call(tokens.get("zhouqiang"), "{ peerReviewItems { id } }").get("peerReviewItems");
		String scores = String.join(", ", items.stream()
			.map(item -> "{itemId: \"%s\", score: 4}".formatted(((Map<?, ?>) item).get("id")))
			.toList());
		client.call(tokens.get("zhouqiang"), """
				mutation { submitPeerReview(input: {reviewerStationId: "%s", reviewedStationId: "%s", scores: [%s],
				  comment: "阵地整洁，活动丰富"}) { id } }""".formatted(junshan, wuxing, scores));

		// The city's 抽查评估 of a station in each county.
		for (String station : List.of(wuxing, firstStationOf(client, cityAdmin, countyCenterId))) {
			client.call(cityAdmin, """
					mutation { recordSpotCheck(input: {stationId: "%s", checkedOn: "%s",
					  items: [{name: "阵地建设", score: 18, maxScore: 20}, {name: "志愿服务", score: 26, maxScore: 30}],
					  findings: "台账需按月归档", idempotencyKey: "demo-spot-%s"}) { id } }""".formatted(station,
					LocalDate.now(CHINA), java.util.UUID.randomUUID()));
		}
		return new Loaded(city, center, chengjiang, List.of(junshan, wuxing), activity);
	}

	private static String firstStationOf(Client client, String token, String rootId) {
		List<?> nodes = (List<?>) client.call(token, "{ orgTree(rootId: \"%s\") { unit { id level } } }".formatted(rootId))
			.get("orgTree");
		return nodes.stream()
			.map(node -> (Map<?, ?>) ((Map<?, ?>) node).get("unit"))
			.filter(unit -> "STATION".equals(unit.get("level")))
			.map(unit -> (String) unit.get("id"))
			.findFirst()
			.orElseThrow();
	}

	private static String grant(String mutation, String userId, String role, String unitId, String selection) {
		return "mutation { %s(input: {userId: \"%s\", role: %s, orgUnitId: \"%s\"})%s }".formatted(mutation, userId, role,
				unitId, (selection == null) ? "" : " { " + selection + " }");
	}

	private static String unit(String parentId, String level, String name, String address, double latitude,
			double longitude) {
		return """
				mutation { createOrgUnit(input: {parentId: "%s", level: %s, name: "%s", address: "%s",
				  regionCode: "320281", latitude: %s, longitude: %s}) { id } }"""
			.formatted(parentId, level, name, address, latitude, longitude);
	}

}
