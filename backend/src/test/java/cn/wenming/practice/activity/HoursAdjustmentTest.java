package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer who checked in but never checked out gets nothing until the organiser resolves them:
 * {@code adjustHours} sets their hours (with a reason, at most the activity's length), after which
 * they can be confirmed like anyone else. The same corrects computed hours before confirmation.
 * Every correction leaves a trail: each adjustment is a row (before, after, why, who, when), so a
 * second admin's adjustment never wipes out the first one's, nor the hours computed at check-out.
 */
@IntegrationTest
class HoursAdjustmentTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SqlCounter counter;

	@Scenario
	ActivityScenario s;

	@Test
	void aMissingCheckOutIsResolvedByTheOrganiserAndThenConfirmed() {
		Instant start = Instant.now().plus(Duration.ofHours(1));
		String activityId = running(start);
		Session volunteer = checkedIn(activityId);
		String signUpId = signUpIdOf(volunteer, activityId);

		// Never checked out: cannot be confirmed yet.
		ApiErrors.expectCode(confirm(activityId, signUpId), "CHECK_OUT_MISSING");

		// Over the activity's 3 h, or without a reason: refused.
		ApiErrors.expectCode(adjust(this.s.admin, signUpId, 3.5, "忘记签退"), "BAD_REQUEST");
		ApiErrors.expectBadField(adjust(this.s.admin, signUpId, 2, " "), "reason");

		adjust(this.s.admin, signUpId, 2.5, "忘记签退，组织者核实在岗至 11:30")
			.path("adjustHours.hours").entity(Double.class).isEqualTo(2.5)
			.path("adjustHours.hoursAdjusted").entity(Boolean.class).isEqualTo(true)
			.path("adjustHours.hoursAdjustReason").entity(String.class).isEqualTo("忘记签退，组织者核实在岗至 11:30")
			.path("adjustHours.checkedOutAt").valueIsNull();
		assertThat(this.jdbc.queryForObject("SELECT hours_adjusted_by FROM activity_sign_up WHERE id = ?", Long.class,
				Long.valueOf(signUpId))).isEqualTo(this.s.admin.userId());

		confirm(activityId, signUpId).path("confirmHours[0].hoursConfirmed").entity(Boolean.class).isEqualTo(true);
		this.s.api.as(volunteer).documentName("myVolunteerHours").execute()
			.path("myVolunteer.creditHours").entity(Double.class).isEqualTo(2.5);

		// Once confirmed, hours are only revoked, never adjusted.
		ApiErrors.expectCode(adjust(this.s.admin, signUpId, 1, "再改"), "HOURS_ALREADY_CONFIRMED");
	}

	@Test
	void computedHoursCanBeCorrectedBeforeConfirmationAndALateCheckOutKeepsThem() {
		Instant start = Instant.now().plus(Duration.ofHours(1));
		String activityId = running(start);
		Session volunteer = checkedIn(activityId);
		String signUpId = signUpIdOf(volunteer, activityId);

		adjust(this.s.admin, signUpId, 1.25, "中途离岗一小时").path("adjustHours.hours").entity(Double.class)
			.isEqualTo(1.25);
		// The volunteer checks out afterwards: the organiser's hours stand.
		this.clock.set(start.plus(Duration.ofHours(3)));
		this.s.checkHere("checkOut", volunteer, activityId, this.s.code(activityId))
			.path("checkOut.hours").entity(Double.class).isEqualTo(1.25);
		confirm(activityId, signUpId).path("confirmHours[0].hours").entity(Double.class).isEqualTo(1.25);
	}

	@Test
	void onlyCheckedInSignUpsOfTheOrganisersActivityCanBeAdjusted() {
		Instant start = Instant.now().plus(Duration.ofHours(1));
		String activityId = running(start);
		Session absent = this.s.volunteer("absent");
		String absentSignUp = this.s.signUp(absent, activityId).path("signUp.id").entity(String.class).get();
		Session volunteer = checkedIn(activityId);
		String signUpId = signUpIdOf(volunteer, activityId);
		ApiErrors.expectCode(adjust(this.s.admin, absentSignUp, 1, "未签到"), "NOT_CHECKED_IN");

		Session outsider = this.s.api.login(Fixtures.unique("other-admin"));
		this.s.fixtures.grant(outsider.userId(), "STATION_ADMIN", this.s.fixtures.tree().station());
		ApiErrors.expectCode(adjust(outsider, signUpId, 1, "越权"), "FORBIDDEN");
		ApiErrors.expectCode(adjust(volunteer, signUpId, 3, "给自己加"), "FORBIDDEN");
	}

	@Test
	void eachAdjustmentIsKeptWithWhatItReplacedAndADoubleClickAddsNothing() {
		Instant start = Instant.now().plus(Duration.ofHours(1));
		String activityId = running(start);
		Session volunteer = checkedIn(activityId);
		String signUpId = signUpIdOf(volunteer, activityId);
		this.clock.set(start.plus(Duration.ofHours(3)));
		this.s.checkHere("checkOut", volunteer, activityId, this.s.code(activityId))
			.path("checkOut.hours").entity(Double.class).isEqualTo(3.0);
		// Two colleagues of the organiser (neither took part): B a staff member known by nickname, C without one.
		Session b = colleague("adjuster-b");
		this.jdbc.update("UPDATE app_user SET nickname = '张三' WHERE id = ?", b.userId());
		Session c = colleague("adjuster-c");

		adjust(b, signUpId, 0.5, "早退").path("adjustHours.hours").entity(Double.class).isEqualTo(0.5);
		adjust(c, signUpId, 3.0, "核实在岗全程").path("adjustHours.hours").entity(Double.class).isEqualTo(3.0);
		Timestamp stamped = adjustedAt(signUpId);
		// A double click (a minute later, so a rewrite would show): the same value and reason again
		// changes nothing and adds no row.
		this.clock.shift(Duration.ofMinutes(1));
		adjust(c, signUpId, 3.0, " 核实在岗全程 ").path("adjustHours.hours").entity(Double.class).isEqualTo(3.0);
		assertThat(adjustedAt(signUpId)).isEqualTo(stamped);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity_hours_adjustment WHERE sign_up_id = ?",
				Integer.class, Long.valueOf(signUpId))).isEqualTo(2);

		GraphQlTester.Response roster = this.s.api.as(this.s.admin).documentName("activityRosterTrail")
			.variable("activityId", activityId).execute();
		String trail = "activitySignUps.edges[0].node.hoursAdjustments";
		roster.path(trail).entityList(Object.class).hasSize(2);
		roster.path(trail + "[*].hoursBefore").entityList(Double.class).containsExactly(3.0, 0.5)
			.path(trail + "[*].hoursAfter").entityList(Double.class).containsExactly(0.5, 3.0)
			.path(trail + "[*].reason").entityList(String.class).containsExactly("早退", "核实在岗全程")
			.path(trail + "[*].adjustedBy").entityList(String.class)
			.containsExactly(Long.toString(b.userId()), Long.toString(c.userId()))
			.path(trail + "[*].adjustedByName").entityList(String.class)
			.containsExactly("张三", "用户 " + c.userId())
			.path(trail + "[*].adjustedAt").entityList(String.class).satisfies(at -> assertThat(at).allMatch(t -> !t.isBlank()))
			.path("activitySignUps.edges[0].node.hoursAdjustReason").entity(String.class).isEqualTo("核实在岗全程");

		// The volunteer sees the trail of their own sign-up, as they see its reason.
		this.s.api.as(volunteer).documentName("myActivitiesTrail").execute()
			.path("myActivities.edges[0].node.hoursAdjustments[*].hoursAfter").entityList(Double.class)
			.containsExactly(0.5, 3.0);

		// Confirmed: the trail stays as it was.
		confirm(activityId, signUpId).path("confirmHours[0].hours").entity(Double.class).isEqualTo(3.0);
		ApiErrors.expectCode(adjust(b, signUpId, 0.5, "早退"), "HOURS_ALREADY_CONFIRMED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity_hours_adjustment WHERE sign_up_id = ?",
				Integer.class, Long.valueOf(signUpId))).isEqualTo(2);
	}

	@Test
	void theRostersTrailCostsTheSameForTwoSignUpsAsForSix() {
		Instant start = Instant.now().plus(Duration.ofHours(1));
		String activityId = running(start);
		Session b = colleague("count-b");
		Session c = colleague("count-c");
		// Sign-ups close when the activity starts: all six sign up and check in first.
		List<String> signUpIds = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Session volunteer = this.s.volunteer("counted");
			this.s.signUp(volunteer, activityId).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
			this.s.checkHere("checkIn", volunteer, activityId, this.s.code(activityId)).path("checkIn.checkedInAt")
				.entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
			signUpIds.add(signUpIdOf(volunteer, activityId));
		}
		this.s.move(this.s.admin, "startActivity", activityId).path("startActivity.status").entity(String.class)
			.isEqualTo("ONGOING");
		for (int i = 0; i < 6; i++) {
			adjust((i % 2 == 0) ? b : c, signUpIds.get(i), 1.5, "中途离岗").path("adjustHours.hours")
				.entity(Double.class).isEqualTo(1.5);
			adjust((i % 2 == 0) ? c : b, signUpIds.get(i), 2.0, "核实后更正").path("adjustHours.hours")
				.entity(Double.class).isEqualTo(2.0);
		}
		var two = this.counter.measure(() -> this.s.api.as(this.s.admin).documentName("activityRosterTrail")
			.variable("activityId", activityId).variable("first", 2).execute()
			.path("activitySignUps.edges[*].node.hoursAdjustments[*].hoursAfter").entityList(Double.class)
			.hasSize(4).get());
		var six = this.counter.measure(() -> this.s.api.as(this.s.admin).documentName("activityRosterTrail")
			.variable("activityId", activityId).variable("first", 6).execute()
			.path("activitySignUps.edges[*].node.hoursAdjustments[*].hoursAfter").entityList(Double.class)
			.hasSize(12).get());
		assertThat(six.count()).as(String.join("\n", six.statements())).isEqualTo(two.count());
		assertThat(six.statements().stream().filter(sql -> sql.contains("activity_hours_adjustment")).count())
			.as(String.join("\n", six.statements())).isEqualTo(1);
	}

	@Test
	void racingAdjustmentsEachRecordTheHoursTheyReplaced() throws Exception {
		Instant start = Instant.now().plus(Duration.ofHours(1));
		String activityId = running(start);
		Session volunteer = checkedIn(activityId);
		String signUpId = signUpIdOf(volunteer, activityId);
		List<Session> admins = List.of(colleague("race-a"), colleague("race-b"), colleague("race-c"),
				colleague("race-d"));
		List<Callable<String>> calls = new ArrayList<>();
		for (int i = 0; i < admins.size(); i++) {
			Session admin = admins.get(i);
			double hours = 0.5 * (i + 1);
			calls.add(() -> ApiErrors.codeOf(adjust(admin, signUpId, hours, "核实第 " + hours + " 小时")));
		}
		assertThat(Race.run(calls)).containsOnlyNulls();

		// Whatever the order they ran in, each row starts where the one before it ended (the first from
		// no hours: never checked out), and the last one is what the sign-up holds.
		List<Map<String, Object>> trail = this.jdbc.queryForList(
				"SELECT hours_before, hours_after FROM activity_hours_adjustment WHERE sign_up_id = ? ORDER BY id",
				Long.valueOf(signUpId));
		assertThat(trail).hasSize(4);
		assertThat(trail.get(0).get("hours_before")).isNull();
		for (int i = 1; i < trail.size(); i++) {
			assertThat((BigDecimal) trail.get(i).get("hours_before"))
				.isEqualByComparingTo((BigDecimal) trail.get(i - 1).get("hours_after"));
		}
		assertThat(this.jdbc.queryForObject("SELECT hours FROM activity_sign_up WHERE id = ?", BigDecimal.class,
				Long.valueOf(signUpId))).isEqualByComparingTo((BigDecimal) trail.get(3).get("hours_after"));
	}

	/** Another admin of the organiser's station, who takes no part in the activity. */
	private Session colleague(String prefix) {
		Session admin = this.s.api.login(Fixtures.unique(prefix));
		this.s.fixtures.grant(admin.userId(), "STATION_ADMIN", this.s.tree.station());
		return admin;
	}

	private Timestamp adjustedAt(String signUpId) {
		return this.jdbc.queryForObject("SELECT hours_adjusted_at FROM activity_sign_up WHERE id = ?", Timestamp.class,
				Long.valueOf(signUpId));
	}

	/** A published 3-hour activity starting at {@code start}, already started. */
	private String running(Instant start) {
		String activityId = this.s.draft(start, start.plus(Duration.ofHours(3)), 10);
		this.s.move(this.s.admin, "publishActivity", activityId).path("publishActivity.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		return activityId;
	}

	private Session checkedIn(String activityId) {
		Session volunteer = this.s.volunteer("adjusted");
		this.s.signUp(volunteer, activityId).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.checkHere("checkIn", volunteer, activityId, this.s.code(activityId)).path("checkIn.checkedInAt")
			.entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
		if (this.s.api.as(this.s.admin).documentName("activity").variable("id", activityId).execute()
			.path("activity.status").entity(String.class).get().equals("PUBLISHED")) {
			this.s.move(this.s.admin, "startActivity", activityId).path("startActivity.status").entity(String.class)
				.isEqualTo("ONGOING");
		}
		return volunteer;
	}

	private String signUpIdOf(Session volunteer, String activityId) {
		return this.jdbc.queryForObject(
				"SELECT id FROM activity_sign_up WHERE user_id = ? AND activity_id = ? AND live_flag = 1", Long.class,
				volunteer.userId(), Long.valueOf(activityId)).toString();
	}

	private GraphQlTester.Response adjust(Session as, String signUpId, double hours, String reason) {
		return this.s.api.as(as).documentName("adjustHours").variable("signUpId", signUpId).variable("hours", hours)
			.variable("reason", reason).execute();
	}

	private GraphQlTester.Response confirm(String activityId, String signUpId) {
		return this.s.api.as(this.s.admin).documentName("confirmHours").variable("activityId", activityId)
			.variable("signUpIds", List.of(signUpId)).execute();
	}

}
