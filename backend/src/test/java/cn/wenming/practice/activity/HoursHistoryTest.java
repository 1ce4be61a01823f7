package cn.wenming.practice.activity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HonorHoursRecords;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hours history: honor hours (补录) records and revocations of credit hours (who, when, why,
 * how many), paginated, for the volunteer and the admins covering their station only.
 */
@IntegrationTest
class HoursHistoryTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Scenario
	ActivityScenario s;

	Session volunteer;

	String volunteerId;

	@BeforeEach
	void setUp() {
		this.volunteer = this.s.api.login(Fixtures.unique("history"));
		this.volunteerId = Volunteers.register(this.s.api.as(this.volunteer), this.s.tree.station());
	}

	@Test
	void revocationsAndHonorHoursAreListedWithWhoWhenWhyAndHowMany() {
		Attendance.Attended kept = Attendance.attend(this.s, this.clock, "关爱留守儿童", Duration.ofHours(1), this.volunteer);
		Attendance.Attended revoked = Attendance.attend(this.s, this.clock, "河道巡查", Duration.ofMinutes(150),
				this.volunteer);
		String signUpId = revoked.signUpIds().get(this.volunteer.userId());
		this.s.api.as(this.s.admin).documentName("revokeHours").variable("signUpId", signUpId)
			.variable("reason", "重复登记").execute().path("revokeHours.hoursRevoked").entity(Boolean.class).isEqualTo(true);
		assertThat(kept.activityId()).isNotEqualTo(revoked.activityId());

		revocations(this.volunteer, this.volunteerId, null)
			.path("hoursRevocations.edges[*].node.signUpId").entityList(String.class).containsExactly(signUpId)
			.path("hoursRevocations.edges[0].node.hours").entity(Double.class).isEqualTo(2.5)
			.path("hoursRevocations.edges[0].node.reason").entity(String.class).isEqualTo("重复登记")
			.path("hoursRevocations.edges[0].node.revokedById").entity(String.class)
			.isEqualTo(Long.toString(this.s.admin.userId()))
			// Named the way every staff screen names an operator (a staff member without a nickname: 用户 <id>).
			.path("hoursRevocations.edges[0].node.revokedByName").entity(String.class)
			.isEqualTo("用户 " + this.s.admin.userId())
			.path("hoursRevocations.edges[0].node.revokedAt").hasValue()
			.path("hoursRevocations.edges[0].node.activity.title").entity(String.class).isEqualTo("河道巡查")
			.path("hoursRevocations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		recordHonorHours(1.5, "疫情防控补录");
		recordHonorHours(3, "防汛抢险补录");
		// Recorded by the organiser, approved by another admin covering the station (four eyes).
		Session approver = this.s.api.login(Fixtures.unique("honor-approver"));
		this.s.fixtures.grant(approver.userId(), "STATION_ADMIN", this.s.tree.station());
		HonorHoursRecords.approveAll(this.s.api.as(approver), this.volunteerId);
		GraphQlTester.Response page1 = honor(this.volunteer, this.volunteerId, 1, null);
		page1.path("honorHoursRecords.edges[*].node.reason").entityList(String.class).containsExactly("疫情防控补录")
			.path("honorHoursRecords.edges[0].node.hours").entity(Double.class).isEqualTo(1.5)
			.path("honorHoursRecords.edges[0].node.serviceDate").entity(String.class).isEqualTo(today)
			.path("honorHoursRecords.edges[0].node.status").entity(String.class).isEqualTo("APPROVED")
			.path("honorHoursRecords.edges[0].node.recordedById").entity(String.class)
			.isEqualTo(Long.toString(this.s.admin.userId()))
			.path("honorHoursRecords.edges[0].node.approvedById").entity(String.class)
			.isEqualTo(Long.toString(approver.userId()))
			.path("honorHoursRecords.edges[0].node.recordedAt").hasValue()
			.path("honorHoursRecords.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = page1.path("honorHoursRecords.pageInfo.endCursor").entity(String.class).get();
		honor(this.volunteer, this.volunteerId, 1, cursor)
			.path("honorHoursRecords.edges[*].node.reason").entityList(String.class).containsExactly("防汛抢险补录")
			.path("honorHoursRecords.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void onlyTheVolunteerAndTheAdminsCoveringTheirStationSeeTheHistory() {
		recordHonorHours(2, "补录");
		// The station's admin and an admin higher up see it.
		honor(this.s.admin, this.volunteerId, 10, null).path("honorHoursRecords.edges").entityList(Object.class).hasSize(1);
		Session institute = this.s.api.login(Fixtures.unique("institute"));
		this.s.fixtures.grant(institute.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		honor(institute, this.volunteerId, 10, null).path("honorHoursRecords.edges").entityList(Object.class).hasSize(1);
		revocations(institute, this.volunteerId, null).path("hoursRevocations.edges").entityList(Object.class).hasSize(0);

		// Another volunteer, an admin of another station, and anonymous callers do not.
		Session other = this.s.volunteer("other");
		Session stranger = this.s.api.login(Fixtures.unique("stranger-admin"));
		this.s.fixtures.grant(stranger.userId(), "STATION_ADMIN", this.s.fixtures.tree().station());
		for (Session refused : List.of(other, stranger)) {
			ApiErrors.expectCode(honor(refused, this.volunteerId, 10, null), "FORBIDDEN");
			ApiErrors.expectCode(revocations(refused, this.volunteerId, null), "FORBIDDEN");
		}
		ApiErrors.expectCode(this.s.api.anonymous().documentName("honorHoursRecords")
			.variable("volunteerId", this.volunteerId).execute(), "UNAUTHENTICATED");
		// Unknown ids: no probing for non-admins.
		ApiErrors.expectCode(honor(other, "999999999", 10, null), "FORBIDDEN");
		ApiErrors.expectCode(revocations(this.s.admin, "999999999", null), "NOT_FOUND");
	}

	private void recordHonorHours(double hours, String reason) {
		Map<String, Object> input = Map.of("volunteerId", this.volunteerId, "hours", hours, "reason", reason,
				"serviceDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
		this.s.api.as(this.s.admin).documentName("recordHonorHours").variable("input", HonorHoursRecords.keyed(input)).execute()
			.path("recordHonorHours.id").entity(String.class).isEqualTo(this.volunteerId);
	}

	private GraphQlTester.Response honor(Session as, String volunteerId, int first, String after) {
		return this.s.api.as(as).documentName("honorHoursRecords").variable("volunteerId", volunteerId)
			.variable("first", first).variable("after", after).execute();
	}

	private GraphQlTester.Response revocations(Session as, String volunteerId, String after) {
		return this.s.api.as(as).documentName("hoursRevocations").variable("volunteerId", volunteerId)
			.variable("after", after).execute();
	}

}
