package cn.wenming.practice.need;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No conflicts of interest on a need (issue 13, must-show 3), tried as a dishonest resident would:
 * one who is also a trained volunteer and a team leader orders a need and tries to serve it
 * themselves, to be named a participant of it, or, once serving, to rate it. Each is refused with
 * {@code NEED_CONFLICT_OF_INTEREST} and nothing changes. The same holds for the staff member who
 * entered an assisted order.
 */
@IntegrationTest
class NeedConflictOfInterestTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	NeedScenario s;

	@Test
	void theResidentCannotClaimTheirOwnNeedForThemselvesOrForTheirTeam() {
		Session dishonest = this.s.trainedVolunteer("dishonest");
		String ownTeam = this.s.createTeam(dishonest);
		String needId = ownNeed(dishonest, "帮我家搬冰箱");

		ApiErrors.expectCode(this.s.claim(dishonest, needId, null), "NEED_CONFLICT_OF_INTEREST");
		ApiErrors.expectCode(this.s.claim(dishonest, needId, ownTeam), "NEED_CONFLICT_OF_INTEREST");
		assertUntouched(needId);

		// Someone else may take it.
		this.s.claim(this.s.volunteer, needId, null).path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
	}

	@Test
	void theResidentCannotBeDispatchedTheirOwnNeedNorTheirTeam() {
		Session dishonest = this.s.trainedVolunteer("dishonest");
		String ownTeam = this.s.createTeam(dishonest);
		String needId = ownNeed(dishonest, "帮我家修水管");

		ApiErrors.expectCode(this.s.dispatch(this.s.admin, needId, null, dishonest.userId()),
				"NEED_CONFLICT_OF_INTEREST");
		ApiErrors.expectCode(this.s.dispatch(this.s.admin, needId, ownTeam, null), "NEED_CONFLICT_OF_INTEREST");
		assertUntouched(needId);
	}

	@Test
	void theResidentIsNeverAParticipantNorCompletesNorRatesAsTheServingSide() {
		Session dishonest = this.s.trainedVolunteer("dishonest");
		// A member (not the leader) of the scenario's team, which is dispatched the need.
		this.s.addMember(this.s.teamId, dishonest);
		String needId = ownNeed(dishonest, "帮我家打扫院子");
		this.s.dispatch(this.s.admin, needId, this.s.teamId, null).path("dispatchNeed.status").entity(String.class)
			.isEqualTo("DISPATCHED");
		this.s.byNeed(this.s.leader, "acceptNeed", needId);
		this.s.byNeed(this.s.leader, "startNeed", needId).path("startNeed.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");

		// The leader names the resident among the participants: refused, nothing recorded.
		Map<Long, Double> withResident = new LinkedHashMap<>();
		withResident.put(this.s.leader.userId(), 2.0);
		withResident.put(dishonest.userId(), 8.0);
		ApiErrors.expectCode(this.s.complete(this.s.leader, needId, withResident), "NEED_CONFLICT_OF_INTEREST");
		assertThat(this.s.count("SELECT COUNT(*) FROM need_participant WHERE need_id = ?", Long.parseLong(needId)))
			.isZero();
		assertThat(status(needId)).isEqualTo("IN_PROGRESS");

		// The resident takes the team over after the dispatch: as its leader they still cannot complete it.
		this.jdbc.update("UPDATE team SET leader_user_id = ? WHERE id = ?", dishonest.userId(),
				Long.valueOf(this.s.teamId));
		Map<Long, Double> others = Map.of(this.s.leader.userId(), 2.0);
		ApiErrors.expectCode(this.s.complete(dishonest, needId, others), "NEED_CONFLICT_OF_INTEREST");
		assertThat(status(needId)).isEqualTo("IN_PROGRESS");

		// Back to the honest leader, who completes it without the resident.
		this.jdbc.update("UPDATE team SET leader_user_id = ? WHERE id = ?", this.s.leader.userId(),
				Long.valueOf(this.s.teamId));
		this.s.complete(this.s.leader, needId, others).path("completeNeed.status").entity(String.class)
			.isEqualTo("COMPLETED");

		// The assignee never rates: the resident leading the assigned team at rating time is the serving side.
		this.jdbc.update("UPDATE team SET leader_user_id = ? WHERE id = ?", dishonest.userId(),
				Long.valueOf(this.s.teamId));
		ApiErrors.expectCode(this.s.rate(dishonest, needId, 5), "NEED_CONFLICT_OF_INTEREST");
		assertThat(status(needId)).isEqualTo("COMPLETED");
		this.jdbc.update("UPDATE team SET leader_user_id = ? WHERE id = ?", this.s.leader.userId(),
				Long.valueOf(this.s.teamId));
		this.s.rate(dishonest, needId, 5).path("rateNeed.status").entity(String.class).isEqualTo("RATED");
	}

	@Test
	void theStaffMemberWhoEnteredAnAssistedOrderDoesNotServeIt() {
		// A station admin who is also a trained volunteer takes a hotline order…
		Session staff = this.s.trainedVolunteer("staff-volunteer");
		this.s.fixtures.grant(staff.userId(), "STATION_ADMIN", this.s.tree.station());
		Map<String, Object> input = this.s.input("热线：独居老人需要送餐");
		input.put("source", "HOTLINE");
		input.put("consentNote", "电话中征得本人同意代为登记");
		String needId = this.s.submit(staff, input).path("submitNeed.id").entity(String.class).get();
		this.s.byNeed(this.s.admin, "publishNeed", needId).path("publishNeed.status").entity(String.class)
			.isEqualTo("PUBLISHED");

		// …and may neither claim it nor be dispatched it by a colleague.
		ApiErrors.expectCode(this.s.claim(staff, needId, null), "NEED_CONFLICT_OF_INTEREST");
		ApiErrors.expectCode(this.s.dispatch(this.s.admin, needId, null, staff.userId()), "NEED_CONFLICT_OF_INTEREST");
		assertUntouched(needId);

		// Nor be named a participant when a team serves it.
		Session colleague = this.s.api.login(Fixtures.unique("colleague"));
		this.s.fixtures.grant(colleague.userId(), "STATION_ADMIN", this.s.tree.station());
		this.s.addMember(this.s.teamId, staff);
		this.s.dispatch(colleague, needId, this.s.teamId, null);
		this.s.byNeed(this.s.leader, "acceptNeed", needId);
		this.s.byNeed(this.s.leader, "startNeed", needId);
		ApiErrors.expectCode(this.s.complete(this.s.leader, needId, Map.of(staff.userId(), 3.0)),
				"NEED_CONFLICT_OF_INTEREST");
		assertThat(status(needId)).isEqualTo("IN_PROGRESS");
	}

	/** A need the user ordered themselves, reviewed and published by the station admin. */
	private String ownNeed(Session resident, String title) {
		String id = this.s.submit(resident, this.s.input(title)).path("submitNeed.id").entity(String.class).get();
		this.s.byNeed(this.s.admin, "publishNeed", id).path("publishNeed.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		return id;
	}

	/** Still on the wish wall with nobody assigned and no history beyond submission and publication. */
	private void assertUntouched(String needId) {
		long id = Long.parseLong(needId);
		assertThat(status(needId)).isEqualTo("PUBLISHED");
		assertThat(this.s.count(
				"SELECT COUNT(*) FROM need WHERE id = ? AND assigned_user_id IS NULL AND assigned_team_id IS NULL", id))
			.isEqualTo(1);
		assertThat(this.s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ?", id)).isEqualTo(2);
	}

	private String status(String needId) {
		return this.jdbc.queryForObject("SELECT status FROM need WHERE id = ?", String.class, Long.parseLong(needId));
	}

}
