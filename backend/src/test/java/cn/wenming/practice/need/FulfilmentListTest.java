package cn.wenming.practice.need;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Must show 6: the published 落实清单 matches the figures recomputed from raw rows by this test's own
 * SQL, and is frozen: later changes to its needs leave it as published while the live list of an
 * unpublished month follows them. Also who may publish and read, and the month rules.
 * <p>
 * Needs are built two months back (so both that month and the next have ended in Asia/Shanghai)
 * by moving the application clock; everyone logs in first, while the clock is still real, because
 * access tokens are checked against the real time.
 */
@IntegrationTest
class FulfilmentListTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Scenario
	NeedScenario s;

	Session stranger;

	Session instituteAdmin;

	String station;

	/** The month of the list under test and the next one (both ended). */
	YearMonth month;

	YearMonth next;

	final Map<String, String> ids = new HashMap<>();

	@BeforeEach
	void setUp() {
		this.stranger = this.s.api.login(Fixtures.unique("stranger"));
		this.instituteAdmin = this.s.api.login(Fixtures.unique("inst-admin"));
		this.s.fixtures.grant(this.instituteAdmin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		this.station = Long.toString(this.s.tree.station());
		this.month = YearMonth.now(SHANGHAI).minusMonths(2);
		this.next = this.month.plusMonths(1);
	}

	@Test
	void publishedListMatchesRawRowsAndStaysFrozenWhileTheLiveListOfAnUnpublishedMonthChanges() {
		buildMonth();

		// Not yet published: only admins covering the unit see the live list; others are told NOT_FOUND.
		ApiErrors.expectCode(list(this.s.api.anonymous(), this.month), "NOT_FOUND");
		ApiErrors.expectCode(list(this.s.api.as(this.stranger), this.month), "NOT_FOUND");
		Map<String, Object> live = entity(list(this.s.api.as(this.s.admin), this.month), "fulfilmentList");
		assertThat(live.get("published")).isEqualTo(false);
		// The 所 covers the station's subtree: its admin sees the same figures there; the station's admin
		// does not cover the 所.
		String institute = Long.toString(this.s.tree.institute());
		Map<String, Object> atInstitute = entity(list(this.s.api.as(this.instituteAdmin), this.month, institute),
				"fulfilmentList");
		assertThat(atInstitute.get("total")).isEqualTo(live.get("total"));
		assertThat(atInstitute.get("categories")).isEqualTo(live.get("categories"));
		ApiErrors.expectCode(list(this.s.api.as(this.s.admin), this.month, institute), "NOT_FOUND");

		// Who may publish, and when.
		ApiErrors.expectCode(publish(this.s.api.anonymous(), this.month), "UNAUTHENTICATED");
		ApiErrors.expectCode(publish(this.s.api.as(this.stranger), this.month), "FORBIDDEN");
		ApiErrors.expectCode(publish(this.s.api.as(this.s.resident), this.month), "FORBIDDEN");
		ApiErrors.expectCode(publish(this.s.api.as(this.s.leader), this.month), "FORBIDDEN");
		ApiErrors.expectCode(publish(this.s.api.as(this.s.admin), YearMonth.now(SHANGHAI)),
				"FULFILMENT_MONTH_NOT_ENDED");
		ApiErrors.expectCode(publish(this.s.api.as(this.s.admin), YearMonth.now(SHANGHAI).plusMonths(1)),
				"FULFILMENT_MONTH_NOT_ENDED");
		ApiErrors.expectBadField(this.s.api.as(this.s.admin).documentName("publishFulfilmentList")
			.variable("orgUnitId", this.station).variable("month", "2026-13").execute(), "month");

		Map<String, Object> published = entity(publish(this.s.api.as(this.s.admin), this.month),
				"publishFulfilmentList");
		assertThat(published.get("published")).isEqualTo(true);
		assertThat(published.get("publishedAt")).isNotNull();
		ApiErrors.expectCode(publish(this.s.api.as(this.s.admin), this.month), "FULFILMENT_LIST_ALREADY_PUBLISHED");

		// The figures the scenario was built for, and the same figures from the raw rows.
		Map<String, Object> total = map(published.get("total"));
		assertThat(total).containsEntry("received", 6).containsEntry("fulfilled", 3).containsEntry("onTime", 2)
			.containsEntry("rated", 2).containsEntry("satisfied", 1).containsEntry("rejected", 1)
			.containsEntry("cancelled", 1);
		assertThat((Double) total.get("fulfilmentRate")).isCloseTo(0.5, within(1e-9));
		assertThat((Double) total.get("averageRating")).isCloseTo(4.0, within(1e-9));
		assertThat((Double) total.get("satisfaction")).isCloseTo(0.5, within(1e-9));
		assertMatchesRawRows(published);

		// Anyone reads the published list, without login, exactly as published.
		Map<String, Object> anonymous = entity(list(this.s.api.anonymous(), this.month), "fulfilmentList");
		assertThat(anonymous).isEqualTo(published);
		List<Map<String, Object>> months = this.s.api.anonymous().documentName("fulfilmentLists")
			.variable("orgUnitId", this.station).execute().path("fulfilmentLists").entityList(mapType()).get();
		assertThat(months).singleElement().satisfies(m -> {
			assertThat(m.get("month")).isEqualTo(this.month.toString());
			assertThat(m.get("publicPath")).isEqualTo("/public/fulfilment/" + this.station + "/" + this.month);
		});

		// The live list of the next, unpublished month before a change.
		Map<String, Object> nextBefore = entity(list(this.s.api.as(this.s.admin), this.next), "fulfilmentList");
		assertThat(nextBefore.get("published")).isEqualTo(false);
		assertThat(map(nextBefore.get("total"))).containsEntry("received", 1).containsEntry("rejected", 0);
		assertThat(ids(nextBefore, "unfulfilled")).containsExactly(this.ids.get("I"));
		ApiErrors.expectCode(list(this.s.api.anonymous(), this.next), "NOT_FOUND");

		// Change the month's needs: a late rating, an acceptance, a review, a completion.
		this.s.rate(this.s.resident, this.ids.get("C"), 5).path("rateNeed.status").entity(String.class)
			.isEqualTo("RATED");
		this.s.byNeed(this.s.leader, "acceptNeed", this.ids.get("D")).path("acceptNeed.status").entity(String.class)
			.isEqualTo("ACCEPTED");
		this.s.byNeed(this.s.admin, "publishNeed", this.ids.get("E")).path("publishNeed.status")
			.entity(String.class).isEqualTo("PUBLISHED");
		this.s.complete(this.s.leader, this.ids.get("H"), Map.of(this.s.leader.userId(), 1.0))
			.path("completeNeed.status").entity(String.class).isEqualTo("COMPLETED");
		this.s.withReason(this.s.admin, "rejectNeed", this.ids.get("I"), "重复提交").path("rejectNeed.status")
			.entity(String.class).isEqualTo("REJECTED");

		// The raw rows now say something else, the published list does not.
		Map<String, Object> rawNow = rawTotal(this.month);
		assertThat(rawNow.get("fulfilled")).isEqualTo(4);
		assertThat(rawNow.get("rated")).isEqualTo(3);
		assertThat(entity(list(this.s.api.anonymous(), this.month), "fulfilmentList")).isEqualTo(published);
		assertThat(entity(list(this.s.api.as(this.s.admin), this.month), "fulfilmentList")).isEqualTo(published);

		// The unpublished month's live list follows its need.
		Map<String, Object> nextAfter = entity(list(this.s.api.as(this.s.admin), this.next), "fulfilmentList");
		assertThat(map(nextAfter.get("total"))).containsEntry("received", 0).containsEntry("rejected", 1);
		assertThat(ids(nextAfter, "unfulfilled")).isEmpty();
		assertMatchesRawRows(nextAfter);
	}

	@Test
	void aPublishedNeedNobodyPicksUpShowsItsDispatchDeadlineNotTheDesiredDate() {
		// This month's live list: a need on the wish wall whose resident hopes for a date three weeks away
		// is overdue for the station after app.need.dispatch-within (2 days), as escalation treats it.
		YearMonth current = YearMonth.now(SHANGHAI);
		String id = submit("P", this.s.category("生活服务"),
				java.time.LocalDate.now(SHANGHAI).plusDays(21).toString());
		publishNeed(id);
		java.time.Instant stageStarted = this.jdbc.queryForObject(
				"SELECT stage_started_at FROM need WHERE id = ?", java.sql.Timestamp.class, Long.parseLong(id))
			.toInstant();

		Map<String, Object> shown = byId(entity(list(this.s.api.as(this.s.admin), current), "fulfilmentList"),
				"unfulfilled", id);
		assertThat(shown.get("status")).isEqualTo("PUBLISHED");
		assertThat(java.time.OffsetDateTime.parse((String) shown.get("deadline")).toInstant())
			.isEqualTo(stageStarted.plus(Duration.ofDays(2)));
		assertThat(shown.get("overdue")).isEqualTo(false);
	}

	@Test
	void unknownUnitAndMalformedMonthsAreClearErrors() {
		ApiErrors.expectCode(list(this.s.api.as(this.s.admin), YearMonth.of(2026, 1), "999999999"), "NOT_FOUND");
		ApiErrors.expectBadField(this.s.api.anonymous().documentName("fulfilmentList")
			.variable("orgUnitId", this.station).variable("month", "2026-1").execute(), "month");
		assertThat(this.s.api.anonymous().documentName("fulfilmentLists").variable("orgUnitId", this.station)
			.execute().path("fulfilmentLists").entityList(Object.class).get()).isEmpty();
	}

	@Test
	void concurrentPublishersOfOneMonthPublishItOnce() throws Exception {
		// An ended month without needs: an empty list is a list too (all counts 0, rates null).
		YearMonth empty = YearMonth.now(SHANGHAI).minusMonths(3);
		int threads = 12;
		var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		var start = new java.util.concurrent.CountDownLatch(1);
		try {
			List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return ApiErrors.codeOf(publish(this.s.api.as(this.s.admin), empty));
				}));
			}
			start.countDown();
			List<String> codes = new java.util.ArrayList<>();
			for (var result : results) {
				codes.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(codes.stream().filter(java.util.Objects::isNull).count()).as(codes.toString()).isEqualTo(1);
			assertThat(codes.stream().filter(java.util.Objects::nonNull))
				.containsOnly("FULFILMENT_LIST_ALREADY_PUBLISHED").hasSize(threads - 1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.s.count("SELECT COUNT(*) FROM need_fulfilment_list WHERE org_unit_id = ? AND month = ?",
				this.s.tree.station(), empty.toString())).isEqualTo(1);
		Map<String, Object> list = entity(list(this.s.api.anonymous(), empty), "fulfilmentList");
		assertThat(map(list.get("total"))).containsEntry("received", 0).containsEntry("fulfilmentRate", null);
		assertThat(list(list.get("categories"))).isEmpty();
	}

	/**
	 * The month: nine needs across three categories and every outcome; times in Asia/Shanghai. The
	 * first lies on the 1st at 07:30 (still the previous month in UTC), the last on the last day at
	 * 23:30; a tenth, 00:30 on the 1st of the next month, belongs to the next month's list.
	 */
	private void buildMonth() {
		String life = this.s.category("生活服务");
		String elderly = this.s.category("助老服务");
		String health = this.s.category("卫生健康");

		// A: dispatched to the team, accepted, completed a day later (before the 3-day deadline), rated 5.
		at(1, 7, 30);
		String a = submit("A", life, null);
		publishNeed(a);
		dispatch(a, this.s.teamId, null, Duration.ofDays(3));
		move(this.s.leader, "acceptNeed", a);
		move(this.s.leader, "startNeed", a);
		this.clock.shift(Duration.ofDays(1));
		completed(this.s.leader, a);
		this.s.rate(this.s.resident, a, 5).path("rateNeed.status").entity(String.class).isEqualTo("RATED");

		// B: dispatched to the volunteer with one day, completed after two (late), rated 3.
		at(5, 10, 0);
		String b = submit("B", life, null);
		publishNeed(b);
		dispatch(b, null, this.s.volunteer.userId(), Duration.ofDays(1));
		move(this.s.volunteer, "acceptNeed", b);
		move(this.s.volunteer, "startNeed", b);
		this.clock.shift(Duration.ofDays(2));
		completed(this.s.volunteer, b);
		this.s.rate(this.s.resident, b, 3).path("rateNeed.status").entity(String.class).isEqualTo("RATED");

		// C: claimed from the wish wall (no dispatched deadline), done before the desired date, not rated.
		at(8, 10, 0);
		String c = submit("C", elderly, this.month.atDay(20).toString());
		publishNeed(c);
		this.s.claim(this.s.volunteer, c, null).path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
		move(this.s.volunteer, "startNeed", c);
		at(10, 9, 0);
		completed(this.s.volunteer, c);

		// D: dispatched to the team, not accepted (its acceptance deadline passes).
		at(15, 10, 0);
		String d = submit("D", elderly, null);
		publishNeed(d);
		dispatch(d, this.s.teamId, null, Duration.ofDays(5));

		// E: still waiting for review.
		at(20, 10, 0);
		submit("E", health, null);

		// F: rejected; G: cancelled by the resident. Neither is received.
		at(21, 10, 0);
		String f = submit("F", life, null);
		this.s.withReason(this.s.admin, "rejectNeed", f, "不属于服务范围").path("rejectNeed.status")
			.entity(String.class).isEqualTo("REJECTED");
		at(22, 10, 0);
		String g = submit("G", life, null);
		this.s.withReason(this.s.resident, "cancelNeed", g, "已自行解决").path("cancelNeed.status")
			.entity(String.class).isEqualTo("CANCELLED");

		// H: the last evening of the month, claimed by the leader for the team, in progress.
		at(this.month.lengthOfMonth(), 23, 30);
		String h = submit("H", health, null);
		publishNeed(h);
		this.s.claim(this.s.leader, h, this.s.teamId).path("claimNeed.status").entity(String.class)
			.isEqualTo("CLAIMED");
		move(this.s.leader, "startNeed", h);

		// I: half an hour into the next month (still the last day in UTC).
		this.clock.set(this.next.atDay(1).atTime(0, 30).atZone(SHANGHAI).toInstant());
		submit("I", life, null);
		this.clock.reset();
	}

	private void at(int day, int hour, int minute) {
		this.clock.set(this.month.atDay(day).atTime(hour, minute).atZone(SHANGHAI).toInstant());
	}

	private String submit(String key, String categoryId, String desiredDate) {
		Map<String, Object> input = this.s.input(Fixtures.unique("清单" + key));
		input.put("categoryId", categoryId);
		input.put("desiredDate", desiredDate);
		String id = this.s.submit(this.s.resident, input).path("submitNeed.id").entity(String.class).get();
		this.ids.put(key, id);
		return id;
	}

	private void publishNeed(String id) {
		move(this.s.admin, "publishNeed", id);
	}

	private void move(Session as, String document, String id) {
		this.s.byNeed(as, document, id).path(document + ".id").entity(String.class).isEqualTo(id);
	}

	private void dispatch(String id, String teamId, Long volunteerUserId, Duration within) {
		Map<String, Object> input = new HashMap<>();
		input.put("needId", id);
		input.put("teamId", teamId);
		input.put("volunteerUserId", (volunteerUserId == null) ? null : volunteerUserId.toString());
		input.put("deadline", this.clock.instant().plus(within).toString());
		this.s.api.as(this.s.admin).documentName("dispatchNeed").variable("input", input).execute()
			.path("dispatchNeed.status").entity(String.class).isEqualTo("DISPATCHED");
	}

	private void completed(Session as, String id) {
		this.s.complete(as, id, Map.of(as.userId(), 1.5)).path("completeNeed.status").entity(String.class)
			.isEqualTo("COMPLETED");
	}

	// --- The test's own figures, from raw rows.

	private static final String MONTH_NEEDS = """
			FROM need n JOIN need_category c ON c.id = n.category_id JOIN org_unit o ON o.id = n.station_id
			WHERE o.path LIKE CONCAT((SELECT path FROM org_unit WHERE id = ?), '%')
			  AND DATE_FORMAT(n.created_at + INTERVAL 8 HOUR, '%Y-%m') = ?
			""";

	/** Deadline: dispatched, else the end of the desired date in UTC+8 (16:00 UTC that day). */
	private static final String DEADLINE = "COALESCE(n.deadline_at, TIMESTAMP(n.desired_date) + INTERVAL 16 HOUR)";

	private static final String FIGURES = """
			SELECT SUM(n.status NOT IN ('REJECTED', 'CANCELLED')) AS received,
			       SUM(n.status IN ('COMPLETED', 'RATED', 'CLOSED_UNRATED')) AS fulfilled,
			       SUM(n.status IN ('COMPLETED', 'RATED', 'CLOSED_UNRATED')
			           AND (%1$s IS NULL OR n.completed_at <= %1$s)) AS onTime,
			       COUNT(n.rating_stars) AS rated, SUM(n.rating_stars >= 4) AS satisfied,
			       SUM(n.rating_stars) AS stars,
			       SUM(n.status = 'REJECTED') AS rejected, SUM(n.status = 'CANCELLED') AS cancelled
			""".formatted(DEADLINE);

	private Map<String, Object> rawTotal(YearMonth month) {
		return ints(this.jdbc.queryForMap(FIGURES + MONTH_NEEDS, this.s.tree.station(), month.toString()));
	}

	private void assertMatchesRawRows(Map<String, Object> list) {
		YearMonth ym = YearMonth.parse((String) list.get("month"));
		assertSummary(map(list.get("total")), rawTotal(ym));

		List<Map<String, Object>> byCategory = this.jdbc.queryForList(
				FIGURES.replace("SELECT ", "SELECT c.name AS category, MIN(c.sort_order) AS sortOrder, ") + MONTH_NEEDS
						+ " GROUP BY c.name ORDER BY sortOrder",
				this.s.tree.station(), ym.toString());
		List<Map<String, Object>> categories = list(list.get("categories"));
		assertThat(categories).extracting(c -> c.get("category"))
			.containsExactlyElementsOf(byCategory.stream().map(r -> r.get("category")).toList());
		for (int i = 0; i < byCategory.size(); i++) {
			assertSummary(categories.get(i), ints(byCategory.get(i)));
		}

		// Row by row: which needs, their state, masked resident, completion day and rating.
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				SELECT n.id, n.status, c.name AS category, n.contact_name, n.rating_stars,
				       DATE_FORMAT(n.completed_at + INTERVAL 8 HOUR, '%Y-%m-%d') AS completedOn
				""" + MONTH_NEEDS, this.s.tree.station(), ym.toString());
		Set<String> fulfilled = new HashSet<>();
		Set<String> open = new HashSet<>();
		for (Map<String, Object> row : rows) {
			String status = (String) row.get("status");
			String id = row.get("id").toString();
			if (Set.of("COMPLETED", "RATED", "CLOSED_UNRATED").contains(status)) {
				fulfilled.add(id);
				Map<String, Object> shown = byId(list, "fulfilled", id);
				assertThat(shown.get("completedOn")).isEqualTo(row.get("completedOn"));
				assertThat(shown.get("rating")).isEqualTo(
						(row.get("rating_stars") == null) ? null : ((Number) row.get("rating_stars")).intValue());
				assertThat(shown.get("category")).isEqualTo(row.get("category"));
				String name = (String) row.get("contact_name");
				assertThat(shown.get("residentName")).isEqualTo(name.substring(0, 1) + "*".repeat(name.length() - 1));
				assertThat(shown.get("servedBy")).isNotNull();
			}
			else if (!Set.of("REJECTED", "CANCELLED").contains(status)) {
				open.add(id);
				Map<String, Object> shown = byId(list, "unfulfilled", id);
				assertThat(shown.get("status")).isEqualTo(status);
				assertThat((String) shown.get("nextStep")).isNotBlank();
				assertThat((String) shown.get("responsible")).isNotBlank();
			}
		}
		assertThat(ids(list, "fulfilled")).containsExactlyInAnyOrderElementsOf(fulfilled);
		assertThat(ids(list, "unfulfilled")).containsExactlyInAnyOrderElementsOf(open);
	}

	private static void assertSummary(Map<String, Object> shown, Map<String, Object> raw) {
		for (String key : List.of("received", "fulfilled", "onTime", "rated", "satisfied", "rejected", "cancelled")) {
			assertThat(shown.get(key)).as(key).isEqualTo(raw.get(key));
		}
		int received = (Integer) raw.get("received");
		int fulfilled = (Integer) raw.get("fulfilled");
		int rated = (Integer) raw.get("rated");
		assertRatio(shown.get("fulfilmentRate"), fulfilled, received);
		assertRatio(shown.get("onTimeRate"), (Integer) raw.get("onTime"), fulfilled);
		assertRatio(shown.get("averageRating"), (Integer) raw.get("stars"), rated);
		assertRatio(shown.get("satisfaction"), (Integer) raw.get("satisfied"), rated);
	}

	private static void assertRatio(Object shown, int numerator, int denominator) {
		if (denominator == 0) {
			assertThat(shown).isNull();
		}
		else {
			assertThat(((Number) shown).doubleValue()).isCloseTo((double) numerator / denominator, within(1e-9));
		}
	}

	/** SQL sums come back as DECIMAL (or null over no rows): as ints, null as 0. */
	private static Map<String, Object> ints(Map<String, Object> row) {
		Map<String, Object> out = new HashMap<>();
		row.forEach((k, v) -> out.put(k, (v instanceof Number n) ? (Object) n.intValue() : (v == null) ? 0 : v));
		return out;
	}

	// --- GraphQL helpers.

	private GraphQlTester.Response list(GraphQlTester tester, YearMonth month) {
		return list(tester, month, this.station);
	}

	private GraphQlTester.Response list(GraphQlTester tester, YearMonth month, String unit) {
		return tester.documentName("fulfilmentList").variable("orgUnitId", unit).variable("month", month.toString())
			.execute();
	}

	private GraphQlTester.Response publish(GraphQlTester tester, YearMonth month) {
		return tester.documentName("publishFulfilmentList").variable("orgUnitId", this.station)
			.variable("month", month.toString()).execute();
	}

	static Map<String, Object> entity(GraphQlTester.Response response, String path) {
		return response.path(path).entity(mapType()).get();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

	static List<String> ids(Map<String, Object> list, String part) {
		return list(list.get(part)).stream().map(row -> (String) row.get("needId")).collect(Collectors.toList());
	}

	static Map<String, Object> byId(Map<String, Object> list, String part, String id) {
		return list(list.get(part)).stream().filter(row -> id.equals(row.get("needId"))).findFirst()
			.orElseThrow(() -> new AssertionError(part + " has no need " + id));
	}

	static org.springframework.core.ParameterizedTypeReference<Map<String, Object>> mapType() {
		return new org.springframework.core.ParameterizedTypeReference<>() {
		};
	}

}
