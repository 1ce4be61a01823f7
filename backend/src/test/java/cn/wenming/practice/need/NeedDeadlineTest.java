package cn.wenming.practice.need;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

/**
 * Stage deadlines with the controllable clock, the job called directly (its timer is off in
 * tests): overdue → 所, still overdue two days later → 中心, each once however often the job runs;
 * a new stage starts again at the station (a need left on the wish wall is overdue too, counted
 * from when it got there); unrated completions close as CLOSED_UNRATED; and who
 * sees {@code overdueNeeds}.
 */
@IntegrationTest
class NeedDeadlineTest {

	private static final Duration HOUR = Duration.ofHours(1);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	NeedDeadlines deadlines;

	@Autowired
	NeedEventRecorder events;

	@Scenario
	NeedScenario s;

	Session instituteAdmin;

	Session centerAdmin;

	@BeforeEach
	void setUp() {
		this.instituteAdmin = this.s.api.login(Fixtures.unique("inst-admin"));
		this.s.fixtures.grant(this.instituteAdmin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		this.centerAdmin = this.s.api.login(Fixtures.unique("center-admin"));
		this.s.fixtures.grant(this.centerAdmin.userId(), "CENTER_ADMIN", this.s.tree.center());
	}

	@Test
	void unreviewedNeedGoesToTheInstituteAfterTwoDaysThenToTheCenterOnceEach() {
		String id = this.s.submitted(Fixtures.unique("待审核"));
		this.clock.shift(Duration.ofDays(2).minus(HOUR));
		this.deadlines.run();
		assertThat(level(id)).isNull();

		this.clock.shift(Duration.ofHours(2));
		this.deadlines.run();
		this.deadlines.run();
		assertThat(level(id)).isEqualTo("INSTITUTE");
		assertThat(escalationRows(id)).containsExactly("逾期未审核，升级至所");
		// After commit: another connection already sees the level the event announces.
		assertThat(this.events.escalatedOf(Long.parseLong(id))).extracting(seen -> seen.event().level().name(),
				NeedEventRecorder.Seen::statusOnOtherConnection)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("INSTITUTE", "INSTITUTE"));

		this.clock.shift(Duration.ofDays(2).plus(HOUR));
		this.deadlines.run();
		this.deadlines.run();
		assertThat(level(id)).isEqualTo("CENTER");
		assertThat(escalationRows(id)).containsExactly("逾期未审核，升级至所", "逾期未审核，升级至中心");
		this.s.need(this.s.resident, id).path("need.timeline[1].actorUserId").valueIsNull()
			.path("need.timeline[1].toStatus").entity(String.class).isEqualTo("SUBMITTED");

		// Reviewing at last starts the next stage at the station again.
		this.s.byNeed(this.s.admin, "publishNeed", id).path("publishNeed.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		assertThat(level(id)).isNull();
		assertThat(overdue(this.centerAdmin, this.s.tree.center())).doesNotContain(id);
	}

	@Test
	void overdueNeedsShowsEachLevelItsOwnEscalations() {
		String id = this.s.submitted(Fixtures.unique("逾期"));
		this.clock.shift(Duration.ofDays(2).plus(HOUR));
		this.deadlines.run();

		assertThat(overdue(this.instituteAdmin, this.s.tree.institute())).contains(id);
		// The center admin covers the 所 too, but asks for what reached the center: not this yet.
		assertThat(overdue(this.centerAdmin, this.s.tree.center())).doesNotContain(id);
		assertThat(overdue(this.centerAdmin, this.s.tree.institute())).contains(id);
		// Stations are not escalation targets; a station admin cannot read the 所's list.
		assertThat(overdue(this.s.admin, this.s.tree.station())).isEmpty();
		ApiErrors.expectCode(overdueResponse(this.s.admin, this.s.tree.institute()), "FORBIDDEN");
		ApiErrors.expectCode(overdueResponse(this.s.resident, this.s.tree.institute()), "FORBIDDEN");
		Session otherInstitute = this.s.api.login(Fixtures.unique("other-inst"));
		Fixtures.Tree other = this.s.fixtures.tree();
		this.s.fixtures.grant(otherInstitute.userId(), "INSTITUTE_ADMIN", other.institute());
		ApiErrors.expectCode(overdueResponse(otherInstitute, this.s.tree.institute()), "FORBIDDEN");
		assertThat(overdue(otherInstitute, other.institute())).doesNotContain(id);
		overdueResponse(this.instituteAdmin, this.s.tree.institute())
			.path("overdueNeeds.edges[?(@.node.id == '" + id + "')].node.contactPhone").entityList(String.class)
			.containsExactly("13812345678");

		this.clock.shift(Duration.ofDays(2).plus(HOUR));
		this.deadlines.run();
		assertThat(overdue(this.centerAdmin, this.s.tree.center())).contains(id);
		assertThat(overdue(this.instituteAdmin, this.s.tree.institute())).doesNotContain(id);
	}

	@Test
	void unacceptedDispatchAndMissedCompletionDeadlineAreEscalated() {
		String dispatched = this.s.published(Fixtures.unique("待接单"));
		this.s.dispatch(this.s.admin, dispatched, this.s.teamId, null).path("dispatchNeed.status")
			.entity(String.class).isEqualTo("DISPATCHED");
		String accepted = this.s.published(Fixtures.unique("已接单"));
		// The scenario's dispatch deadline is three days from now.
		this.s.dispatch(this.s.admin, accepted, null, this.s.volunteer.userId());
		this.s.byNeed(this.s.volunteer, "acceptNeed", accepted).path("acceptNeed.status").entity(String.class)
			.isEqualTo("ACCEPTED");

		this.clock.shift(Duration.ofDays(3).minus(HOUR));
		this.deadlines.run();
		assertThat(level(dispatched)).isNull();
		assertThat(level(accepted)).isNull();

		this.clock.shift(Duration.ofHours(2));
		this.deadlines.run();
		assertThat(level(dispatched)).isEqualTo("INSTITUTE");
		assertThat(escalationRows(dispatched)).containsExactly("逾期未接单，升级至所");
		assertThat(level(accepted)).isEqualTo("INSTITUTE");
		assertThat(escalationRows(accepted)).containsExactly("逾期未完成，升级至所");

		// Accepting late moves the need on: the completion stage has its own deadline (passed too).
		this.s.byNeed(this.s.leader, "acceptNeed", dispatched).path("acceptNeed.status").entity(String.class)
			.isEqualTo("ACCEPTED");
		assertThat(level(dispatched)).isNull();
	}

	@Test
	void publishedNeedNobodyDispatchesOrClaimsGoesToTheInstituteAfterTwoDaysThenToTheCenter() {
		String id = this.s.published(Fixtures.unique("无人认领"));
		this.clock.shift(Duration.ofDays(2).minus(HOUR));
		this.deadlines.run();
		assertThat(level(id)).isNull();

		this.clock.shift(Duration.ofHours(2));
		this.deadlines.run();
		this.deadlines.run();
		assertThat(level(id)).isEqualTo("INSTITUTE");
		assertThat(escalationRows(id)).containsExactly("逾期未派单或认领，升级至所");
		assertThat(this.events.escalatedOf(Long.parseLong(id))).extracting(seen -> seen.event().stage())
			.containsExactly("PUBLISHED");
		assertThat(overdue(this.instituteAdmin, this.s.tree.institute())).contains(id);

		this.clock.shift(Duration.ofDays(2).plus(HOUR));
		this.deadlines.run();
		this.deadlines.run();
		assertThat(level(id)).isEqualTo("CENTER");
		assertThat(escalationRows(id)).containsExactly("逾期未派单或认领，升级至所", "逾期未派单或认领，升级至中心");
		assertThat(overdue(this.centerAdmin, this.s.tree.center())).contains(id);

		// A claim at last ends the stage: the claimed need starts again at the station, off the lists.
		this.s.claim(this.s.volunteer, id, null).path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
		assertThat(level(id)).isNull();
		assertThat(overdue(this.centerAdmin, this.s.tree.center())).doesNotContain(id);
		this.deadlines.run();
		assertThat(level(id)).isNull();
	}

	@Test
	void dispatchingOrClaimingBeforeTheDeadlineKeepsTheNeedFromEscalating() {
		String dispatched = this.s.published(Fixtures.unique("及时派单"));
		String claimed = this.s.published(Fixtures.unique("及时认领"));
		String untouched = this.s.published(Fixtures.unique("无人问津"));
		this.clock.shift(Duration.ofDays(2).minus(HOUR));
		this.s.dispatch(this.s.admin, dispatched, this.s.teamId, null).path("dispatchNeed.status")
			.entity(String.class).isEqualTo("DISPATCHED");
		this.s.claim(this.s.volunteer, claimed, null).path("claimNeed.status").entity(String.class)
			.isEqualTo("CLAIMED");

		this.clock.shift(Duration.ofHours(2));
		this.deadlines.run();
		assertThat(level(untouched)).isEqualTo("INSTITUTE");
		// Their new stages have deadlines of their own (acceptance within 3 days, the claim's date).
		assertThat(level(dispatched)).isNull();
		assertThat(level(claimed)).isNull();
		assertThat(escalationRows(dispatched)).isEmpty();
		assertThat(escalationRows(claimed)).isEmpty();
		assertThat(this.events.escalatedOf(Long.parseLong(dispatched))).isEmpty();
		assertThat(this.events.escalatedOf(Long.parseLong(claimed))).isEmpty();
	}

	@Test
	void aDeclinedDispatchPutsTheNeedBackOnTheWishWallWithAFreshDeadline() {
		String id = this.s.published(Fixtures.unique("被拒派单"));
		this.clock.shift(Duration.ofDays(1).plusHours(12));
		this.s.dispatch(this.s.admin, id, null, this.s.volunteer.userId()).path("dispatchNeed.status")
			.entity(String.class).isEqualTo("DISPATCHED");
		this.clock.shift(HOUR);
		this.s.withReason(this.s.volunteer, "declineNeed", id, "时间冲突").path("declineNeed.status")
			.entity(String.class).isEqualTo("PUBLISHED");

		// Two days after publication, but not after the need came back: not overdue yet.
		this.clock.shift(Duration.ofHours(12));
		this.deadlines.run();
		assertThat(level(id)).isNull();

		this.clock.shift(Duration.ofDays(1).plusHours(13));
		this.deadlines.run();
		assertThat(level(id)).isEqualTo("INSTITUTE");
		assertThat(escalationRows(id)).containsExactly("逾期未派单或认领，升级至所");
	}

	@Test
	void claimedNeedsAreDueByTheDesiredDateOrAfterTheConfiguredPeriodAndEscalate() {
		Map<String, Object> noDate = this.s.input(Fixtures.unique("认领无期望日期"));
		noDate.remove("desiredDate");
		String undated = this.s.submit(this.s.resident, noDate).path("submitNeed.id").entity(String.class).get();
		this.s.byNeed(this.s.admin, "publishNeed", undated);
		java.time.LocalDate desired = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3);
		Map<String, Object> dated = this.s.input(Fixtures.unique("认领有期望日期"));
		dated.put("desiredDate", desired.toString());
		String withDate = this.s.submit(this.s.resident, dated).path("submitNeed.id").entity(String.class).get();
		this.s.byNeed(this.s.admin, "publishNeed", withDate);

		java.time.Instant claimedAt = this.clock.instant();
		this.s.claim(this.s.volunteer, undated, null).path("claimNeed.deadlineAt").entity(String.class)
			.satisfies(at -> assertThat(java.time.Duration.between(claimedAt, java.time.Instant.parse(at)))
				.isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7).plusMinutes(1)));
		this.s.claim(this.s.leader, withDate, this.s.teamId).path("claimNeed.deadlineAt").entity(String.class)
			.satisfies(at -> assertThat(java.time.Instant.parse(at))
				.isEqualTo(desired.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));

		this.clock.shift(Duration.ofDays(7).minus(HOUR));
		this.deadlines.run();
		assertThat(level(undated)).isNull();
		// The desired date has passed: the team's claim is overdue.
		assertThat(level(withDate)).isEqualTo("INSTITUTE");
		assertThat(escalationRows(withDate)).containsExactly("逾期未完成，升级至所");

		this.clock.shift(Duration.ofHours(2));
		this.deadlines.run();
		assertThat(level(undated)).isEqualTo("INSTITUTE");
		assertThat(escalationRows(undated)).containsExactly("逾期未完成，升级至所");
	}

	@Test
	void completedNeedNotRatedInSevenDaysClosesUnrated() {
		String id = this.s.published(Fixtures.unique("待评价"));
		this.s.claim(this.s.volunteer, id, null);
		this.s.byNeed(this.s.volunteer, "startNeed", id);
		this.s.complete(this.s.volunteer, id, Map.of(this.s.volunteer.userId(), 1.0)).path("completeNeed.status")
			.entity(String.class).isEqualTo("COMPLETED");
		String rated = this.s.published(Fixtures.unique("已评价"));
		this.s.claim(this.s.volunteer, rated, null);
		this.s.byNeed(this.s.volunteer, "startNeed", rated);
		this.s.complete(this.s.volunteer, rated, Map.of(this.s.volunteer.userId(), 1.0));
		this.s.rate(this.s.resident, rated, 4).path("rateNeed.status").entity(String.class).isEqualTo("RATED");

		this.clock.shift(Duration.ofDays(7).minus(HOUR));
		this.deadlines.run();
		assertThat(status(id)).isEqualTo("COMPLETED");

		this.clock.shift(Duration.ofHours(2));
		this.deadlines.run();
		this.deadlines.run();
		assertThat(status(id)).isEqualTo("CLOSED_UNRATED");
		assertThat(status(rated)).isEqualTo("RATED");
		assertThat(this.s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ? AND from_status = 'COMPLETED'"
				+ " AND to_status = 'CLOSED_UNRATED' AND actor_user_id IS NULL", Long.parseLong(id))).isOne();
		ApiErrors.expectCode(this.s.rate(this.s.resident, id, 5), "NEED_INVALID_STATE");
		// Still visible as a closed need, not back on the wish wall.
		this.s.need(this.s.resident, id).path("need.status").entity(String.class).isEqualTo("CLOSED_UNRATED");
	}

	private List<String> overdue(Session as, long unitId) {
		return overdueResponse(as, unitId).path("overdueNeeds.edges[*].node.id").entityList(String.class).get();
	}

	private GraphQlTester.Response overdueResponse(Session as, long unitId) {
		return this.s.api.as(as).documentName("overdueNeeds").variable("orgUnitId", Long.toString(unitId))
			.variable("first", 100).execute();
	}

	private String level(String id) {
		return this.jdbc.queryForObject("SELECT escalation_level FROM need WHERE id = ?", String.class,
				Long.parseLong(id));
	}

	private String status(String id) {
		return this.jdbc.queryForObject("SELECT status FROM need WHERE id = ?", String.class, Long.parseLong(id));
	}

	/** Notes of the escalation rows (same status before and after, no actor), in order. */
	private List<String> escalationRows(String id) {
		return this.jdbc.queryForList("SELECT note FROM need_history WHERE need_id = ? AND from_status = to_status"
				+ " AND actor_user_id IS NULL ORDER BY id", String.class, Long.parseLong(id));
	}

}
