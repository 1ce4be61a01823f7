package cn.wenming.practice.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.IdempotencyKeys;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 站互评 and 抽查评估 through the API, in a city of two counties: a station's admin rates other
 * stations of the same county once a month (never their own, never another county's), concurrent
 * submissions count once, city and center admins see the averages; city or center admins record
 * spot checks that the station's chain sees, and both show in the assessment.
 */
@IntegrationTest
class EvaluationTest {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String SUBMIT = """
			mutation($input: SubmitPeerReviewInput!) { submitPeerReview(input: $input) {
			  id period reviewerStationId reviewerStationName reviewedStationId reviewedStationName average comment
			  scores { itemId itemName score } } }""";

	static final String SUMMARY = """
			query($u: ID!, $p: String) { peerReviewSummary(orgUnitId: $u, period: $p) {
			  stationId stationName period reviews average items { itemId itemName average } } }""";

	static final String SPOT = """
			mutation($input: RecordSpotCheckInput!) { recordSpotCheck(input: $input) {
			  id stationId stationName checkedOn total maxTotal findings items { name score maxScore } } }""";

	static final String SPOTS = """
			query($u: ID!, $first: Int, $after: String) { spotChecks(orgUnitId: $u, first: $first, after: $after) {
			  edges { node { id stationId total findings items { name score } } } pageInfo { hasNextPage endCursor } } }""";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	long city;

	long countyA;

	long countyB;

	long s1;

	long s2;

	long s3;

	long sOther;

	Session admin1;

	Session admin2;

	Session admin3;

	Session centerA;

	Session centerB;

	Session cityAdmin;

	List<String> items;

	@BeforeEach
	void setUp() {
		this.city = this.fixtures.unit(null, "CITY", Fixtures.unique("市"), null, null);
		this.countyA = this.fixtures.unit(this.city, "CENTER", Fixtures.unique("中心"), null, null);
		this.countyB = this.fixtures.unit(this.city, "CENTER", Fixtures.unique("中心"), null, null);
		long a1 = this.fixtures.unit(this.countyA, "INSTITUTE", Fixtures.unique("所"), null, null);
		long a2 = this.fixtures.unit(this.countyA, "INSTITUTE", Fixtures.unique("所"), null, null);
		long b1 = this.fixtures.unit(this.countyB, "INSTITUTE", Fixtures.unique("所"), null, null);
		this.s1 = this.fixtures.unit(a1, "STATION", Fixtures.unique("站"), null, null);
		this.s2 = this.fixtures.unit(a2, "STATION", Fixtures.unique("站"), null, null);
		this.sOther = this.fixtures.unit(a1, "STATION", Fixtures.unique("站"), null, null);
		this.s3 = this.fixtures.unit(b1, "STATION", Fixtures.unique("站"), null, null);
		this.admin1 = admin("STATION_ADMIN", this.s1);
		this.admin2 = admin("STATION_ADMIN", this.s2);
		this.admin3 = admin("STATION_ADMIN", this.s3);
		this.centerA = admin("CENTER_ADMIN", this.countyA);
		this.centerB = admin("CENTER_ADMIN", this.countyB);
		this.cityAdmin = admin("CITY_ADMIN", this.city);
		this.items = this.api.as(this.admin1).document("{ peerReviewItems { id name enabled } }").execute()
			.path("peerReviewItems[*].id").entityList(String.class).get();
	}

	private Session admin(String role, long unit) {
		Session session = this.api.login(Fixtures.unique("eval"));
		this.fixtures.grant(session.userId(), role, unit);
		return session;
	}

	@Test
	@SuppressWarnings("unchecked")
	void stationsRateOtherStationsOfTheirCountyOnceAMonth() {
		assertThat(this.items).hasSizeGreaterThanOrEqualTo(4);
		String period = LocalDate.now(this.clock.withZone(CHINA)).toString().substring(0, 7);
		var done = submit(this.admin1, this.s1, this.s2, 4, "阵地整洁，活动丰富");
		done.path("submitPeerReview.average").entity(Double.class).isEqualTo(4.0)
			.path("submitPeerReview.period").entity(String.class).isEqualTo(period)
			.path("submitPeerReview.scores").entityList(Object.class).hasSize(this.items.size())
			.path("submitPeerReview.reviewedStationId").entity(Long.class).isEqualTo(this.s2);
		ApiErrors.expectCode(submit(this.admin1, this.s1, this.s2, 5, null), "PEER_REVIEW_ALREADY_SUBMITTED");
		ApiErrors.expectCode(submit(this.admin1, this.s1, this.s1, 5, null), "PEER_REVIEW_OWN_STATION");
		ApiErrors.expectCode(submit(this.admin1, this.s1, this.s3, 5, null), "PEER_REVIEW_OTHER_COUNTY");
		// Speaking for a station one does not run; a center admin is no station's 站长.
		ApiErrors.expectCode(submit(this.admin1, this.s2, this.sOther, 5, null), "FORBIDDEN");
		ApiErrors.expectCode(submit(this.centerA, this.s1, this.sOther, 5, null), "FORBIDDEN");
		// Someone who runs both stations cannot rate one for the other.
		this.fixtures.grant(this.admin1.userId(), "STATION_ADMIN", this.sOther);
		ApiErrors.expectCode(submit(this.admin1, this.s1, this.sOther, 5, null), "PEER_REVIEW_OWN_STATION");
		// Every enabled item once, 1–5; the comment passes msgSecCheck.
		ApiErrors.expectCode(this.api.as(this.admin2).document(SUBMIT).variable("input", Map.of("reviewerStationId",
				this.s2, "reviewedStationId", this.s1, "scores", List.of(Map.of("itemId", this.items.get(0), "score", 3))))
			.execute(), "PEER_REVIEW_ITEMS_MISMATCH");
		ApiErrors.expectCode(submit(this.admin2, this.s2, this.s1, 6, null), "BAD_REQUEST");
		ApiErrors.expectCode(submit(this.admin2, this.s2, this.s1, 3, "RISKY 评语"), "CONTENT_REJECTED");
		this.api.as(this.admin2).document(SUBMIT).variable("input", input(this.s2, this.s1, 2, "还需加强")).execute()
			.path("submitPeerReview.average").entity(Double.class).isEqualTo(2.0);

		// The averages: city and center admins; not a station's admin, not another county's center.
		List<Map<String, Object>> rows = summary(this.cityAdmin, this.city).path("peerReviewSummary")
			.entityList(Object.class).get().stream().map(row -> (Map<String, Object>) row).toList();
		assertThat(rows).extracting(row -> Long.valueOf((String) row.get("stationId"))).containsExactly(this.s1, this.s2);
		assertThat(rows).extracting(row -> ((Number) row.get("average")).doubleValue()).containsExactly(2.0, 4.0);
		summary(this.centerA, this.countyA).path("peerReviewSummary[*].stationId").entityList(Long.class)
			.containsExactly(this.s1, this.s2);
		summary(this.centerB, this.countyB).path("peerReviewSummary").entityList(Object.class).hasSize(0);
		ApiErrors.expectCode(summary(this.centerB, this.countyA), "FORBIDDEN");
		ApiErrors.expectCode(summary(this.admin1, this.s1), "FORBIDDEN");

		// What a station gave, for its admins and those above.
		this.api.as(this.admin1).document("query($s: ID!) { peerReviewsGiven(stationId: $s) { reviewedStationId comment } }")
			.variable("s", this.s1).execute()
			.path("peerReviewsGiven[*].reviewedStationId").entityList(Long.class).containsExactly(this.s2);
		ApiErrors.expectCode(this.api.as(this.admin3)
			.document("query($s: ID!) { peerReviewsGiven(stationId: $s) { id } }").variable("s", this.s1).execute(),
				"FORBIDDEN");

		// The assessment shows the month's peer-review average, rolled up to the county and the city.
		LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
		var figures = figure(this.cityAdmin, this.city, today, "PEER_REVIEW_AVERAGE");
		assertThat(figures.get(this.s2)).isEqualTo(4.0);
		assertThat(figures.get(this.s1)).isEqualTo(2.0);
		assertThat(figures.get(this.countyA)).isEqualTo(3.0);
		assertThat(figures.get(this.city)).isEqualTo(3.0);
		assertThat(figures.get(this.countyB)).isNull();
	}

	@Test
	void concurrentSubmissionsOfOnePairCountOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				calls.add(() -> ApiErrors.codeOf(submit(this.admin1, this.s1, this.s2, 3, null)));
			}
			List<String> codes = new ArrayList<>();
			for (Future<String> future : pool.invokeAll(calls)) {
				codes.add(future.get());
			}
			assertThat(codes).filteredOn(code -> code == null).hasSize(1);
			assertThat(codes).filteredOn(code -> code != null).containsOnly("PEER_REVIEW_ALREADY_SUBMITTED");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM peer_review WHERE reviewer_station_id = ?",
				Integer.class, this.s1)).isEqualTo(1);
	}

	@Test
	void itemsAreConfiguredByTheAdminsOfTheWholeDeployment() {
		// The items are every county's: under a city, its admins keep them, not one county's.
		String name = Fixtures.unique("服务");
		ApiErrors.expectCode(this.api.as(this.admin1).document("mutation($n: String!) { addPeerReviewItem(name: $n) { id } }")
			.variable("n", name).execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.api.as(this.centerA).document("mutation($n: String!) { addPeerReviewItem(name: $n) { id } }")
			.variable("n", name).execute(), "FORBIDDEN");
		String id = this.api.as(this.cityAdmin).document("mutation($n: String!) { addPeerReviewItem(name: $n) { id } }")
			.variable("n", name).execute().path("addPeerReviewItem.id").entity(String.class).get();
		ApiErrors.expectCode(this.api.as(this.cityAdmin).document("mutation($n: String!) { addPeerReviewItem(name: $n) { id } }")
			.variable("n", name).execute(), "PEER_REVIEW_ITEM_NAME_TAKEN");
		try {
			// A review now needs the new item too.
			ApiErrors.expectCode(submit(this.admin1, this.s1, this.s2, 4, null), "PEER_REVIEW_ITEMS_MISMATCH");
			ApiErrors.expectCode(this.api.as(this.centerA)
				.document("mutation($id: ID!) { setPeerReviewItemEnabled(id: $id, enabled: false) { enabled } }")
				.variable("id", id).execute(), "FORBIDDEN");
		}
		finally {
			this.api.as(this.cityAdmin)
				.document("mutation($id: ID!) { setPeerReviewItemEnabled(id: $id, enabled: false) { enabled } }")
				.variable("id", id).execute().path("setPeerReviewItemEnabled.enabled").entity(Boolean.class).isEqualTo(false);
		}
		this.api.as(this.cityAdmin).document("{ peerReviewItems(includeDisabled: true) { id } }").execute()
			.path("peerReviewItems[*].id").entityList(String.class).contains(id);
		this.api.as(this.admin1).document("{ peerReviewItems(includeDisabled: true) { id } }").execute()
			.path("peerReviewItems[*].id").entityList(String.class).doesNotContain(id);
	}

	@Test
	void spotChecksByTheCityOrCenterAreSeenByTheStationsChain() {
		LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
		ApiErrors.expectCode(spot(this.admin1, this.s1, today, "整改"), "FORBIDDEN");
		ApiErrors.expectCode(spot(this.centerB, this.s1, today, "整改"), "FORBIDDEN");
		ApiErrors.expectCode(spot(this.cityAdmin, this.countyA, today, "整改"), "EVALUATION_NOT_A_STATION");
		ApiErrors.expectCode(spot(this.cityAdmin, this.s1, today.plusDays(1), "整改"), "BAD_REQUEST");
		ApiErrors.expectCode(spot(this.cityAdmin, this.s1, today, "RISKY 问题"), "CONTENT_REJECTED");
		ApiErrors.expectCode(this.api.as(this.cityAdmin).document(SPOT).variable("input", IdempotencyKeys.keyed(Map.of(
				"stationId", this.s1, "checkedOn", today.toString(), "items",
				List.of(Map.of("name", "阵地", "score", 12, "maxScore", 10))))).execute(), "BAD_REQUEST");

		spot(this.cityAdmin, this.s1, today, "台账不全").path("recordSpotCheck.total").entity(Double.class).isEqualTo(26.5)
			.path("recordSpotCheck.maxTotal").entity(Double.class).isEqualTo(30.0)
			.path("recordSpotCheck.items[*].name").entityList(String.class).containsExactly("阵地建设", "活动记录", "群众知晓");
		spot(this.centerA, this.s2, today, null).path("recordSpotCheck.findings").valueIsNull();

		// The station's chain sees it; another station and the other county do not.
		spots(this.admin1, this.s1).path("spotChecks.edges[*].node.stationId").entityList(Long.class)
			.containsExactly(this.s1);
		spots(this.centerA, this.countyA).path("spotChecks.edges[*].node.stationId").entityList(Long.class)
			.containsExactly(this.s2, this.s1);
		spots(this.cityAdmin, this.city).path("spotChecks.edges[*].node.findings").entityList(String.class)
			.contains("台账不全");
		ApiErrors.expectCode(spots(this.admin2, this.s1), "FORBIDDEN");
		ApiErrors.expectCode(spots(this.centerB, this.s1), "FORBIDDEN");

		// Paging: newest first.
		String cursor = this.api.as(this.centerA).document(SPOTS).variable("u", this.countyA).variable("first", 1).execute()
			.path("spotChecks.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
			.path("spotChecks.pageInfo.endCursor").entity(String.class).get();
		this.api.as(this.centerA).document(SPOTS).variable("u", this.countyA).variable("first", 1).variable("after", cursor)
			.execute().path("spotChecks.edges[*].node.stationId").entityList(Long.class).containsExactly(this.s1);

		// The assessment: the year's average total, per station and rolled up.
		var figures = figure(this.cityAdmin, this.city, today, "SPOT_CHECK_AVERAGE");
		assertThat(figures.get(this.s1)).isEqualTo(26.5);
		assertThat(figures.get(this.s2)).isEqualTo(26.5);
		assertThat(figures.get(this.countyA)).isEqualTo(26.5);
		assertThat(figures.get(this.city)).isEqualTo(26.5);
		assertThat(figures.get(this.s3)).isNull();
	}

	/**
	 * 抽查评估 counts in the assessment: a check sent again with its key (a double click, the client's retry
	 * of a 503 whose commit went through, ten at once) is recorded once and every send answers it; the key
	 * for another check is refused; the station's own admin and another county's center get FORBIDDEN
	 * whatever the key; another admin's key of the same string is theirs.
	 */
	@Test
	void aSpotCheckSentAgainWithItsKeyIsRecordedOnce() throws Exception {
		LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
		Map<String, Object> input = spotInput(this.s1, today, "台账不全");
		input.put("idempotencyKey", "spot-key-0001");
		List<GraphQlTester.Response> answers = Race.times(10,
				() -> this.api.as(this.centerA).document(SPOT).variable("input", input).execute());
		List<String> ids = answers.stream().map(answer -> answer.path("recordSpotCheck.id").entity(String.class).get())
			.toList();
		assertThat(ids).hasSize(10).containsOnly(ids.get(0));
		this.api.as(this.centerA).document(SPOT).variable("input", input).execute()
			.path("recordSpotCheck.id").entity(String.class).isEqualTo(ids.get(0))
			.path("recordSpotCheck.total").entity(Double.class).isEqualTo(26.5);
		assertThat(checksOf(this.s1)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spot_check_item WHERE spot_check_id = ?",
				Integer.class, Long.valueOf(ids.get(0)))).isEqualTo(3);

		Map<String, Object> other = new java.util.LinkedHashMap<>(input);
		other.put("findings", "台账齐全");
		ApiErrors.expectCode(this.api.as(this.centerA).document(SPOT).variable("input", other).execute(),
				"IDEMPOTENCY_KEY_REUSED");
		ApiErrors.expectCode(this.api.as(this.admin1).document(SPOT).variable("input", input).execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.api.as(this.centerB).document(SPOT).variable("input", input).execute(), "FORBIDDEN");
		assertThat(checksOf(this.s1)).isEqualTo(1);
		this.api.as(this.cityAdmin).document(SPOT).variable("input", input).execute()
			.path("recordSpotCheck.id").entity(String.class).isNotEqualTo(ids.get(0));
		assertThat(checksOf(this.s1)).isEqualTo(2);
	}

	private int checksOf(long station) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM spot_check WHERE station_id = ?", Integer.class, station);
	}

	@Test
	void theCheckedStationsOwnAdminRecordsNoSpotCheckEvenAsCenterAdmin() {
		LocalDate today = LocalDate.now(this.clock.withZone(CHINA));
		// A center admin over the county who also runs s1: refused for s1 (as its correction is), the
		// same FORBIDDEN whatever the input, and nothing is stored.
		Session both = admin("CENTER_ADMIN", this.countyA);
		this.fixtures.grant(both.userId(), "STATION_ADMIN", this.s1);
		var errors = ApiErrors.expectCode(spot(both, this.s1, today, "台账不全"), "FORBIDDEN");
		assertThat(errors.get(0).getMessage()).contains("被抽查站的管理员");
		ApiErrors.expectCode(spot(both, this.s1, today.plusDays(1), "整改"), "FORBIDDEN");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spot_check WHERE station_id = ?", Long.class, this.s1))
			.isZero();
		// Another station of the county is theirs to check; the plain center admin checks s1.
		spot(both, this.sOther, today, "台账不全").path("recordSpotCheck.stationId").entity(Long.class).isEqualTo(this.sOther);
		spot(this.centerA, this.s1, today, "台账不全").path("recordSpotCheck.stationId").entity(Long.class).isEqualTo(this.s1);
	}

	// --- helpers

	private Map<String, Object> input(long reviewer, long reviewed, int score, String comment) {
		Map<String, Object> input = new java.util.LinkedHashMap<>();
		input.put("reviewerStationId", reviewer);
		input.put("reviewedStationId", reviewed);
		input.put("scores", this.items.stream().map(id -> Map.of("itemId", id, "score", score)).toList());
		if (comment != null) {
			input.put("comment", comment);
		}
		return input;
	}

	private GraphQlTester.Response submit(Session as, long reviewer, long reviewed, int score, String comment) {
		return this.api.as(as).document(SUBMIT).variable("input", input(reviewer, reviewed, score, comment)).execute();
	}

	private GraphQlTester.Response summary(Session as, long unit) {
		return this.api.as(as).document(SUMMARY).variable("u", unit).execute();
	}

	private GraphQlTester.Response spot(Session as, long station, LocalDate day, String findings) {
		return this.api.as(as).document(SPOT).variable("input", IdempotencyKeys.keyed(spotInput(station, day, findings)))
			.execute();
	}

	private Map<String, Object> spotInput(long station, LocalDate day, String findings) {
		Map<String, Object> input = new java.util.LinkedHashMap<>();
		input.put("stationId", station);
		input.put("checkedOn", day.toString());
		input.put("items", List.of(Map.of("name", "阵地建设", "score", 9.5, "maxScore", 10),
				Map.of("name", "活动记录", "score", 8, "maxScore", 10), Map.of("name", "群众知晓", "score", 9, "maxScore", 10)));
		if (findings != null) {
			input.put("findings", findings);
		}
		return input;
	}

	private GraphQlTester.Response spots(Session as, long unit) {
		return this.api.as(as).document(SPOTS).variable("u", unit).variable("first", 20).execute();
	}

	/** unit id → the figure's value in the assessment of {@code unit} for the month of {@code day}. */
	@SuppressWarnings("unchecked")
	private Map<Long, Double> figure(Session as, long unit, LocalDate day, String kind) {
		List<Map<String, Object>> units = this.api.as(as).documentName("assessment")
			.variable("orgUnitId", Long.toString(unit)).variable("year", day.getYear())
			.variable("month", day.getMonthValue()).execute().path("assessment.units").entity(List.class).get();
		Map<Long, Double> out = new java.util.HashMap<>();
		for (Map<String, Object> row : units) {
			for (Map<String, Object> figure : (List<Map<String, Object>>) row.get("figures")) {
				if (kind.equals(figure.get("kind"))) {
					Object value = figure.get("value");
					out.put(Long.valueOf((String) row.get("orgUnitId")), (value == null) ? null : ((Number) value).doubleValue());
				}
			}
		}
		return out;
	}

}
