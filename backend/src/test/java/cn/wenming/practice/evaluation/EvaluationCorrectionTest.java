package cn.wenming.practice.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.DeleteMarkedKey;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.IdempotencyKeys;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections of 抽查评估 and 站互评 through the API: whoever could record the record corrects or
 * withdraws it with a reason (content-checked), never the judged station's admin; the assessment and
 * the monthly summary use the corrected value and leave a withdrawn record out; the trail (who,
 * when, why, before → after) is readable; a key repeats its request and refuses other input, also
 * when ten requests with it race; a key is its corrector's own, another corrector's of the same string
 * is independent.
 */
@IntegrationTest
class EvaluationCorrectionTest {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String SPOT = """
			mutation($input: RecordSpotCheckInput!) { recordSpotCheck(input: $input) { id total } }""";

	static final String CORRECT_SPOT = """
			mutation($input: CorrectSpotCheckInput!) { correctSpotCheck(input: $input) {
			  id total maxTotal findings withdrawn items { name score maxScore }
			  corrections { id action reason correctedBy correctedByName correctedAt
			    before { checkedOn total findings items { name score maxScore } }
			    after { checkedOn total findings items { name score maxScore } } } } }""";

	static final String SPOTS = """
			query($u: ID!) { spotChecks(orgUnitId: $u, first: 20) { edges { node { id total withdrawn
			  corrections { action reason correctedBy before { total } after { total } } } } } }""";

	static final String SUBMIT = """
			mutation($input: SubmitPeerReviewInput!) { submitPeerReview(input: $input) { id average } }""";

	static final String CORRECT_REVIEW = """
			mutation($input: CorrectPeerReviewInput!) { correctPeerReview(input: $input) {
			  id average comment withdrawn scores { itemId score }
			  corrections { action reason correctedBy before { average comment scores { itemId score } }
			    after { average comment scores { itemId score } } } } }""";

	static final String GIVEN = """
			query($s: ID!) { peerReviewsGiven(stationId: $s) { id average withdrawn
			  corrections { action reason before { average } after { average } } } }""";

	static final String SUMMARY = """
			query($u: ID!) { peerReviewSummary(orgUnitId: $u) { stationId reviews average } }""";

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

	long s1;

	long s2;

	Session admin1;

	Session admin2;

	Session centerA;

	Session centerB;

	Session cityAdmin;

	List<String> items;

	LocalDate today;

	/** Keys stay in the trail tables: each test run uses its own (its admins are new anyway). */
	String run;

