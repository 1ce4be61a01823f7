package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.AfterCommit;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Need-service hours are claims until confirmed (issue 13, must-show 1), tried as a dishonest
 * volunteer would: claim a need from the wish wall, start it, complete it a second later naming
 * themselves and four others at 24 hours each. The bounds refuse it; an honest completion earns
 * nothing until an admin who did not serve confirms it, and then exactly once.
 */
@IntegrationTest
class NeedHoursConfirmationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	NeedScenario s;

	@Test
	void theWishWallShortcutAt24HoursEachIsRefused() {
		String needId = started(this.s.volunteer, "帮老人修电灯");
		Map<Long, Double> claim = new LinkedHashMap<>();
		claim.put(this.s.volunteer.userId(), 24.0);
		for (int i = 0; i < 4; i++) {
			claim.put(this.s.trainedVolunteer("accomplice").userId(), 24.0);
		}

		ApiErrors.expectCode(this.s.completeNow(this.s.volunteer, needId, claim), "NEED_HOURS_EXCEED_ELAPSED");
		// Just above the allowance (1 h by default) is refused too; the allowance itself passes.
		ApiErrors.expectCode(this.s.completeNow(this.s.volunteer, needId, Map.of(this.s.volunteer.userId(), 1.5)),
				"NEED_HOURS_EXCEED_ELAPSED");
		assertThat(this.s.count("SELECT COUNT(*) FROM need_participant WHERE need_id = ?", Long.valueOf(needId)))
			.isZero();
		assertThat(status(needId)).isEqualTo("IN_PROGRESS");
		this.s.completeNow(this.s.volunteer, needId, Map.of(this.s.volunteer.userId(), 1.0))
			.path("completeNeed.participants[0].hoursStatus").entity(String.class).isEqualTo("PENDING");
	}

	@Test
	void atMostTheConfiguredNumberOfParticipants() {
		String needId = started(this.s.volunteer, "帮社区搬运物资");
		Map<Long, Double> crowd = new LinkedHashMap<>();
		// Counted before anyone is looked up: 21 names (default maximum 20) are refused as such.
		for (long i = 0; i < 21; i++) {
			crowd.put(this.s.volunteer.userId() + 1_000_000 + i, 0.5);
		}
		ApiErrors.expectCode(this.s.completeNow(this.s.volunteer, needId, crowd), "NEED_TOO_MANY_PARTICIPANTS");
		assertThat(status(needId)).isEqualTo("IN_PROGRESS");
	}

	@Test
	void participantsAreTrainedVolunteersOfTheStationSubtree() {
		String needId = started(this.s.volunteer, "帮老人搬家具");
		Session untrained = this.s.volunteer("untrained");
		ApiErrors.expectCode(this.s.complete(this.s.volunteer, needId, Map.of(untrained.userId(), 1.0)),
				"NEED_PARTICIPANT_NOT_ELIGIBLE");

		// A trained volunteer of another station's tree is no participant of this station's need.
		Fixtures.Tree other = this.s.fixtures.tree();
		Session otherAdmin = this.s.api.login(Fixtures.unique("other-admin"));
		this.s.fixtures.grant(otherAdmin.userId(), "STATION_ADMIN", other.station());
		NeedScenario elsewhere = new NeedScenario(this.s.api, this.jdbc, other, otherAdmin);
		ApiErrors.expectCode(this.s.complete(this.s.volunteer, needId, Map.of(elsewhere.volunteer.userId(), 1.0)),
				"NEED_PARTICIPANT_NOT_ELIGIBLE");
		assertThat(status(needId)).isEqualTo("IN_PROGRESS");
	}

	@Test
	@SuppressWarnings("unchecked")
	void hoursEarnNothingUntilAnImpartialAdminConfirmsThemOnce() throws Exception {
		Session other = this.s.trainedVolunteer("helper");
		String needId = started(this.s.volunteer, "帮老人打扫院子");
		this.s.complete(this.s.volunteer, needId, Map.of(this.s.volunteer.userId(), 2.0, other.userId(), 2.0))
			.path("completeNeed.participants[*].hoursStatus").entityList(String.class)
			.containsExactly("PENDING", "PENDING");
		AfterCommit.awaitListeners(this.jdbc);
		assertNothingEarned(this.s.volunteer, other);
		assertThat(pendingIds(this.s.admin)).contains(needId);

		// The assignee, and a participant, each made an admin of the station: neither confirms nor adjusts.
		this.s.fixtures.grant(this.s.volunteer.userId(), "STATION_ADMIN", this.s.tree.station());
		this.s.fixtures.grant(other.userId(), "STATION_ADMIN", this.s.tree.institute());
		ApiErrors.expectCode(this.s.confirmHours(this.s.volunteer, needId), "FORBIDDEN");
		ApiErrors.expectCode(this.s.confirmHours(other, needId), "FORBIDDEN");
		ApiErrors.expectCode(this.s.adjustHours(other, needId, other.userId(), 2.0, "多算一点"), "FORBIDDEN");
		// Nor does a plain volunteer, nor the resident.
		ApiErrors.expectCode(this.s.confirmHours(this.s.member, needId), "FORBIDDEN");
		ApiErrors.expectCode(this.s.confirmHours(this.s.resident, needId), "FORBIDDEN");
		AfterCommit.awaitListeners(this.jdbc);
		assertNothingEarned(this.s.volunteer, other);

		// An impartial admin corrects one claim (above the served time is refused), then confirms.
		ApiErrors.expectCode(this.s.adjustHours(this.s.admin, needId, other.userId(), 4.0, "核实后调整"),
				"NEED_HOURS_EXCEED_ELAPSED");
		this.s.adjustHours(this.s.admin, needId, other.userId(), 1.5, "核实后调整")
			.path("adjustNeedHours.participants[?(@.userId == '" + other.userId() + "')].claimedHours")
			.entityList(Double.class).containsExactly(2.0);

		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<Object>> tasks = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				tasks.add(() -> {
					this.s.confirmHours(this.s.admin, needId).path("confirmNeedHours.id").entity(String.class)
						.isEqualTo(needId);
					return null;
				});
			}
			for (Future<Object> f : pool.invokeAll(tasks)) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		this.s.confirmHours(this.s.admin, needId).path("confirmNeedHours.participants[*].hoursStatus")
			.entityList(String.class).containsExactly("CONFIRMED", "CONFIRMED");
		AfterCommit.awaitListeners(this.jdbc);

		assertThat(creditHours(this.s.volunteer)).isEqualByComparingTo("2.0");
		assertThat(creditHours(other)).isEqualByComparingTo("1.5");
		// Must-show 7 (part): the confirmed hours are the volunteer's credit hours and on the hour board.
		this.s.api.as(other).documentName("myVolunteerStats").execute().path("myVolunteer.stats.creditHours")
			.entity(Double.class).isEqualTo(1.5);
		AfterCommit.eventually(() -> assertThat(this.s.api.as(other).documentName("leaderboard")
			.variable("kind", "VOLUNTEER_HOURS").variable("period", "MONTH")
			.variable("scopeId", Long.toString(this.s.tree.station())).variable("first", 10).execute()
			.path("leaderboard.me.score").entity(Double.class).get()).isEqualTo(1.5));
		assertThat(needPoints(this.s.volunteer)).containsExactly(20);
		assertThat(needPoints(other)).containsExactly(15);
		// ... and in the assessment's hours figures: both volunteers of this (new) station now have hours.
		java.time.ZonedDateTime today = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
		List<Map<String, Object>> figures = this.s.api.as(this.s.admin).documentName("assessment")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).variable("year", today.getYear())
			.variable("month", today.getMonthValue()).execute().path("assessment.units[0].figures")
			.entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
		assertThat(figures).filteredOn(f -> "VOLUNTEERS_WITH_HOURS".equals(f.get("kind")))
			.extracting(f -> ((Number) f.get("numerator")).intValue()).containsExactly(2);
		assertThat(pendingIds(this.s.admin)).doesNotContain(needId);
		ApiErrors.expectCode(this.s.adjustHours(this.s.admin, needId, other.userId(), 1.0, "再改"),
				"NEED_HOURS_ALREADY_CONFIRMED");
		assertThat(creditHours(other)).isEqualByComparingTo("1.5");
	}

	private String started(Session volunteer, String title) {
		String needId = this.s.published(title);
		this.s.claim(volunteer, needId, null).path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
		this.s.byNeed(volunteer, "startNeed", needId).path("startNeed.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");
		return needId;
	}

	private String status(String needId) {
		return this.jdbc.queryForObject("SELECT status FROM need WHERE id = ?", String.class, Long.valueOf(needId));
	}

	private void assertNothingEarned(Session... sessions) {
		for (Session session : sessions) {
			assertThat(creditHours(session)).isEqualByComparingTo("0");
			assertThat(needPoints(session)).isEmpty();
		}
	}

	private BigDecimal creditHours(Session session) {
		return this.jdbc.queryForObject("SELECT credit_hours FROM volunteer WHERE user_id = ?", BigDecimal.class,
				session.userId());
	}

	private List<Integer> needPoints(Session session) {
		return this.jdbc.queryForList(
				"SELECT delta FROM points_entry WHERE user_id = ? AND business_type = 'NEED_COMPLETED'", Integer.class,
				session.userId());
	}

	private List<String> pendingIds(Session admin) {
		return this.s.api.as(admin).documentName("pendingNeedHours")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).variable("first", 50).execute()
			.path("pendingNeedHours.edges[*].node.id").entityList(String.class).get();
	}

}
