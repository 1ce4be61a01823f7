package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every correction of a need participant's hours leaves a trail: each {@code adjustNeedHours} is a
 * row (before, after, why, who, when), so a second admin's adjustment never wipes out the first
 * one's value, author, reason and time; a double click adds nothing; racing adjustments each record
 * the hours they replaced. {@code NeedParticipant.hoursAdjustments} shows it to those who see the
 * participant's adjustment reason, in one statement for a page of needs.
 */
@IntegrationTest
class NeedHoursAdjustmentTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlCounter counter;

	@Scenario
	NeedScenario s;

	@Test
	void eachAdjustmentIsKeptWithWhatItReplacedAndADoubleClickAddsNothing() {
		String needId = completed("帮老人打扫院子", 2.0);
		long participant = this.s.volunteer.userId();
		// Two colleagues of the admin: B staff known by nickname, C also a volunteer of this station.
		Session b = colleague("adjuster-b");
		this.jdbc.update("UPDATE app_user SET nickname = '张三' WHERE id = ?", b.userId());
		Session c = colleague("adjuster-c");
		Volunteers.register(this.s.api.as(c), this.s.tree.station(), "王五", List.of("电路维修"), List.of("CULTURE"));

		this.s.adjustHours(b, needId, participant, 1.0, "中途离开").path("adjustNeedHours.id").entity(String.class)
			.isEqualTo(needId);
		this.s.adjustHours(c, needId, participant, 1.5, "核实后更正").path("adjustNeedHours.id").entity(String.class)
			.isEqualTo(needId);
		Map<String, Object> stamped = participantRow(needId, participant);
		// A double click (or a retry of a lost answer): nothing changes, no row is added.
		this.s.adjustHours(c, needId, participant, 1.5, " 核实后更正 ").path("adjustNeedHours.id")
			.entity(String.class).isEqualTo(needId);
		assertThat(participantRow(needId, participant)).isEqualTo(stamped);
		assertThat(trailRows(needId, participant)).hasSize(2);

		String trail = "need.participants[0].hoursAdjustments";
		GraphQlTester.Response seen = this.s.api.as(this.s.admin).documentName("needHoursTrail")
			.variable("id", needId).execute();
		seen.path(trail).entityList(Object.class).hasSize(2);
		seen.path(trail + "[*].hoursBefore").entityList(Double.class).containsExactly(2.0, 1.0)
			.path(trail + "[*].hoursAfter").entityList(Double.class).containsExactly(1.0, 1.5)
			.path(trail + "[*].reason").entityList(String.class).containsExactly("中途离开", "核实后更正")
			.path(trail + "[*].adjustedBy").entityList(String.class)
			.containsExactly(Long.toString(b.userId()), Long.toString(c.userId()))
			// The station's admin sees the volunteer C's real name.
			.path(trail + "[*].adjustedByName").entityList(String.class).containsExactly("张三", "王五")
			.path(trail + "[*].adjustedAt").entityList(String.class)
			.satisfies(at -> assertThat(at).allMatch(t -> !t.isBlank()))
			.path("need.participants[0].claimedHours").entity(Double.class).isEqualTo(2.0)
			.path("need.participants[0].adjustedReason").entity(String.class).isEqualTo("核实后更正");

		// The assignee sees the trail as they see the reason, C's name masked like any volunteer's.
		this.s.api.as(this.s.volunteer).documentName("needHoursTrail").variable("id", needId).execute()
			.path(trail + "[*].hoursAfter").entityList(Double.class).containsExactly(1.0, 1.5)
			.path(trail + "[*].adjustedByName").entityList(String.class).containsExactly("张三", "王*");
		// Who does not see the participants (a team member not serving it) sees no trail either.
		this.s.api.as(this.s.member).documentName("needHoursTrail").variable("id", needId).execute()
			.path("need.participants").entityList(Object.class).hasSize(0);

		// Confirmed: the trail stays as it was.
		this.s.confirmHours(this.s.admin, needId).path("confirmNeedHours.participants[0].hoursStatus")
			.entity(String.class).isEqualTo("CONFIRMED");
		ApiErrors.expectCode(this.s.adjustHours(b, needId, participant, 1.5, "核实后更正"),
				"NEED_HOURS_ALREADY_CONFIRMED");
		assertThat(trailRows(needId, participant)).hasSize(2);
	}

	@Test
	void racingAdjustmentsEachRecordTheHoursTheyReplaced() throws Exception {
		String needId = completed("帮老人搬家具", 3.0);
		long participant = this.s.volunteer.userId();
		List<Session> admins = List.of(colleague("race-a"), colleague("race-b"), colleague("race-c"),
				colleague("race-d"), colleague("race-e"));
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < admins.size(); i++) {
			Session admin = admins.get(i);
			double hours = 0.5 * (i + 1);
			calls.add(() -> ApiErrors.codeOf(this.s.adjustHours(admin, needId, participant, hours, "核实为 " + hours + " 小时")));
		}
		assertThat(Race.run(calls)).containsOnlyNulls();

		// Whatever order they ran in, the first row starts from the claim, each next one where the one
		// before it ended, and the last one is what the participant holds.
		List<Map<String, Object>> trail = trailRows(needId, participant);
		assertThat(trail).hasSize(admins.size());
		assertThat((BigDecimal) trail.get(0).get("hours_before")).isEqualByComparingTo("3.0");
		for (int i = 1; i < trail.size(); i++) {
			assertThat((BigDecimal) trail.get(i).get("hours_before"))
				.isEqualByComparingTo((BigDecimal) trail.get(i - 1).get("hours_after"));
		}
		Map<String, Object> row = participantRow(needId, participant);
		assertThat((BigDecimal) row.get("hours"))
			.isEqualByComparingTo((BigDecimal) trail.get(trail.size() - 1).get("hours_after"));
		assertThat(row.get("adjusted_reason")).isEqualTo(trail.get(trail.size() - 1).get("reason"));
		assertThat((BigDecimal) row.get("claimed_hours")).isEqualByComparingTo("3.0");
	}

	@Test
	void aDoubleClickSentAtOnceIsOneAdjustment() throws Exception {
		String needId = completed("帮老人取药", 2.0);
		long participant = this.s.volunteer.userId();
		Session b = colleague("double-b");
		// The same request five times at once (a double click, retries): the ones that wait for the
		// participant's row lock find the adjustment made and add nothing.
		assertThat(Race.times(5, () -> ApiErrors.codeOf(this.s.adjustHours(b, needId, participant, 1.0, "中途离开"))))
			.containsOnlyNulls();
		List<Map<String, Object>> trail = trailRows(needId, participant);
		assertThat(trail).hasSize(1);
		assertThat((BigDecimal) trail.get(0).get("hours_before")).isEqualByComparingTo("2.0");
		assertThat((BigDecimal) trail.get(0).get("hours_after")).isEqualByComparingTo("1.0");
	}

	@Test
	void theTrailOfAPageCostsTheSameForTwoNeedsAsForSix() {
		Session b = colleague("count-b");
		Session c = colleague("count-c");
		for (int i = 0; i < 6; i++) {
			Session other = this.s.trainedVolunteer("counted");
			String needId = this.s.published("需求时长 " + i);
			this.s.claim(this.s.volunteer, needId, null).path("claimNeed.status").entity(String.class)
				.isEqualTo("CLAIMED");
			this.s.byNeed(this.s.volunteer, "startNeed", needId).path("startNeed.status").entity(String.class)
				.isEqualTo("IN_PROGRESS");
			this.s.complete(this.s.volunteer, needId, Map.of(this.s.volunteer.userId(), 2.0, other.userId(), 2.0))
				.path("completeNeed.status").entity(String.class).isEqualTo("COMPLETED");
			for (long user : List.of(this.s.volunteer.userId(), other.userId())) {
				this.s.adjustHours((i % 2 == 0) ? b : c, needId, user, 1.5, "中途离开").path("adjustNeedHours.id")
					.entity(String.class).isEqualTo(needId);
				this.s.adjustHours((i % 2 == 0) ? c : b, needId, user, 1.0, "核实后更正").path("adjustNeedHours.id")
					.entity(String.class).isEqualTo(needId);
			}
		}
		String unit = Long.toString(this.s.tree.station());
		String afters = "pendingNeedHours.edges[*].node.participants[*].hoursAdjustments[*].hoursAfter";
		var two = this.counter.measure(() -> this.s.api.as(this.s.admin).documentName("pendingNeedHoursTrail")
			.variable("orgUnitId", unit).variable("first", 2).execute()
			.path(afters).entityList(Double.class).hasSize(8).get());
		var six = this.counter.measure(() -> this.s.api.as(this.s.admin).documentName("pendingNeedHoursTrail")
			.variable("orgUnitId", unit).variable("first", 6).execute()
			.path(afters).entityList(Double.class).hasSize(24).get());
		assertThat(six.result()).containsExactlyElementsOf(List.of(1.5, 1.0, 1.5, 1.0, 1.5, 1.0, 1.5, 1.0, 1.5, 1.0,
				1.5, 1.0, 1.5, 1.0, 1.5, 1.0, 1.5, 1.0, 1.5, 1.0, 1.5, 1.0, 1.5, 1.0));
		assertThat(six.count()).as(String.join("\n", six.statements())).isEqualTo(two.count());
		assertThat(six.statements().stream().filter(sql -> sql.contains("need_hours_adjustment")).count())
			.as(String.join("\n", six.statements())).isEqualTo(1);
	}

	/** A need the scenario's volunteer claimed, served and completed alone with {@code hours}, pending. */
	private String completed(String title, double hours) {
		String needId = this.s.published(title);
		this.s.claim(this.s.volunteer, needId, null).path("claimNeed.status").entity(String.class)
			.isEqualTo("CLAIMED");
		this.s.byNeed(this.s.volunteer, "startNeed", needId).path("startNeed.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");
		this.s.complete(this.s.volunteer, needId, Map.of(this.s.volunteer.userId(), hours))
			.path("completeNeed.participants[0].hoursStatus").entity(String.class).isEqualTo("PENDING");
		return needId;
	}

	/** Another admin of the need's station, who takes no part in serving it. */
	private Session colleague(String prefix) {
		Session admin = this.s.api.login(Fixtures.unique(prefix));
		this.s.fixtures.grant(admin.userId(), "STATION_ADMIN", this.s.tree.station());
		return admin;
	}

	private Map<String, Object> participantRow(String needId, long userId) {
		return this.jdbc.queryForMap("SELECT hours, claimed_hours, adjusted_by, adjusted_reason FROM need_participant"
				+ " WHERE need_id = ? AND user_id = ?", Long.valueOf(needId), userId);
	}

	private List<Map<String, Object>> trailRows(String needId, long userId) {
		return this.jdbc.queryForList("SELECT hours_before, hours_after, reason, adjusted_by FROM need_hours_adjustment"
				+ " WHERE need_id = ? AND user_id = ? ORDER BY id", Long.valueOf(needId), userId);
	}

}