	@BeforeEach
	void setUp() {
		this.city = this.fixtures.unit(null, "CITY", Fixtures.unique("市"), null, null);
		this.countyA = this.fixtures.unit(this.city, "CENTER", Fixtures.unique("中心"), null, null);
		long countyB = this.fixtures.unit(this.city, "CENTER", Fixtures.unique("中心"), null, null);
		long a1 = this.fixtures.unit(this.countyA, "INSTITUTE", Fixtures.unique("所"), null, null);
		this.s1 = this.fixtures.unit(a1, "STATION", Fixtures.unique("站"), null, null);
		this.s2 = this.fixtures.unit(a1, "STATION", Fixtures.unique("站"), null, null);
		this.admin1 = admin("STATION_ADMIN", this.s1);
		this.admin2 = admin("STATION_ADMIN", this.s2);
		this.centerA = admin("CENTER_ADMIN", this.countyA);
		this.centerB = admin("CENTER_ADMIN", countyB);
		this.cityAdmin = admin("CITY_ADMIN", this.city);
		this.items = this.api.as(this.admin1).document("{ peerReviewItems { id } }").execute()
			.path("peerReviewItems[*].id").entityList(String.class).get();
		this.today = LocalDate.now(this.clock.withZone(CHINA));
		this.run = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private String key(String name) {
		return name + "-" + this.run;
	}

	@Test
	void aSpotCheckIsCorrectedOrWithdrawnWithATrailAndTheFigureFollows() {
		String id = spot(this.cityAdmin, this.s1);
		assertThat(figure("SPOT_CHECK_AVERAGE").get(this.s1)).isEqualTo(26.5);

		// The judged station's admin may not, even one who is also a center admin over it; nor another county.
		List<ResponseError> errors = ApiErrors.expectCode(correctSpot(this.admin1, id, items(5, 5), null, false, "分数有误",
				key("spot-own-00001")), "FORBIDDEN");
		assertThat(errors.get(0).getMessage()).contains("被抽查站的管理员不能更正");
		Session both = admin("CENTER_ADMIN", this.countyA);
		this.fixtures.grant(both.userId(), "STATION_ADMIN", this.s1);
		ApiErrors.expectCode(correctSpot(both, id, items(5, 5), null, false, "分数有误", key("spot-both-0001")), "FORBIDDEN");
		ApiErrors.expectCode(correctSpot(this.centerB, id, items(5, 5), null, false, "分数有误", key("spot-other-001")),
				"FORBIDDEN");
		// The reason is required and passes the content check; the new findings too.
		ApiErrors.expectCode(correctSpot(this.centerA, id, items(5, 5), null, false, " ", key("spot-blank-001")), "BAD_REQUEST");
		ApiErrors.expectCode(correctSpot(this.centerA, id, items(5, 5), null, false, "RISKY 原因", key("spot-risky-001")),
				"CONTENT_REJECTED");
		ApiErrors.expectCode(correctSpot(this.centerA, id, null, "RISKY 问题", false, "补充", key("spot-risky-002")),
				"CONTENT_REJECTED");
		// Nothing to change, or a withdrawal that also changes: refused.
		errors = ApiErrors.expectCode(correctSpot(this.centerA, id, null, null, false, "无", key("spot-none-0001")),
				"EVALUATION_CORRECTION_UNCHANGED");
		assertThat(errors.get(0).getMessage()).isEqualTo("更正后的内容与原记录相同");
		ApiErrors.expectCode(correctSpot(this.centerA, id, items(5, 5), null, true, "撤回", key("spot-both-0002")),
				"BAD_REQUEST");
		assertThat(trailSize("spot_check_correction", "spot_check_id", id)).isZero();

		// A center admin over the station corrects the scores: the total, the figure and the trail follow.
		var corrected = correctSpot(this.centerA, id, items(6, 4), "台账已补齐", false, "录入时把分数填错", key("spot-fix-00001"));
		corrected.path("correctSpotCheck.total").entity(Double.class).isEqualTo(10.0)
			.path("correctSpotCheck.maxTotal").entity(Double.class).isEqualTo(20.0)
			.path("correctSpotCheck.findings").entity(String.class).isEqualTo("台账已补齐")
			.path("correctSpotCheck.withdrawn").entity(Boolean.class).isEqualTo(false)
			.path("correctSpotCheck.corrections").entityList(Object.class).hasSize(1)
			.path("correctSpotCheck.corrections[0].action").entity(String.class).isEqualTo("CORRECTED")
			.path("correctSpotCheck.corrections[0].reason").entity(String.class).isEqualTo("录入时把分数填错")
			.path("correctSpotCheck.corrections[0].correctedBy").entity(Long.class).isEqualTo(this.centerA.userId())
			.path("correctSpotCheck.corrections[0].before.total").entity(Double.class).isEqualTo(26.5)
			.path("correctSpotCheck.corrections[0].before.items[*].name").entityList(String.class)
			.containsExactly("阵地建设", "活动记录", "群众知晓")
			.path("correctSpotCheck.corrections[0].before.findings").entity(String.class).isEqualTo("台账不全")
			.path("correctSpotCheck.corrections[0].after.total").entity(Double.class).isEqualTo(10.0)
			.path("correctSpotCheck.corrections[0].after.items[*].score").entityList(Double.class).containsExactly(6.0, 4.0);
		assertThat(figure("SPOT_CHECK_AVERAGE").get(this.s1)).isEqualTo(10.0);

		// The same key and input again: the same answer, one trail entry; the key for other input: refused.
		correctSpot(this.centerA, id, items(6, 4), "台账已补齐", false, "录入时把分数填错", key("spot-fix-00001"))
			.path("correctSpotCheck.total").entity(Double.class).isEqualTo(10.0)
			.path("correctSpotCheck.corrections").entityList(Object.class).hasSize(1);
		errors = ApiErrors.expectCode(correctSpot(this.centerA, id, items(7, 4), "台账已补齐", false, "录入时把分数填错",
				key("spot-fix-00001")), "IDEMPOTENCY_KEY_REUSED");
		assertThat(errors.get(0).getMessage()).isEqualTo("幂等键已用于另一请求");
		assertThat(trailSize("spot_check_correction", "spot_check_id", id)).isEqualTo(1);

		// Withdrawn: still listed with its trail, no longer in the figure, no further correction.
		correctSpot(this.cityAdmin, id, null, null, true, "重复录入，撤回", key("spot-withdraw1"))
			.path("correctSpotCheck.withdrawn").entity(Boolean.class).isEqualTo(true);
		assertThat(figure("SPOT_CHECK_AVERAGE").get(this.s1)).isNull();
		this.api.as(this.admin1).document(SPOTS).variable("u", this.s1).execute()
			.path("spotChecks.edges[0].node.withdrawn").entity(Boolean.class).isEqualTo(true)
			.path("spotChecks.edges[0].node.corrections[*].action").entityList(String.class)
			.containsExactly("CORRECTED", "WITHDRAWN")
			.path("spotChecks.edges[0].node.corrections[1].before.total").entity(Double.class).isEqualTo(10.0)
			.path("spotChecks.edges[0].node.corrections[1].after").valueIsNull()
			.path("spotChecks.edges[0].node.corrections[1].correctedBy").entity(Long.class)
			.isEqualTo(this.cityAdmin.userId());
		errors = ApiErrors.expectCode(correctSpot(this.centerA, id, items(9, 9), null, false, "再改", key("spot-again-001")),
				"EVALUATION_RECORD_WITHDRAWN");
		assertThat(errors.get(0).getMessage()).isEqualTo("该记录已撤回，不能再更正");
	}

	@Test
	void aPeerReviewIsCorrectedByTheReviewingStationOnlyAndTheAveragesFollow() {
		String id = this.api.as(this.admin1).document(SUBMIT).variable("input", review(this.s1, this.s2, 4)).execute()
			.path("submitPeerReview.id").entity(String.class).get();
		assertThat(figure("PEER_REVIEW_AVERAGE").get(this.s2)).isEqualTo(4.0);

		// The reviewed station's admin, a center admin (no station's 站长), someone running both: FORBIDDEN.
		List<ResponseError> errors = ApiErrors.expectCode(correctReview(this.admin2, id, scores(5), null, false, "打分有误",
				key("peer-own-00001")), "FORBIDDEN");
		assertThat(errors.get(0).getMessage()).contains("被评站的管理员不能更正");
		ApiErrors.expectCode(correctReview(this.centerA, id, scores(5), null, false, "打分有误", key("peer-center-01")),
				"FORBIDDEN");
		Session both = admin("STATION_ADMIN", this.s1);
		this.fixtures.grant(both.userId(), "STATION_ADMIN", this.s2);
		ApiErrors.expectCode(correctReview(both, id, scores(5), null, false, "打分有误", key("peer-both-0001")), "FORBIDDEN");
		ApiErrors.expectCode(correctReview(this.admin1, id, scores(5), null, false, "RISKY 原因", key("peer-risky-001")),
				"CONTENT_REJECTED");
		ApiErrors.expectCode(correctReview(this.admin1, id, List.of(Map.of("itemId", this.items.get(0), "score", 2)),
				null, false, "打分有误", key("peer-items-001")), "PEER_REVIEW_ITEMS_MISMATCH");

		List<Map<String, Object>> newScores = new ArrayList<>();
		for (int i = 0; i < this.items.size(); i++) {
			newScores.add(Map.of("itemId", this.items.get(i), "score", (i == 0) ? 1 : 2));
		}
		double expected = Math.round((1.0 + 2.0 * (this.items.size() - 1)) / this.items.size() * 100) / 100.0;
		correctReview(this.admin1, id, newScores, "仍需加强", false, "误点了高分", key("peer-fix-00001"))
			.path("correctPeerReview.average").entity(Double.class).isEqualTo(expected)
			.path("correctPeerReview.comment").entity(String.class).isEqualTo("仍需加强")
			.path("correctPeerReview.corrections[0].action").entity(String.class).isEqualTo("CORRECTED")
			.path("correctPeerReview.corrections[0].before.average").entity(Double.class).isEqualTo(4.0)
			.path("correctPeerReview.corrections[0].after.average").entity(Double.class).isEqualTo(expected)
			.path("correctPeerReview.corrections[0].after.scores[0].score").entity(Integer.class).isEqualTo(1);
		assertThat(figure("PEER_REVIEW_AVERAGE").get(this.s2)).isEqualTo(expected);
		this.api.as(this.centerA).document(SUMMARY).variable("u", this.countyA).execute()
			.path("peerReviewSummary[0].stationId").entity(Long.class).isEqualTo(this.s2)
			.path("peerReviewSummary[0].average").entity(Double.class).isEqualTo(expected);

		// Idempotent by key; the key for other input is refused.
		correctReview(this.admin1, id, newScores, "仍需加强", false, "误点了高分", key("peer-fix-00001"))
			.path("correctPeerReview.corrections").entityList(Object.class).hasSize(1);
		ApiErrors.expectCode(correctReview(this.admin1, id, scores(3), "仍需加强", false, "误点了高分", key("peer-fix-00001")),
				"IDEMPOTENCY_KEY_REUSED");
		assertThat(trailSize("peer_review_correction", "review_id", id)).isEqualTo(1);

		// Withdrawn: out of the summary and the assessment, still readable with its trail.
		correctReview(this.admin1, id, null, null, true, "评错了站", key("peer-withdraw1"))
			.path("correctPeerReview.withdrawn").entity(Boolean.class).isEqualTo(true);
		this.api.as(this.centerA).document(SUMMARY).variable("u", this.countyA).execute()
			.path("peerReviewSummary").entityList(Object.class).hasSize(0);
		assertThat(figure("PEER_REVIEW_AVERAGE").get(this.s2)).isNull();
		this.api.as(this.admin1).document(GIVEN).variable("s", this.s1).execute()
			.path("peerReviewsGiven[0].withdrawn").entity(Boolean.class).isEqualTo(true)
			.path("peerReviewsGiven[0].corrections[*].action").entityList(String.class)
			.containsExactly("CORRECTED", "WITHDRAWN")
			.path("peerReviewsGiven[0].corrections[1].reason").entity(String.class).isEqualTo("评错了站");
		ApiErrors.expectCode(correctReview(this.admin1, id, scores(3), null, false, "再改", key("peer-again-001")),
				"EVALUATION_RECORD_WITHDRAWN");
	}

	/**
	 * The rights come before the input: whatever a caller without them sends (nothing to change, a
	 * withdrawal with changes, impossible scores, a blank reason, a malformed key, a key someone else
	 * used), the answer is FORBIDDEN — or NOT_FOUND for no such record — never what is wrong with the
	 * input; one who may is told, the field named as before.
	 */
	@Test
	void aCallerWithoutRightsIsRefusedBeforeTheInputIsJudged() {
		String spotId = spot(this.cityAdmin, this.s1);
		correctSpot(this.centerA, spotId, items(5, 5), null, false, "分数有误", key("spot-used-0001"));
		List<Map<String, Object>> overMax = List.of(Map.of("name", "阵地建设", "score", 11, "maxScore", 10));
		List<Map<String, Object>> twice = List.of(Map.of("name", "阵地建设", "score", 1, "maxScore", 10),
				Map.of("name", "阵地建设", "score", 2, "maxScore", 10));
		// The judged station's admin and another county's center admin.
		for (Session outsider : List.of(this.admin1, this.centerB)) {
			String who = (outsider == this.admin1) ? "own" : "oth";
			ApiErrors.expectCode(correctSpot(outsider, spotId, null, null, false, "无", key("spot-" + who + "-none")),
					"FORBIDDEN");
			ApiErrors.expectCode(correctSpot(outsider, spotId, items(5, 5), null, true, "撤回", key("spot-" + who + "-both")),
					"FORBIDDEN");
			ApiErrors.expectCode(correctSpot(outsider, spotId, overMax, null, false, "改分", key("spot-" + who + "-max")),
					"FORBIDDEN");
			ApiErrors.expectCode(correctSpot(outsider, spotId, twice, null, false, "改分", key("spot-" + who + "-twice")),
					"FORBIDDEN");
			ApiErrors.expectCode(correctSpot(outsider, spotId, items(5, 5), null, false, "分数有误", key("spot-used-0001")),
					"FORBIDDEN");
			// What the input's constraints refuse (a blank or long reason, a malformed key, no items) too.
			ApiErrors.expectCode(correctSpot(outsider, spotId, items(5, 5), null, false, " ", key("spot-" + who + "-blank")),
					"FORBIDDEN");
			ApiErrors.expectCode(correctSpot(outsider, spotId, items(5, 5), null, false, "长".repeat(201),
					key("spot-" + who + "-long")), "FORBIDDEN");
			ApiErrors.expectCode(correctSpot(outsider, spotId, items(5, 5), null, false, "分数有误", "短键"), "FORBIDDEN");
			ApiErrors.expectCode(correctSpot(outsider, spotId, List.of(), null, false, "改分", key("spot-" + who + "-empty")),
					"FORBIDDEN");
		}
		ApiErrors.expectCode(correctSpot(this.centerA, "999999999", null, null, false, "无", key("spot-missing-1")),
				"NOT_FOUND");
		// The same inputs from one who may: the input's own errors.
		ApiErrors.expectCode(correctSpot(this.centerA, spotId, null, null, false, "无", key("spot-may-none")),
				"EVALUATION_CORRECTION_UNCHANGED");
		ApiErrors.expectCode(correctSpot(this.centerA, spotId, overMax, null, false, "改分", key("spot-may-max")),
				"BAD_REQUEST");
		ApiErrors.expectBadField(correctSpot(this.centerA, spotId, items(5, 5), null, false, " ", key("spot-may-blank")),
				"input.reason");
		ApiErrors.expectBadField(correctSpot(this.centerA, spotId, items(5, 5), null, false, "分数有误", "短键"),
				"input.idempotencyKey");

		String reviewId = this.api.as(this.admin1).document(SUBMIT).variable("input", review(this.s1, this.s2, 4)).execute()
			.path("submitPeerReview.id").entity(String.class).get();
		correctReview(this.admin1, reviewId, scores(3), null, false, "打分有误", key("peer-used-0001"));
		List<Map<String, Object>> oneItem = List.of(Map.of("itemId", this.items.get(0), "score", 2));
		// The reviewed station's admin and a center admin (no station's 站长).
		for (Session outsider : List.of(this.admin2, this.centerA)) {
			String who = (outsider == this.admin2) ? "own" : "ctr";
			ApiErrors.expectCode(correctReview(outsider, reviewId, null, null, false, "无", key("peer-" + who + "-none")),
					"FORBIDDEN");
			ApiErrors.expectCode(correctReview(outsider, reviewId, scores(5), null, true, "撤回", key("peer-" + who + "-both")),
					"FORBIDDEN");
			ApiErrors.expectCode(correctReview(outsider, reviewId, oneItem, null, false, "改分", key("peer-" + who + "-items")),
					"FORBIDDEN");
			ApiErrors.expectCode(correctReview(outsider, reviewId, scores(3), null, false, "打分有误", key("peer-used-0001")),
					"FORBIDDEN");
			ApiErrors.expectCode(correctReview(outsider, reviewId, scores(3), null, false, " ", key("peer-" + who + "-blank")),
					"FORBIDDEN");
			ApiErrors.expectCode(correctReview(outsider, reviewId, scores(9), null, false, "打分有误", key("peer-" + who + "-nine")),
					"FORBIDDEN");
			ApiErrors.expectCode(correctReview(outsider, reviewId, List.of(oneItem.get(0), oneItem.get(0)), null, false,
					"打分有误", key("peer-" + who + "-dup")), "FORBIDDEN");
		}
		ApiErrors.expectCode(correctReview(this.admin1, "999999999", null, null, false, "无", key("peer-missing-1")),
				"NOT_FOUND");
		ApiErrors.expectCode(correctReview(this.admin1, reviewId, null, null, false, "无", key("peer-may-none")),
				"EVALUATION_CORRECTION_UNCHANGED");
		ApiErrors.expectCode(correctReview(this.admin1, reviewId, oneItem, null, false, "改分", key("peer-may-items")),
				"PEER_REVIEW_ITEMS_MISMATCH");
		ApiErrors.expectCode(correctReview(this.admin1, reviewId, List.of(oneItem.get(0), oneItem.get(0)), null, false,
				"改分", key("peer-may-dup")), "PEER_REVIEW_ITEMS_MISMATCH");
		ApiErrors.expectBadField(correctReview(this.admin1, reviewId, scores(9), null, false, "打分有误",
				key("peer-may-nine")), "input.scores[0].score");
		assertThat(trailSize("spot_check_correction", "spot_check_id", spotId)).isEqualTo(1);
		assertThat(trailSize("peer_review_correction", "review_id", reviewId)).isEqualTo(1);
	}

	/**
	 * A withdrawn 站互评 no longer holds its pair and month: the station reviews again, and the summary
	 * and the assessment count the new review only; a second active review of the pair is still
	 * refused, also when several arrive at once.
	 */
	@Test
	void aWithdrawnPeerReviewLetsThePairReviewAgainThatMonth() throws Exception {
		String first = this.api.as(this.admin1).document(SUBMIT).variable("input", review(this.s1, this.s2, 4)).execute()
			.path("submitPeerReview.id").entity(String.class).get();
		ApiErrors.expectCode(this.api.as(this.admin1).document(SUBMIT).variable("input", review(this.s1, this.s2, 2))
			.execute(), "PEER_REVIEW_ALREADY_SUBMITTED");
		correctReview(this.admin1, first, null, null, true, "评错了分", key("peer-again-wd1"))
			.path("correctPeerReview.withdrawn").entity(Boolean.class).isEqualTo(true);

		String second = this.api.as(this.admin1).document(SUBMIT).variable("input", review(this.s1, this.s2, 2)).execute()
			.path("submitPeerReview.id").entity(String.class).get();
		assertThat(second).isNotEqualTo(first);
		this.api.as(this.centerA).document(SUMMARY).variable("u", this.countyA).execute()
			.path("peerReviewSummary[0].stationId").entity(Long.class).isEqualTo(this.s2)
			.path("peerReviewSummary[0].reviews").entity(Integer.class).isEqualTo(1)
			.path("peerReviewSummary[0].average").entity(Double.class).isEqualTo(2.0);
		assertThat(figure("PEER_REVIEW_AVERAGE").get(this.s2)).isEqualTo(2.0);
		this.api.as(this.admin1).document(GIVEN).variable("s", this.s1).execute()
			.path("peerReviewsGiven[*].withdrawn").entityList(Boolean.class).containsExactly(true, false);
		ApiErrors.expectCode(this.api.as(this.admin1).document(SUBMIT).variable("input", review(this.s1, this.s2, 5))
			.execute(), "PEER_REVIEW_ALREADY_SUBMITTED");

		// Withdrawn again, then several submissions at once: one is accepted, the others refused as
		// already submitted — not a bare CONFLICT. They all meet the withdrawn row's old entry in the
		// active-pair key and deadlock on their inserts (met in CI); DeleteMarkedKey makes it certain.
		String active = second;
		for (int round = 1; round <= 3; round++) {
			int score = 2 + round;
			Callable<String> submit = () -> ApiErrors.codeOf(
					this.api.as(this.admin1).document(SUBMIT).variable("input", review(this.s1, this.s2, score)).execute());
			List<String> codes;
			try (DeleteMarkedKey held = DeleteMarkedKey.hold(this.jdbc.getDataSource())) {
				correctReview(this.admin1, active, null, null, true, "又评错了", key("peer-again-wd-" + (round + 1)));
				codes = held.race("""
						SELECT id FROM peer_review FORCE INDEX (uk_peer_review_active_pair)
						WHERE reviewer_station_id = ? AND reviewed_station_id = ? LOCK IN SHARE MODE""",
						List.of(this.s1, this.s2), Collections.nCopies(10, submit));
			}
			assertThat(codes).as("round %d", round).filteredOn(code -> code == null).hasSize(1);
			assertThat(codes).as("round %d", round)
				.filteredOn(code -> code != null)
				.hasSize(9)
				.containsOnly("PEER_REVIEW_ALREADY_SUBMITTED");
			assertThat(this.jdbc.queryForObject("""
					SELECT COUNT(*) FROM peer_review
					WHERE reviewer_station_id = ? AND reviewed_station_id = ? AND withdrawn_at IS NULL""", Integer.class,
					this.s1, this.s2)).isEqualTo(1);
			assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM peer_review WHERE reviewer_station_id = ? AND reviewed_station_id = ?",
					Integer.class, this.s1, this.s2)).isEqualTo(2 + round);
			assertThat(figure("PEER_REVIEW_AVERAGE").get(this.s2)).isEqualTo((double) score);
			active = this.jdbc.queryForObject("""
					SELECT id FROM peer_review
					WHERE reviewer_station_id = ? AND reviewed_station_id = ? AND withdrawn_at IS NULL""", String.class,
					this.s1, this.s2);
		}
	}

	@Test
	void tenConcurrentCorrectionsWithOneKeyLeaveOneTrailEntry() throws Exception {
		String spotId = spot(this.cityAdmin, this.s1);
		String reviewId = this.api.as(this.admin1).document(SUBMIT).variable("input", review(this.s1, this.s2, 4))
			.execute().path("submitPeerReview.id").entity(String.class).get();
		List<String> spotCodes = Race.times(10, () -> ApiErrors.codeOf(
				correctSpot(this.centerA, spotId, items(3, 3), null, false, "并发更正", key("spot-race-0001"))));
		List<String> peerCodes = Race.times(10, () -> ApiErrors.codeOf(
				correctReview(this.admin1, reviewId, null, null, true, "并发撤回", key("peer-race-0001"))));
		assertThat(spotCodes).containsOnlyNulls().hasSize(10);
		assertThat(peerCodes).containsOnlyNulls().hasSize(10);
		assertThat(trailSize("spot_check_correction", "spot_check_id", spotId)).isEqualTo(1);
		assertThat(trailSize("peer_review_correction", "review_id", reviewId)).isEqualTo(1);
		assertThat(figure("SPOT_CHECK_AVERAGE").get(this.s1)).isEqualTo(6.0);
		assertThat(figure("PEER_REVIEW_AVERAGE").get(this.s2)).isNull();
	}

	/**
	 * One corrector's corrections of different records at once, each with its own key: every one is
	 * written (the key look-up's gap locks may make InnoDB roll one back; it runs again).
	 */
	@Test
	void oneCorrectorsConcurrentCorrectionsOfDifferentRecordsAllLand() throws Exception {
		List<String> spotIds = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			spotIds.add(spot(this.cityAdmin, (i % 2 == 0) ? this.s1 : this.s2));
		}
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < spotIds.size(); i++) {
			String spotId = spotIds.get(i);
			String key = key("spot-many-" + i);
			calls.add(() -> ApiErrors.codeOf(correctSpot(this.centerA, spotId, items(3, 3), null, false, "逐条更正", key)));
		}
		assertThat(Race.run(calls)).containsOnlyNulls().hasSize(spotIds.size());
		for (String spotId : spotIds) {
			assertThat(trailSize("spot_check_correction", "spot_check_id", spotId)).as(spotId).isEqualTo(1);
		}
	}

	/**
	 * A key is its corrector's own: two who may both correct a record each use one key string for their
	 * own correction — two trail entries, each in its own name — each one's retry repeats their own and
	 * each one's reuse of it for other input is still refused; five requests of each racing with the
	 * key write once per corrector.
	 */
	@Test
	void twoCorrectorsUseOneKeyStringEachForTheirOwnCorrection() throws Exception {
		// 抽查评估: a center and a city admin over the station.
		String spotId = spot(this.cityAdmin, this.s1);
		String spotKey = key("spot-shared-01");
		correctSpot(this.centerA, spotId, items(6, 4), null, false, "分数填错", spotKey)
			.path("correctSpotCheck.corrections").entityList(Object.class).hasSize(1);
		correctSpot(this.cityAdmin, spotId, null, "复核后补充", false, "补充问题", spotKey)
			.path("correctSpotCheck.total").entity(Double.class).isEqualTo(10.0)
			.path("correctSpotCheck.findings").entity(String.class).isEqualTo("复核后补充")
			.path("correctSpotCheck.corrections[*].correctedBy").entityList(Long.class)
			.containsExactly(this.centerA.userId(), this.cityAdmin.userId())
			.path("correctSpotCheck.corrections[*].reason").entityList(String.class).containsExactly("分数填错", "补充问题");
		correctSpot(this.centerA, spotId, items(6, 4), null, false, "分数填错", spotKey)
			.path("correctSpotCheck.corrections").entityList(Object.class).hasSize(2);
		correctSpot(this.cityAdmin, spotId, null, "复核后补充", false, "补充问题", spotKey)
			.path("correctSpotCheck.corrections").entityList(Object.class).hasSize(2);
		ApiErrors.expectCode(correctSpot(this.centerA, spotId, items(7, 4), null, false, "分数填错", spotKey),
				"IDEMPOTENCY_KEY_REUSED");
		ApiErrors.expectCode(correctSpot(this.cityAdmin, spotId, null, "再补充", false, "补充问题", spotKey),
				"IDEMPOTENCY_KEY_REUSED");
		assertThat(keyHolders("spot_check_correction", spotKey)).containsExactlyInAnyOrder(this.centerA.userId(),
				this.cityAdmin.userId());

		// 站互评: two 站长 of the reviewing station.
		Session admin1b = admin("STATION_ADMIN", this.s1);
		String reviewId = this.api.as(this.admin1).document(SUBMIT).variable("input", review(this.s1, this.s2, 4))
			.execute().path("submitPeerReview.id").entity(String.class).get();
		String peerKey = key("peer-shared-01");
		correctReview(this.admin1, reviewId, scores(3), null, false, "打分偏高", peerKey)
			.path("correctPeerReview.corrections").entityList(Object.class).hasSize(1);
		correctReview(admin1b, reviewId, null, "补充评语", false, "补充评语", peerKey)
			.path("correctPeerReview.average").entity(Double.class).isEqualTo(3.0)
			.path("correctPeerReview.comment").entity(String.class).isEqualTo("补充评语")
			.path("correctPeerReview.corrections[*].reason").entityList(String.class).containsExactly("打分偏高", "补充评语");
		correctReview(this.admin1, reviewId, scores(3), null, false, "打分偏高", peerKey)
			.path("correctPeerReview.corrections").entityList(Object.class).hasSize(2);
		ApiErrors.expectCode(correctReview(this.admin1, reviewId, scores(2), null, false, "打分偏高", peerKey),
				"IDEMPOTENCY_KEY_REUSED");
		ApiErrors.expectCode(correctReview(admin1b, reviewId, null, "另一评语", false, "补充评语", peerKey),
				"IDEMPOTENCY_KEY_REUSED");
		assertThat(keyHolders("peer_review_correction", peerKey)).containsExactlyInAnyOrder(this.admin1.userId(),
				admin1b.userId());

		// Racing: five requests of each with one key, each changing what the other leaves alone.
		String raced = spot(this.cityAdmin, this.s1);
		String raceKey = key("spot-shared-race");
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			calls.add(() -> ApiErrors.codeOf(correctSpot(this.centerA, raced, items(3, 3), null, false, "并发更正", raceKey)));
			calls.add(() -> ApiErrors.codeOf(correctSpot(this.cityAdmin, raced, null, "并发补充", false, "并发补充", raceKey)));
		}
		assertThat(Race.run(calls)).containsOnlyNulls().hasSize(10);
		assertThat(trailSize("spot_check_correction", "spot_check_id", raced)).isEqualTo(2);
		assertThat(keyHolders("spot_check_correction", raceKey)).containsExactlyInAnyOrder(this.centerA.userId(),
				this.cityAdmin.userId());
		assertThat(this.jdbc.queryForObject("SELECT findings FROM spot_check WHERE id = ?", String.class,
				Long.valueOf(raced))).isEqualTo("并发补充");
	}

	// --- helpers

	private Session admin(String role, long unit) {
		Session session = this.api.login(Fixtures.unique("evalfix"));
		this.fixtures.grant(session.userId(), role, unit);
		return session;
	}

	private String spot(Session as, long station) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("stationId", station);
		input.put("checkedOn", this.today.toString());
		input.put("items", List.of(Map.of("name", "阵地建设", "score", 9.5, "maxScore", 10),
				Map.of("name", "活动记录", "score", 8, "maxScore", 10), Map.of("name", "群众知晓", "score", 9, "maxScore", 10)));
		input.put("findings", "台账不全");
		return this.api.as(as).document(SPOT).variable("input", IdempotencyKeys.keyed(input)).execute().path("recordSpotCheck.id")
			.entity(String.class).get();
	}

	private static List<Map<String, Object>> items(double first, double second) {
		return List.of(Map.of("name", "阵地建设", "score", first, "maxScore", 10),
				Map.of("name", "活动记录", "score", second, "maxScore", 10));
	}

	private GraphQlTester.Response correctSpot(Session as, String id, List<Map<String, Object>> items, String findings,
			boolean withdraw, String reason, String key) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("spotCheckId", id);
		if (items != null) {
			input.put("items", items);
		}
		if (findings != null) {
			input.put("findings", findings);
		}
		input.put("withdraw", withdraw);
		input.put("reason", reason);
		input.put("idempotencyKey", key);
		return this.api.as(as).document(CORRECT_SPOT).variable("input", input).execute();
	}

	private Map<String, Object> review(long reviewer, long reviewed, int score) {
		return Map.of("reviewerStationId", reviewer, "reviewedStationId", reviewed, "scores", scores(score));
	}

	private List<Map<String, Object>> scores(int score) {
		return this.items.stream().map(id -> Map.<String, Object>of("itemId", id, "score", score)).toList();
	}

	private GraphQlTester.Response correctReview(Session as, String id, List<Map<String, Object>> scores, String comment,
			boolean withdraw, String reason, String key) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("peerReviewId", id);
		if (scores != null) {
			input.put("scores", scores);
		}
		if (comment != null) {
			input.put("comment", comment);
		}
		input.put("withdraw", withdraw);
		input.put("reason", reason);
		input.put("idempotencyKey", key);
		return this.api.as(as).document(CORRECT_REVIEW).variable("input", input).execute();
	}

	/** Who holds the key in the trail table: one entry per corrector who used it. */
	private List<Long> keyHolders(String table, String key) {
		return this.jdbc.queryForList("SELECT corrected_by FROM " + table + " WHERE idempotency_key = ?", Long.class, key);
	}

	private int trailSize(String table, String column, String id) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Integer.class,
				Long.valueOf(id));
	}

	/** unit id → the figure's value in the city's assessment for this month. */
	@SuppressWarnings("unchecked")
	private Map<Long, Double> figure(String kind) {
		List<Map<String, Object>> units = this.api.as(this.cityAdmin).documentName("assessment")
			.variable("orgUnitId", Long.toString(this.city)).variable("year", this.today.getYear())
			.variable("month", this.today.getMonthValue()).execute().path("assessment.units").entity(List.class).get();
		Map<Long, Double> out = new HashMap<>();
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
