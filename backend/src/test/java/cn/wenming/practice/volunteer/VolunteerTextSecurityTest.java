package cn.wenming.practice.volunteer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HonorHoursRecords;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Honor-hours reasons (read by the volunteer and the approving admin) and free-text skill tags
 * (shown in the 资源清单) are stored only after msgSecCheck passed them.
 */
@IntegrationTest
class VolunteerTextSecurityTest {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	@Test
	void riskySkillTagsRefuseTheRegistration() {
		Fixtures.Tree tree = this.fixtures.tree();
		Session user = this.api.login(Fixtures.unique("tagger"));
		Map<String, Object> input = Volunteers.input("李四", Volunteers.idNumber(), tree.station());
		input.put("skills", List.of("摄影", "RISKY 技能"));
		ApiErrors.expectCode(register(user, input), "CONTENT_REJECTED");
		input.put("skills", List.of("摄影", "REVIEW 技能"));
		ApiErrors.expectCode(register(user, input), "CONTENT_NEEDS_REVIEW");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volunteer WHERE user_id = ?", Integer.class,
				user.userId())).isZero();

		input.put("skills", List.of("摄影", "电路维修"));
		register(user, input).path("registerVolunteer.id").entity(String.class).satisfies(id -> assertThat(id).isNotBlank());
	}

	@Test
	void riskyHonorHoursReasonsAreRefusedForRecordingAndRevoking() {
		Fixtures.Tree tree = this.fixtures.tree();
		Session recorder = admin("recorder", tree.station());
		Session other = admin("reviser", tree.station());
		Session volunteer = this.api.login(Fixtures.unique("honor-vol"));
		String volunteerId = Volunteers.register(this.api.as(volunteer), tree.station());

		ApiErrors.expectCode(record(recorder, volunteerId, "RISKY 补录"), "CONTENT_REJECTED");
		ApiErrors.expectCode(record(recorder, volunteerId, "DOWN 补录"), "UPSTREAM_UNAVAILABLE");
		assertThat(rows(volunteerId)).isZero();

		record(recorder, volunteerId, "抗洪抢险补录").path("recordHonorHours.honorHours").entity(Double.class)
			.isEqualTo(0.0);
		assertThat(rows(volunteerId)).isOne();
		Long id = this.jdbc.queryForObject("SELECT id FROM volunteer_honor_hours WHERE volunteer_id = ?", Long.class,
				Long.valueOf(volunteerId));
		ApiErrors.expectCode(revoke(other, id, "RISKY 撤销"), "CONTENT_REJECTED");
		assertThat(this.jdbc.queryForObject("SELECT status FROM volunteer_honor_hours WHERE id = ?", String.class, id))
			.isEqualTo("PENDING");
		revoke(other, id, "重复补录").path("revokeHonorHours.revokeReason").entity(String.class).isEqualTo("重复补录");
	}

	private Session admin(String prefix, long unit) {
		Session session = this.api.login(Fixtures.unique(prefix));
		this.fixtures.grant(session.userId(), "STATION_ADMIN", unit);
		return session;
	}

	private GraphQlTester.Response register(Session as, Map<String, Object> input) {
		return this.api.as(as).documentName("registerVolunteer").variable("input", input).execute();
	}

	private GraphQlTester.Response record(Session as, String volunteerId, String reason) {
		Map<String, Object> input = Map.of("volunteerId", volunteerId, "hours", 4.0, "reason", reason, "serviceDate",
				LocalDate.now(CHINA).toString());
		return this.api.as(as).documentName("recordHonorHours").variable("input", HonorHoursRecords.keyed(input)).execute();
	}

	private GraphQlTester.Response revoke(Session as, Long id, String reason) {
		return this.api.as(as).documentName("revokeHonorHours").variable("id", id.toString()).variable("reason", reason)
			.execute();
	}

	private int rows(String volunteerId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM volunteer_honor_hours WHERE volunteer_id = ?",
				Integer.class, Long.valueOf(volunteerId));
	}

}
