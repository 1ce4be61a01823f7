package cn.wenming.practice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Loads a small demo county for the local run: 宜兴 with one center, two institutes, four stations
 * (real-looking coordinates), volunteers, teams, a paired civilized unit and a paired 文明校园. It is a client of the
 * server's own GraphQL API, so demo data passes the same validation, encryption and authorization
 * as anyone's. Runs once: skipped when the demo center already exists.
 */
@Component
@Profile("local")
class LocalDemoData {

	private static final Logger log = LoggerFactory.getLogger(LocalDemoData.class);

	static final String CENTER_NAME = "宜兴市新时代文明实践中心";

	private final JdbcTemplate jdbc;

	LocalDemoData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void load(ApplicationReadyEvent event) {
		Integer centers = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM org_unit WHERE level = 'CENTER' AND name = ?", Integer.class, CENTER_NAME);
		if (centers != null && centers > 0) {
			log.info("Demo data already present");
			loadCity(event);
			return;
		}
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
		var client = new Client(RestClient.builder().baseUrl("http://127.0.0.1:" + port + "/graphql").build());

		String admin = client.login("admin");
		String center = client.id(admin, "createOrgUnit", """
				mutation { createOrgUnit(input: {level: CENTER, name: "%s",
				  address: "宜兴市宜城街道解放东路", regionCode: "320282", latitude: 31.3403, longitude: 119.8233}) { id } }""".formatted(CENTER_NAME));
		String yicheng = client.id(admin, "createOrgUnit", unit(center, "INSTITUTE", "宜城街道新时代文明实践所", "宜城街道人民南路", 31.3600, 119.8200));
		String dingshu = client.id(admin, "createOrgUnit", unit(center, "INSTITUTE", "丁蜀镇新时代文明实践所", "丁蜀镇陶都路", 31.2260, 119.8370));
		String dongzhu = client.id(admin, "createOrgUnit", unit(yicheng, "STATION", "东珠社区新时代文明实践站", "宜城街道东珠路18号", 31.3665, 119.8148));
		client.id(admin, "createOrgUnit", unit(yicheng, "STATION", "城中社区新时代文明实践站", "宜城街道城中路52号", 31.3552, 119.8262));
		String shushan = client.id(admin, "createOrgUnit", unit(dingshu, "STATION", "蜀山社区新时代文明实践站", "丁蜀镇蜀山路7号", 31.2327, 119.8350));
		client.id(admin, "createOrgUnit", unit(dingshu, "STATION", "西望村新时代文明实践站", "丁蜀镇西望村村委", 31.2155, 119.8150));

		record Person(String code, String name, String station, String skills, String categories, boolean party) {
		}
		List<Person> people = List.of(
				new Person("zhangwei", "张伟", dongzhu, "\"理论宣讲\", \"党史\"", "THEORY_LECTURE", true),
				new Person("liuna", "刘娜", dongzhu, "\"急救\", \"健康咨询\"", "HEALTH_SPORTS", false),
				new Person("wangfang", "王芳", shushan, "\"紫砂\", \"非遗\"", "CULTURE", true),
				new Person("chenjie", "陈杰", shushan, "\"水电维修\", \"开锁\"", "SCIENCE_TECH", false),
				new Person("zhaolei", "赵磊", dongzhu, "\"辅导作业\"", "EDUCATION", false));
		Map<String, String> userIds = new LinkedHashMap<>();
		Map<String, String> tokens = new LinkedHashMap<>();
		int sequence = 100;
		for (Person person : people) {
			String token = client.login(person.code());
			tokens.put(person.code(), token);
			userIds.put(person.code(), client.id(token, "me", "{ me { id } }"));
			String volunteerId = client.id(token, "registerVolunteer", """
					mutation { registerVolunteer(input: {realName: "%s", idNumber: "%s", homeStationId: "%s",
					  skills: [%s], categories: [%s], partyMember: %s}) { id } }"""
				.formatted(person.name(), idNumber("320282", "1985061", sequence++), person.station(), person.skills(),
						person.categories(), person.party()));
			client.call(admin, """
					mutation { recordTraining(input: {volunteerId: "%s", course: "志愿服务通识培训",
					  completedAt: "2026-03-01T02:00:00Z"}) { id } }""".formatted(volunteerId));
		}

		String general = client.id(admin, "createTeam", team(center, "宜兴市志愿服务总队", "GENERAL", userIds.get("zhangwei"), "THEORY_LECTURE"));
		client.id(admin, "createTeam", team(yicheng, "宜城街道志愿服务支队", "BRANCH", userIds.get("liuna"), "HEALTH_SPORTS"));
		String squad = client.id(admin, "createTeam", team(dongzhu, "东珠社区志愿服务分队", "SQUAD", userIds.get("zhaolei"), "EDUCATION"));
		client.id(admin, "createTeam", team(center, "百姓名嘴宣讲团", "SPECIALTY", userIds.get("wangfang"), "THEORY_LECTURE"));
		client.id(admin, "createTeam", team(dingshu, "丁蜀镇应急救援队", "SPECIALTY", userIds.get("chenjie"), "SCIENCE_TECH"));
		for (String member : List.of("liuna", "chenjie")) {
			String request = client.id(tokens.get(member), "requestToJoinTeam",
					"mutation { requestToJoinTeam(teamId: \"%s\", message: \"我想加入\") { id } }".formatted(general));
			client.call(tokens.get("zhangwei"), "mutation { approveJoinRequest(requestId: \"%s\") { id } }".formatted(request));
		}
		String request = client.id(tokens.get("liuna"), "requestToJoinTeam",
				"mutation { requestToJoinTeam(teamId: \"%s\", message: \"社区急救\") { id } }".formatted(squad));
		client.call(tokens.get("zhaolei"), "mutation { approveJoinRequest(requestId: \"%s\") { id } }".formatted(request));

		String unit = client.id(admin, "createCivilizedUnit", """
				mutation { createCivilizedUnit(input: {name: "国网宜兴市供电公司", orgUnitId: "%s",
				  contactName: "李明", contactPhone: "13900001111"}) { id } }""".formatted(center));
		client.call(admin, "mutation { pairCivilizedUnit(civilizedUnitId: \"%s\", stationId: \"%s\") { pairedAt } }"
			.formatted(unit, dongzhu));
		// A 文明校园 paired with the 所 (seed 003: campuses and 所 / 中心 take part in 结对共建 too).
		String campus = client.id(admin, "createCivilizedUnit", """
				mutation { createCivilizedUnit(input: {name: "宜兴市实验小学", orgUnitId: "%s", kind: CAMPUS,
				  schoolLevel: PRIMARY, contactName: "王老师", contactPhone: "13900002222"}) { id } }""".formatted(center));
		client.call(admin, "mutation { pairCivilizedUnit(civilizedUnitId: \"%s\", orgUnitId: \"%s\") { pairedAt } }"
			.formatted(campus, yicheng));

		// 服务清单: a brand project with an activity next week near 东珠社区, open for sign-up.
		String project = client.id(admin, "createProject", """
				mutation { createProject(input: {orgUnitId: "%s", teamId: "%s", name: "健康江来", category: HEALTH_SPORTS,
				  description: "社区义诊与健康讲座", brand: true}) { id } }""".formatted(yicheng, squad));
		java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		String activity = client.id(admin, "createActivity", """
				mutation { createActivity(input: {projectId: "%s", title: "东珠社区义诊", description: "免费测血压、血糖",
				  startsAt: "%s", endsAt: "%s", address: "东珠社区党群服务中心", latitude: 31.3668, longitude: 119.8151,
				  capacity: 20}) { id } }""".formatted(project, start, start.plus(java.time.Duration.ofHours(3))));
		client.call(admin, "mutation { publishActivity(id: \"%s\") { id } }".formatted(activity));

		log.info("Demo county loaded. Log in (wxLogin) with code \"admin\" as center admin; volunteers: {}",
				String.join(", ", userIds.keySet()));
		loadCity(event);
	}

