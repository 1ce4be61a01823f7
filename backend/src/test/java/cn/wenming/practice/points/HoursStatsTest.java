package cn.wenming.practice.points;

import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HonorHoursRecords;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Volunteer.stats}: credit and honor hours, this year's confirmed hours, the star and the
 * number of activities, counting only confirmed hours that were not revoked; batched for lists.
 */
@IntegrationTest
class HoursStatsTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MutableClock clock;

	@Autowired
	SqlCounter sql;

	@Scenario
	PointsScenario s;

	@Test
	void statsCountConfirmedNonRevokedHoursAndHonorHoursApart() {
		Session volunteer = this.s.volunteer("stats");
		this.s.serveActivity(volunteer, this.clock, 2);
		this.clock.reset();
		String lastYear = this.s.serveActivity(volunteer, this.clock, 1);
		this.clock.reset();
		String revoked = this.s.serveActivity(volunteer, this.clock, 3);
		this.clock.reset();
		// One activity took place last year (moved back 400 days): it counts, but not for this year.
		this.jdbc.update("""
				UPDATE activity SET starts_at = starts_at - INTERVAL 400 DAY, ends_at = ends_at - INTERVAL 400 DAY
				WHERE id = (SELECT activity_id FROM activity_sign_up WHERE id = ?)""", Long.valueOf(lastYear));
		this.s.api.as(this.s.admin).documentName("revokeHours").variable("signUpId", revoked)
			.variable("reason", "核实未在岗").execute().path("revokeHours.hoursRevoked").entity(Boolean.class).isEqualTo(true);
		String volunteerId = volunteerIdOf(volunteer);
		this.s.api.as(this.s.admin).documentName("recordHonorHours")
			.variable("input", HonorHoursRecords.keyed(Map.of("volunteerId", volunteerId, "hours", 4.5, "reason",
					"往年服务补录", "serviceDate", "2024-05-04")))
			.execute().path("recordHonorHours.honorHours").entity(Double.class).isEqualTo(0.0);
		// Pending until another admin covering the station approves them.
		Session approver = this.s.api.login(Fixtures.unique("honor-approver"));
		this.s.fixtures.grant(approver.userId(), "STATION_ADMIN", this.s.tree.station());
		HonorHoursRecords.approveAll(this.s.api.as(approver), volunteerId);

		this.s.api.as(this.s.admin).documentName("volunteerStats").variable("id", volunteerId).execute()
			.path("volunteer.stats.creditHours").entity(Double.class).isEqualTo(3.0)
			.path("volunteer.stats.honorHours").entity(Double.class).isEqualTo(4.5)
			.path("volunteer.stats.hoursThisYear").entity(Double.class).isEqualTo(2.0)
			.path("volunteer.stats.star").entity(Integer.class).isEqualTo(0)
			.path("volunteer.stats.activitiesCount").entity(Integer.class).isEqualTo(2)
			.path("volunteer.stats.needsCount").entity(Integer.class).isEqualTo(0)
			.path("volunteer.stats.pendingHours").entity(Double.class).isEqualTo(0.0);
	}

	@Test
	void needHoursArePendingUntilConfirmedThenCountThisYearAndAsNeeds() {
		Session volunteer = this.s.trainedVolunteer("stats-need");
		String volunteerId = volunteerIdOf(volunteer);
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		// Checked out of an activity, not confirmed yet: pending like the need's claim.
		this.s.serveActivity(volunteer, this.clock, 2, false);
		this.clock.reset();
		String needId = this.s.completeNeed(resident, volunteer, 1.5);
		stats(volunteerId).path("volunteer.stats.pendingHours").entity(Double.class).isEqualTo(3.5)
			.path("volunteer.stats.hoursThisYear").entity(Double.class).isEqualTo(0.0)
			.path("volunteer.stats.creditHours").entity(Double.class).isEqualTo(0.0)
			.path("volunteer.stats.needsCount").entity(Integer.class).isEqualTo(0)
			.path("volunteer.stats.activitiesCount").entity(Integer.class).isEqualTo(0);

		this.s.confirmNeedHours(needId);
		// A second need, completed (and confirmed) last year: served, but not this year's.
		String lastYear = this.s.completeNeed(resident, volunteer, 1.0);
		this.s.confirmNeedHours(lastYear);
		this.jdbc.update("UPDATE need SET completed_at = completed_at - INTERVAL 400 DAY WHERE id = ?",
				Long.valueOf(lastYear));
		stats(volunteerId).path("volunteer.stats.pendingHours").entity(Double.class).isEqualTo(2.0)
			.path("volunteer.stats.hoursThisYear").entity(Double.class).isEqualTo(1.5)
			.path("volunteer.stats.creditHours").entity(Double.class).isEqualTo(2.5)
			.path("volunteer.stats.needsCount").entity(Integer.class).isEqualTo(2)
			.path("volunteer.stats.activitiesCount").entity(Integer.class).isEqualTo(0);
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response stats(String volunteerId) {
		return this.s.api.as(this.s.admin).documentName("volunteerStats").variable("id", volunteerId).execute();
	}

	@Test
	void aVolunteerWithNothingYetHasZeroStats() {
		Session volunteer = this.s.volunteer("stats-new");
		this.s.api.as(volunteer).documentName("volunteerStats").variable("id", volunteerIdOf(volunteer)).execute()
			.path("volunteer.stats.creditHours").entity(Double.class).isEqualTo(0.0)
			.path("volunteer.stats.hoursThisYear").entity(Double.class).isEqualTo(0.0)
			.path("volunteer.stats.activitiesCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void statsOfAListCostTheSameNumberOfStatementsFor3And12Volunteers() {
		for (int i = 0; i < 3; i++) {
			this.s.volunteer("stats-list");
		}
		this.s.serveActivity(this.s.volunteer("stats-served"), this.clock, 1);
		this.clock.reset();
		int of4 = statementsForList(4);
		for (int i = 0; i < 8; i++) {
			this.s.volunteer("stats-list");
		}
		int of12 = statementsForList(12);
		assertThat(of12).as("statements for 12 volunteers vs 4").isEqualTo(of4);
	}

	private int statementsForList(int expected) {
		var measured = this.sql.measure(() -> this.s.api.as(this.s.admin).documentName("volunteersStats")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).variable("first", 50).execute()
			.path("volunteers.edges[*].node.stats.activitiesCount").entityList(Integer.class).get());
		List<Integer> counts = measured.result();
		assertThat(counts).hasSize(expected).contains(1);
		return measured.count();
	}

	private String volunteerIdOf(Session volunteer) {
		return this.jdbc.queryForObject("SELECT id FROM volunteer WHERE user_id = ?", Long.class, volunteer.userId())
			.toString();
	}

}
