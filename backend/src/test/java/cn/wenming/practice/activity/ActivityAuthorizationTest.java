package cn.wenming.practice.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may organise what, and input that is refused before anything is stored. */
@IntegrationTest
class ActivityAuthorizationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	ActivityScenario s;

	Session outsider;

	@BeforeEach
	void setUp() {
		// An admin of another county's subtree.
		Fixtures.Tree elsewhere = this.s.fixtures.tree();
		this.outsider = this.s.api.login(Fixtures.unique("other-admin"));
		this.s.fixtures.grant(this.outsider.userId(), "INSTITUTE_ADMIN", elsewhere.institute());
	}

	@Test
	void anAdminOfAnotherSubtreeCannotOrganise() {
		String draft = this.s.draft(Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(3)), 5);
		ApiErrors.expectCode(this.s.move(this.outsider, "publishActivity", draft), "FORBIDDEN");
		ApiErrors.expectCode(this.s.createActivity(this.outsider, this.s.activityInput(Instant.now().plus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofHours(2)), 5)), "FORBIDDEN");
		ApiErrors.expectCode(this.s.createProject(this.outsider, this.s.tree.station(), "越权项目"), "FORBIDDEN");

		this.s.move(this.s.admin, "publishActivity", draft);
		Session volunteer = this.s.volunteer("auth");
		this.s.signUp(volunteer, draft);
		this.s.checkHere("checkIn", volunteer, draft, this.s.code(draft));
		this.s.move(this.s.admin, "startActivity", draft);
		ApiErrors.expectCode(this.s.api.as(this.outsider).documentName("activityCheckInCode").variable("activityId", draft)
			.execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.as(this.outsider).documentName("activitySignUps").variable("activityId", draft)
			.execute(), "FORBIDDEN");
		String signUpId = this.s.api.as(this.s.admin).documentName("activitySignUps").variable("activityId", draft)
			.execute().path("activitySignUps.edges[0].node.id").entity(String.class).get();
		ApiErrors.expectCode(this.s.api.as(this.outsider).documentName("confirmHours").variable("activityId", draft)
			.variable("signUpIds", List.of(signUpId)).execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.as(this.outsider).documentName("markNoShow").variable("activityId", draft)
			.variable("signUpIds", List.of(signUpId)).execute(), "FORBIDDEN");
		assertThat(this.jdbc.queryForObject("SELECT status FROM activity WHERE id = ?", String.class,
				Long.parseLong(draft))).isEqualTo("ONGOING");
	}

	@Test
	void aVolunteerCannotGetTheCheckInCodeNorOrganise() {
		String activityId = this.s.published(Duration.ofHours(1), Duration.ofHours(2), 5);
		Session volunteer = this.s.volunteer("plain");
		this.s.signUp(volunteer, activityId);
		ApiErrors.expectCode(this.s.api.as(volunteer).documentName("activityCheckInCode")
			.variable("activityId", activityId).execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("activityCheckInCode")
			.variable("activityId", activityId).execute(), "UNAUTHENTICATED");
		ApiErrors.expectCode(this.s.move(volunteer, "cancelActivity", activityId), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.as(volunteer).documentName("activitySignUps")
			.variable("activityId", activityId).execute(), "FORBIDDEN");
	}

	@Test
	void badInputIsRefusedAndNothingStored() {
		Instant start = Instant.now().plus(Duration.ofDays(1));
		Instant end = start.plus(Duration.ofHours(2));
		Map<String, Object> zero = this.s.activityInput(start, end, 0);
		ApiErrors.expectBadField(this.s.createActivity(this.s.admin, zero), "input.capacity");
		Map<String, Object> negative = this.s.activityInput(start, end, -5);
		ApiErrors.expectBadField(this.s.createActivity(this.s.admin, negative), "input.capacity");
		Map<String, Object> backwards = this.s.activityInput(end, start, 5);
		ApiErrors.expectBadField(this.s.createActivity(this.s.admin, backwards), "input.endsAfterStart");
		Map<String, Object> longTitle = this.s.activityInput(start, end, 5);
		longTitle.put("title", "长".repeat(10_000));
		ApiErrors.expectBadField(this.s.createActivity(this.s.admin, longTitle), "input.title");
		Map<String, Object> farNorth = this.s.activityInput(start, end, 5);
		farNorth.put("latitude", 91.0);
		ApiErrors.expectBadField(this.s.createActivity(this.s.admin, farNorth), "input.latitude");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE project_id = ?", Integer.class,
				Long.parseLong(this.s.projectId))).isZero();

		ApiErrors.expectBadField(this.s.createProject(this.s.admin, this.s.tree.station(), "项".repeat(61)), "input.name");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE org_unit_id = ?", Integer.class,
				this.s.tree.station())).isEqualTo(1);
	}

	@Test
	void projectsAreChangedAndArchivedByTheirAdminsOnly() {
		Map<String, Object> change = new HashMap<>();
		change.put("name", "健康江来·义诊");
		change.put("category", "SCIENCE_TECH");
		change.put("brand", false);
		this.s.api.as(this.s.admin).documentName("updateProject").variable("id", this.s.projectId)
			.variable("input", change).execute()
			.path("updateProject.name").entity(String.class).isEqualTo("健康江来·义诊")
			.path("updateProject.category").entity(String.class).isEqualTo("SCIENCE_TECH")
			.path("updateProject.brand").entity(Boolean.class).isEqualTo(false)
			.path("updateProject.description").valueIsNull();
		ApiErrors.expectCode(this.s.api.as(this.outsider).documentName("updateProject").variable("id", this.s.projectId)
			.variable("input", change).execute(), "FORBIDDEN");

		this.s.api.as(this.s.admin).documentName("archiveProject").variable("id", this.s.projectId).execute()
			.path("archiveProject.status").entity(String.class).isEqualTo("ARCHIVED");
		ApiErrors.expectCode(this.s.createActivity(this.s.admin, this.s.activityInput(Instant.now().plus(Duration.ofHours(1)),
				Instant.now().plus(Duration.ofHours(2)), 5)), "PROJECT_ARCHIVED");
		ApiErrors.expectCode(this.s.api.as(this.outsider).documentName("archiveProject").variable("id", this.s.projectId)
			.execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.as(this.s.admin).documentName("updateProject").variable("id", this.s.projectId)
			.variable("input", change).execute(), "PROJECT_ARCHIVED");
	}

}