	/**
	 * The city above the demo county, with a second small county, and its admin (code {@code city}).
	 * A step of its own, after the county: a database loaded before the city existed gets it at the
	 * next start, and nothing is loaded twice (skipped once the demo county is under a city).
	 */
	private void loadCity(ApplicationReadyEvent event) {
		// Loaded once the demo county hangs under a city. Asked of the county, not by the city's name:
		// the tests share this database, and LocalDemoCityTest makes cities of that name.
		Map<String, Object> county = this.jdbc.queryForList(
				"SELECT id, parent_id FROM org_unit WHERE level = 'CENTER' AND name = ? ORDER BY id LIMIT 1", CENTER_NAME)
			.stream()
			.findFirst()
			.orElse(null);
		if (county == null || county.get("parent_id") != null) {
			return;
		}
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
		var client = new Client(RestClient.builder().baseUrl("http://127.0.0.1:" + port + "/graphql").build());
		LocalDemoCity.load(client, LocalDemoCity.Logins.LOCAL, county.get("id").toString(), "1990031", 200);
		log.info("Demo city loaded. Log in with code \"city\" as its city admin (both counties); \"admin\" stays "
				+ "the 宜兴 center admin");
	}

	private static String unit(String parentId, String level, String name, String address, double latitude,
			double longitude) {
		return """
				mutation { createOrgUnit(input: {parentId: "%s", level: %s, name: "%s", address: "%s",
				  regionCode: "320282", latitude: %s, longitude: %s}) { id } }"""
			.formatted(parentId, level, name, address, latitude, longitude);
	}

	private static String team(String unitId, String name, String kind, String leaderUserId, String category) {
		return """
				mutation { createTeam(input: {orgUnitId: "%s", name: "%s", kind: %s, leaderUserId: "%s",
				  categories: [%s], description: "%s"}) { id } }"""
			.formatted(unitId, name, kind, leaderUserId, category, name);
	}

	/** A valid 18-character resident ID number (ISO 7064 MOD 11-2 check digit). */
	static String idNumber(String region, String birthDatePrefix, int sequence) {
		String body = region + birthDatePrefix + "2" + String.format("%03d", sequence % 1000);
		body = body.substring(0, 17);
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

	/** A tiny GraphQL client: fails loudly, because demo data that half-loads is worse than none. */
	record Client(RestClient http) {

		String login(String code) {
			Map<?, ?> data = call(null, "mutation { wxLogin(code: \"" + code + "\") { accessToken } }");
			return (String) ((Map<?, ?>) data.get("wxLogin")).get("accessToken");
		}

		String id(String token, String field, String document) {
			Map<?, ?> data = call(token, document);
			return (String) ((Map<?, ?>) data.get(field)).get("id");
		}

		Map<?, ?> call(String token, String document) {
			var request = this.http.post().contentType(MediaType.APPLICATION_JSON);
			if (token != null) {
				request = request.header("Authorization", "Bearer " + token);
			}
			Map<?, ?> body = request.body(Map.of("query", document)).retrieve().body(Map.class);
			if (body == null || body.get("errors") != null) {
				throw new IllegalStateException("Demo data failed at: " + document + " -> "
						+ ((body != null) ? body.get("errors") : "no body"));
			}
			return (Map<?, ?>) body.get("data");
		}

	}

}
