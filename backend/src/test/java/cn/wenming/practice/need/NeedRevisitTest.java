package cn.wenming.practice.need;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static cn.wenming.practice.testinfra.AfterCommit.awaitListeners;
import static cn.wenming.practice.testinfra.AfterCommit.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must show 6, first half: an assisted need (ordered by staff for a resident without an account)
 * reaches RATED through a 回访, an admin covering the station recording the resident's stars, and
 * the rating counts as a resident's does (落实清单, 满意度, points, the project's rating). Nobody who
 * served the need records it, a resident-ordered need is never rated this way, and it happens once,
 * however many admins try at the same moment.
 */
@IntegrationTest
class NeedRevisitTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	NeedDeadlines deadlines;

	@Autowired
	NeedStatistics statistics;

	@Autowired
	NeedTextRecheck recheck;

	@Scenario
	NeedScenario s;

	/** An admin of the 所 above the station: covers it, served nothing. */
	Session revisitor;

	@BeforeEach
	void setUp() {
		this.revisitor = this.s.api.login(Fixtures.unique("revisit"));
		this.s.fixtures.grant(this.revisitor.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
	}

	@AfterEach
	void wechatBack() {
		WechatStub.shared().restoreMediaChecksFor(openid(this.revisitor));
	}

	@Test
	void anAssistedNeedIsRatedByRevisitAndCountsLikeAResidentsRating() {
		String project = project(this.s.tree.station());
		String needId = assisted("热线：独居老人需要送餐", project);
		long id = Long.parseLong(needId);

		var revisited = revisit(this.revisitor, needId, 5, "电话回访：老人说饭菜热乎，很满意");
		revisited.path("recordNeedRevisit.status").entity(String.class).isEqualTo("RATED")
			.path("recordNeedRevisit.ratingStars").entity(Integer.class).isEqualTo(5)
			.path("recordNeedRevisit.ratingComment").entity(String.class).isEqualTo("电话回访：老人说饭菜热乎，很满意")
			.path("recordNeedRevisit.ratedAt").hasValue();
		// The timeline says 回访, and who recorded it.
		var timeline = this.s.api.as(this.s.admin).documentName("needRevisitTimeline").variable("id", needId).execute();
		timeline.path("need.timeline[*].toStatus").entityList(String.class)
			.containsExactly("SUBMITTED", "PUBLISHED", "CLAIMED", "IN_PROGRESS", "COMPLETED", "RATED");
		timeline.path("need.timeline[5].kind").entity(String.class).isEqualTo("REVISIT")
			.path("need.timeline[5].fromStatus").entity(String.class).isEqualTo("COMPLETED")
			.path("need.timeline[5].actorUserId").entity(String.class).isEqualTo(Long.toString(this.revisitor.userId()))
			.path("need.timeline[5].note").entity(String.class).isEqualTo("电话回访：老人说饭菜热乎，很满意")
			.path("need.timeline[4].kind").valueIsNull();

		// 落实清单 of this month: fulfilled with its rating, rated and satisfied like a resident's 评单.
		String month = YearMonth.now(SHANGHAI).toString();
		var list = this.s.api.as(this.s.admin).documentName("fulfilmentList")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).variable("month", month).execute();
		list.path("fulfilmentList.fulfilled[?(@.needId == '" + needId + "')].rating").entityList(Integer.class)
			.containsExactly(5);
		list.path("fulfilmentList.total.rated").entity(Integer.class).isEqualTo(1)
			.path("fulfilmentList.total.satisfied").entity(Integer.class).isEqualTo(1)
			.path("fulfilmentList.total.satisfaction").entity(Double.class).isEqualTo(1.0);
		// 满意度 of the assessment: rated in this month, 4★ or more.
		Instant from = YearMonth.now(SHANGHAI).atDay(1).atStartOfDay(SHANGHAI).toInstant();
		Instant to = YearMonth.now(SHANGHAI).plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant();
		assertThat(this.statistics.byStation(List.of(this.s.tree.station()), from, to)).singleElement()
			.satisfies(counts -> {
				assertThat(counts.rated()).isEqualTo(1);
				assertThat(counts.satisfied()).isEqualTo(1);
			});

		// Points and the project follow the NeedRated / ServiceRated events: the servers get the
		// resident's ≥ 4★ bonus, the admin who recorded it gets nothing.
		eventually(() -> assertThat(bonuses(id)).containsExactlyInAnyOrder(this.s.volunteer.userId(),
				this.s.member.userId()));
		eventually(() -> assertThat(this.jdbc.queryForList("SELECT need_id FROM project_need_rating WHERE project_id = ?",
				Long.class, Long.valueOf(project))).containsExactly(id));
		awaitListeners(this.jdbc);
		assertThat(this.s.count("SELECT COUNT(*) FROM points_entry WHERE user_id = ?", this.revisitor.userId())).isZero();
	}

	@Test
	void onlyAnAdminCoveringTheStationWhoDidNotServeRecordsIt() {
		String needId = assisted("走访：帮老人换灯泡", null);
		// Not an admin, or an admin elsewhere: FORBIDDEN.
		Session elsewhere = this.s.api.login(Fixtures.unique("elsewhere"));
		this.s.fixtures.grant(elsewhere.userId(), "STATION_ADMIN", this.s.fixtures.tree().station());
		ApiErrors.expectCode(revisit(elsewhere, needId, 5, "回访"), "FORBIDDEN");
		ApiErrors.expectCode(revisit(this.s.resident, needId, 5, "回访"), "FORBIDDEN");
		ApiErrors.expectCode(revisit(this.s.volunteer, needId, 5, "回访"), "FORBIDDEN");

		// The assignee and a participant, even once they are admins of the station: never.
		this.s.fixtures.grant(this.s.volunteer.userId(), "STATION_ADMIN", this.s.tree.station());
		this.s.fixtures.grant(this.s.member.userId(), "STATION_ADMIN", this.s.tree.station());
		ApiErrors.expectCode(revisit(this.s.volunteer, needId, 5, "自己回访自己"), "NEED_REVISIT_CONFLICT");
		ApiErrors.expectCode(revisit(this.s.member, needId, 5, "参与者回访"), "NEED_REVISIT_CONFLICT");

		// A team's need: its leader (who accepted and completed it) and its members are the serving side.
		String teamNeed = assistedByTeam("心愿墙：陪老人聊天");
		this.s.fixtures.grant(this.s.leader.userId(), "STATION_ADMIN", this.s.tree.station());
		ApiErrors.expectCode(revisit(this.s.leader, teamNeed, 5, "队长回访"), "NEED_REVISIT_CONFLICT");
		ApiErrors.expectCode(revisit(this.s.member, teamNeed, 5, "队员回访"), "NEED_REVISIT_CONFLICT");

		// Nothing changed by any refusal.
		for (String id : List.of(needId, teamNeed)) {
			assertThat(status(id)).isEqualTo("COMPLETED");
			assertThat(this.s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ? AND to_status = 'RATED'",
					Long.valueOf(id))).isZero();
		}
		// The admin who entered the order and dispatched it served nothing: they may.
		revisit(this.s.admin, teamNeed, 4, "上门回访，老人满意").path("recordNeedRevisit.status").entity(String.class)
			.isEqualTo("RATED");
	}

	@Test
	void aResidentOrderedNeedIsRatedByTheResidentNotByRevisit() {
		String needId = this.s.published("线上点单：修水管");
		this.s.claim(this.s.volunteer, needId, null).path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
		completeByVolunteer(needId);
		ApiErrors.expectCode(revisit(this.revisitor, needId, 5, "代评"), "NEED_REVISIT_NOT_ASSISTED");
		assertThat(status(needId)).isEqualTo("COMPLETED");
		this.s.rate(this.s.resident, needId, 3).path("rateNeed.status").entity(String.class).isEqualTo("RATED");
		ApiErrors.expectCode(revisit(this.revisitor, needId, 5, "改评"), "NEED_REVISIT_NOT_ASSISTED");
		assertThat(this.jdbc.queryForObject("SELECT rating_stars FROM need WHERE id = ?", Integer.class,
				Long.valueOf(needId))).isEqualTo(3);
		// And staff cannot 评单 an assisted need as if they were its resident.
		String assisted = assisted("热线：代录", null);
		ApiErrors.expectCode(this.s.rate(this.s.admin, assisted, 5), "FORBIDDEN");
	}

	@Test
	void aNeedIsRevisitedOnceAndOnlyWhenCompleted() {
		String open = assistedSubmitted("热线：尚未完成");
		ApiErrors.expectCode(revisit(this.revisitor, open, 5, "太早"), "NEED_INVALID_STATE");

		String needId = assisted("热线：回访两次", null);
		revisit(this.revisitor, needId, 2, "电话回访：送晚了").path("recordNeedRevisit.ratingStars").entity(Integer.class)
			.isEqualTo(2);
		ApiErrors.expectCode(revisit(this.revisitor, needId, 5, "再回访一次改成好评"), "NEED_ALREADY_RATED");
		ApiErrors.expectCode(revisit(this.s.admin, needId, 5, "另一位管理员改成好评"), "NEED_ALREADY_RATED");
		assertThat(this.jdbc.queryForObject("SELECT rating_stars FROM need WHERE id = ?", Integer.class,
				Long.valueOf(needId))).isEqualTo(2);

		// Input and content rules as for a comment.
		ApiErrors.expectCode(revisit(this.revisitor, assisted("热线：星级越界", null), 6, "六星"), "BAD_REQUEST");
		String risky = assisted("热线：危险内容", null);
		ApiErrors.expectCode(revisit(this.revisitor, risky, 5, "RISKY 回访"), "CONTENT_REJECTED");
		assertThat(status(risky)).isEqualTo("COMPLETED");
		revisit(this.revisitor, risky, 5, "需要 REVIEW 的回访").path("recordNeedRevisit.status").entity(String.class)
			.isEqualTo("RATED")
			.path("recordNeedRevisit.ratingCommentHold").entity(String.class).isEqualTo("REVIEW")
			.path("recordNeedRevisit.timeline[5].note").entity(String.class).isEqualTo("评价内容待审核");
	}

	/** WeChat was down: the note waits UNCHECKED, and the re-check sends it as its recorder's text (there is no resident). */
	@Test
	void aRevisitNoteHeldUncheckedIsRecheckedAsTheRecordersText() {
		String needId = assisted("热线：微信故障时回访", null);
		WechatStub.shared().failMediaChecksFor(openid(this.revisitor));
		revisit(this.revisitor, needId, 4, "回访 RISKY 内容").path("recordNeedRevisit.status").entity(String.class)
			.isEqualTo("RATED")
			.path("recordNeedRevisit.ratingCommentHold").entity(String.class).isEqualTo("UNCHECKED");
		// The assignee sees the rating but not the unchecked note.
		this.s.need(this.s.volunteer, needId).path("need.ratingStars").entity(Integer.class).isEqualTo(4)
			.path("need.ratingComment").valueIsNull();

		WechatStub.shared().restoreMediaChecksFor(openid(this.revisitor));
		this.recheck.run();
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT rating_comment, rating_comment_hold, rating_stars, status FROM need WHERE id = ?",
				Long.valueOf(needId));
		assertThat(row).containsEntry("rating_comment", null).containsEntry("rating_comment_hold", null)
			.containsEntry("status", "RATED");
		assertThat(((Number) row.get("rating_stars")).intValue()).isEqualTo(4);
	}

	@Test
	void aNeedClosedUnratedMayStillBeRevisitedWithinTheWindowWithoutReopeningTheAssigneesSight() {
		String late = assisted("热线：月底统一回访", null);
		String tooLate = assisted("热线：两个月后才回访", null);
		this.clock.shift(Duration.ofDays(8));
		this.deadlines.run();
		assertThat(status(late)).isEqualTo("CLOSED_UNRATED");
		Timestamp closedAt = closedAt(late);

		this.clock.shift(Duration.ofDays(12));
		revisit(this.revisitor, late, 4, "上门回访：老人满意").path("recordNeedRevisit.status").entity(String.class)
			.isEqualTo("RATED")
			.path("recordNeedRevisit.timeline[6].fromStatus").entity(String.class).isEqualTo("CLOSED_UNRATED")
			.path("recordNeedRevisit.timeline[6].kind").entity(String.class).isEqualTo("REVISIT");
		// Closed when it first closed: the assignee's 7 days with the resident's data do not restart.
		assertThat(closedAt(late)).isEqualTo(closedAt);
		this.s.need(this.s.volunteer, late).path("need.contactPhone").valueIsNull();

		this.clock.shift(Duration.ofDays(11));
		ApiErrors.expectCode(revisit(this.revisitor, tooLate, 4, "太晚了"), "NEED_REVISIT_WINDOW_CLOSED");
		assertThat(status(tooLate)).isEqualTo("CLOSED_UNRATED");
	}

	@Test
	void concurrentRevisitsRateOnceAndNothingIsDoubled() throws Exception {
		String project = project(this.s.tree.station());
		String needId = assisted("热线：同时回访", project);
		long id = Long.parseLong(needId);
		int admins = 12;
		List<Session> revisitors = new ArrayList<>();
		for (int i = 0; i < admins; i++) {
			Session admin = this.s.api.login(Fixtures.unique("racer"));
			this.s.fixtures.grant(admin.userId(), "STATION_ADMIN", this.s.tree.station());
			revisitors.add(admin);
		}
		ExecutorService pool = Executors.newFixedThreadPool(admins);
		CountDownLatch ready = new CountDownLatch(admins);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (int i = 0; i < admins; i++) {
				Session admin = revisitors.get(i);
				int stars = 4 + (i % 2);
				Callable<String> call = () -> {
					ready.countDown();
					go.await();
					String code = ApiErrors.codeOf(revisit(admin, needId, stars, "同时回访 " + admin.userId()));
					return (code == null) ? "RATED" : code;
				};
				outcomes.add(pool.submit(call));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get(60, TimeUnit.SECONDS));
			}
			Map<String, Long> byOutcome = results.stream()
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(byOutcome).containsEntry("RATED", 1L).containsOnlyKeys("RATED", "NEED_ALREADY_RATED");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ? AND to_status = 'RATED'", id))
			.isEqualTo(1);
		assertThat(this.s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ? AND kind = 'REVISIT'", id))
			.isEqualTo(1);
		// The stored rating is the winner's, as the timeline says.
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT n.rating_comment, h.note FROM need n JOIN need_history h ON h.need_id = n.id AND h.kind = 'REVISIT' WHERE n.id = ?",
				id);
		assertThat(row.get("rating_comment")).isEqualTo(row.get("note"));

		awaitListeners(this.jdbc);
		eventually(() -> assertThat(bonuses(id)).containsExactlyInAnyOrder(this.s.volunteer.userId(),
				this.s.member.userId()));
		awaitListeners(this.jdbc);
		assertThat(bonuses(id)).hasSize(2);
		assertThat(this.s.count("SELECT COUNT(*) FROM project_need_rating WHERE need_id = ?", id)).isEqualTo(1);
	}

	// --- Arrangements.

	private GraphQlTester.Response revisit(Session as, String needId, int stars, String note) {
		return this.s.api.as(as).documentName("recordNeedRevisit")
			.variable("input", Map.of("needId", needId, "stars", stars, "note", note))
			.execute();
	}

	/** An assisted order (hotline) entered by the station admin, still SUBMITTED. */
	private String assistedSubmitted(String title) {
		Map<String, Object> input = this.s.input(title);
		input.put("source", "HOTLINE");
		input.put("consentNote", "电话中征得本人同意代为登记");
		return this.s.submit(this.s.admin, input).path("submitNeed.id").entity(String.class).get();
	}

	/** An assisted order claimed (under {@code projectId}, may be null) and completed by the volunteer with the member. */
	private String assisted(String title, String projectId) {
		String id = assistedSubmitted(title);
		this.s.byNeed(this.s.admin, "publishNeed", id).path("publishNeed.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		this.s.claim(this.s.volunteer, id, null, projectId).path("claimNeed.status").entity(String.class)
			.isEqualTo("CLAIMED");
		completeByVolunteer(id);
		return id;
	}

	private void completeByVolunteer(String id) {
		this.s.byNeed(this.s.volunteer, "startNeed", id).path("startNeed.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");
		Map<Long, Double> hours = new LinkedHashMap<>();
		hours.put(this.s.volunteer.userId(), 1.0);
		hours.put(this.s.member.userId(), 1.0);
		this.s.complete(this.s.volunteer, id, hours).path("completeNeed.status").entity(String.class)
			.isEqualTo("COMPLETED");
		// The station admin, who served nothing, confirms the claimed hours: only confirmed
		// participants receive a rating's bonus.
		this.s.confirmHours(this.s.admin, id).path("confirmNeedHours.participants[*].hoursStatus")
			.entityList(String.class).containsExactly("CONFIRMED", "CONFIRMED");
	}

	/** An assisted order dispatched to the team, accepted and completed by its leader; the member did not take part. */
	private String assistedByTeam(String title) {
		String id = assistedSubmitted(title);
		this.s.byNeed(this.s.admin, "publishNeed", id);
		this.s.dispatch(this.s.admin, id, this.s.teamId, null).path("dispatchNeed.status").entity(String.class)
			.isEqualTo("DISPATCHED");
		this.s.byNeed(this.s.leader, "acceptNeed", id);
		this.s.byNeed(this.s.leader, "startNeed", id);
		this.s.complete(this.s.leader, id, Map.of(this.s.leader.userId(), 2.0)).path("completeNeed.status")
			.entity(String.class).isEqualTo("COMPLETED");
		return id;
	}

	private String openid(Session session) {
		return this.jdbc.queryForObject("SELECT openid FROM app_user WHERE id = ?", String.class, session.userId());
	}

	private String status(String needId) {
		return this.jdbc.queryForObject("SELECT status FROM need WHERE id = ?", String.class, Long.valueOf(needId));
	}

	private Timestamp closedAt(String needId) {
		return this.jdbc.queryForObject("SELECT closed_at FROM need WHERE id = ?", Timestamp.class, Long.valueOf(needId));
	}

	private List<Long> bonuses(long needId) {
		return this.jdbc.queryForList(
				"SELECT user_id FROM points_entry WHERE business_type = 'RATING_BONUS' AND business_id = ?", Long.class,
				Long.toString(needId));
	}

	private String project(long orgUnitId) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update(con -> {
			PreparedStatement ps = con.prepareStatement("""
					INSERT INTO project (org_unit_id, name, category, brand, status, created_by, created_at, updated_at)
					VALUES (?, ?, 'CULTURE', 0, 'ACTIVE', ?, ?, ?)
					""", Statement.RETURN_GENERATED_KEYS);
			ps.setLong(1, orgUnitId);
			ps.setString(2, Fixtures.unique("项目"));
			ps.setLong(3, this.s.admin.userId());
			ps.setTimestamp(4, now);
			ps.setTimestamp(5, now);
			return ps;
		}, keys);
		return Long.toString(keys.getKey().longValue());
	}

}
