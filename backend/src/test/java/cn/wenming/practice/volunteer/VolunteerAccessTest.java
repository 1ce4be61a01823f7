package cn.wenming.practice.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see a volunteer's private record, list volunteers and record trainings. */
@IntegrationTest
class VolunteerAccessTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	Api api;

	@Scenario
	Fixtures fixtures;

	Fixtures.Tree tree;

	Session volunteer;

	String volunteerId;

	@BeforeEach
	void setUp() {
		this.tree = this.fixtures.tree();
		this.volunteer = this.api.login(Fixtures.unique("v"));
		this.volunteerId = Volunteers.register(this.api.as(this.volunteer), this.tree.station());
	}

	private Session adminOf(String role, long unitId) {
		Session admin = this.api.login(Fixtures.unique("admin"));
		this.fixtures.grant(admin.userId(), role, unitId);
		return admin;
	}

	@Test
	void selfAndCoveringAdminsSeeTheRecord() {
		this.api.as(this.volunteer).documentName("volunteer").variable("id", this.volunteerId).execute()
			.path("volunteer.realName").entity(String.class).isEqualTo("张三");
		for (Session admin : List.of(adminOf("STATION_ADMIN", this.tree.station()),
				adminOf("INSTITUTE_ADMIN", this.tree.institute()), adminOf("CENTER_ADMIN", this.tree.center()))) {
			this.api.as(admin).documentName("volunteer").variable("id", this.volunteerId).execute()
				.path("volunteer.id").entity(String.class).isEqualTo(this.volunteerId)
				.path("volunteer.partyMember").entity(Boolean.class).isEqualTo(true);
		}
	}

	@Test
	void othersAreForbidden() {
		// Another resident, another volunteer, admins of another subtree (even a sibling station).
		Session resident = this.api.login(Fixtures.unique("r"));
		Session otherVolunteer = this.api.login(Fixtures.unique("v2"));
		Volunteers.register(this.api.as(otherVolunteer), this.tree.station());
		Fixtures.Tree otherTree = this.fixtures.tree();
		long siblingStation = this.fixtures.unit(this.tree.institute(), "STATION", Fixtures.unique("站"), null, null);
		List<Session> outsiders = List.of(resident, otherVolunteer, adminOf("CENTER_ADMIN", otherTree.center()),
				adminOf("INSTITUTE_ADMIN", otherTree.institute()), adminOf("STATION_ADMIN", siblingStation));
		for (Session outsider : outsiders) {
			ApiErrors.expectCode(this.api.as(outsider).documentName("volunteer").variable("id", this.volunteerId).execute(),
					"FORBIDDEN");
		}
		// Probing a non-existent id gives the same answer.
		ApiErrors.expectCode(this.api.as(resident).documentName("volunteer").variable("id", "999999999").execute(),
				"FORBIDDEN");
		ApiErrors.expectCode(this.api.anonymous().documentName("volunteer").variable("id", this.volunteerId).execute(),
				"UNAUTHENTICATED");
	}

	@Test
	void volunteersListIsScopedToTheAdminsSubtree() {
		Session second = this.api.login(Fixtures.unique("v3"));
		String secondId = Volunteers.register(this.api.as(second), this.tree.station());
		Session admin = adminOf("INSTITUTE_ADMIN", this.tree.institute());

		var page1 = this.api.as(admin).documentName("volunteers")
			.variable("orgUnitId", this.tree.center()) // above the admin's unit
			.variable("first", 1)
			.execute();
		ApiErrors.expectCode(page1, "FORBIDDEN");

		var first = this.api.as(admin).documentName("volunteers")
			.variable("orgUnitId", this.tree.institute())
			.variable("first", 1)
			.execute();
		first.path("volunteers.edges[*].node.id").entityList(String.class).containsExactly(this.volunteerId);
		first.path("volunteers.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		first.path("volunteers.edges[0].node.skills").entityList(String.class).containsExactly("电路维修");
		String cursor = first.path("volunteers.pageInfo.endCursor").entity(String.class).get();
		this.api.as(admin).documentName("volunteers")
			.variable("orgUnitId", this.tree.institute())
			.variable("first", 10)
			.variable("after", cursor)
			.execute()
			.path("volunteers.edges[*].node.id").entityList(String.class).containsExactly(secondId)
			.path("volunteers.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

		Fixtures.Tree otherTree = this.fixtures.tree();
		this.api.as(adminOf("CENTER_ADMIN", otherTree.center())).documentName("volunteers")
			.variable("orgUnitId", otherTree.center())
			.execute()
			.path("volunteers.edges").entityList(Object.class).hasSize(0);
		ApiErrors.expectCode(this.api.as(this.volunteer).documentName("volunteers")
			.variable("orgUnitId", this.tree.station()).execute(), "FORBIDDEN");
		ApiErrors.expectCode(this.api.anonymous().documentName("volunteers")
			.variable("orgUnitId", this.tree.station()).execute(), "UNAUTHENTICATED");
		ApiErrors.expectBadField(this.api.as(admin).documentName("volunteers")
			.variable("orgUnitId", this.tree.institute()).variable("first", 100_000).execute(), "first");
	}

	@Test
	void trainingIsRecordedByCoveringAdminOnly() {
		Map<String, Object> input = Map.of("volunteerId", this.volunteerId, "course", "岗前培训：志愿服务基础",
				"completedAt", "2026-01-10T02:00:00Z");
		for (Session outsider : new ArrayList<>(List.of(this.volunteer, adminOf("CENTER_ADMIN", this.fixtures.tree().center())))) {
			ApiErrors.expectCode(this.api.as(outsider).documentName("recordTraining").variable("input", input).execute(),
					"FORBIDDEN");
		}
		this.api.as(this.volunteer).documentName("myVolunteer").execute()
			.path("myVolunteer.trained").entity(Boolean.class).isEqualTo(false);

		var response = this.api.as(adminOf("STATION_ADMIN", this.tree.station())).documentName("recordTraining")
			.variable("input", input)
			.execute();
		response.path("recordTraining.trained").entity(Boolean.class).isEqualTo(true);
		response.path("recordTraining.trainings[0].course").entity(String.class).isEqualTo("岗前培训：志愿服务基础");
		response.path("recordTraining.trainings[0].completedAt").entity(String.class).isEqualTo("2026-01-10T02:00:00Z");
		this.api.as(this.volunteer).documentName("volunteer").variable("id", this.volunteerId).execute()
			.path("volunteer.trained").entity(Boolean.class).isEqualTo(true)
			.path("volunteer.trainings[*].course").entityList(String.class).hasSize(1);

		ApiErrors.expectCode(this.api.as(adminOf("STATION_ADMIN", this.tree.station())).documentName("recordTraining")
			.variable("input", Map.of("volunteerId", this.volunteerId, "course", "未来的培训",
					"completedAt", "2999-01-01T00:00:00Z"))
			.execute(), "BAD_REQUEST");
	}

	/** An admin who is also a volunteer of their station does not record their own training; another admin does. */
	@Test
	void nobodyRecordsTheirOwnTraining() {
		this.fixtures.grant(this.volunteer.userId(), "STATION_ADMIN", this.tree.station());
		Map<String, Object> input = Map.of("volunteerId", this.volunteerId, "course", "岗前培训：志愿服务基础",
				"completedAt", "2026-01-10T02:00:00Z");
		var errors = ApiErrors.expectCode(
				this.api.as(this.volunteer).documentName("recordTraining").variable("input", input).execute(), "FORBIDDEN");
		assertThat(errors.get(0).getMessage()).contains("不能登记本人的培训");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volunteer_training WHERE volunteer_id = ?",
				Integer.class, Long.parseLong(this.volunteerId))).isZero();
		this.api.as(this.volunteer).documentName("myVolunteer").execute()
			.path("myVolunteer.trained").entity(Boolean.class).isEqualTo(false);

		this.api.as(adminOf("INSTITUTE_ADMIN", this.tree.institute())).documentName("recordTraining")
			.variable("input", input).execute()
			.path("recordTraining.trained").entity(Boolean.class).isEqualTo(true);
	}

	/**
	 * Pickers over a county's volunteers (about 470,000) find them by name: a page of the first ones,
	 * by id, hid everyone else. Wildcards are taken literally.
	 */
	@Test
	void adminFindsVolunteersByName() {
		Session admin = adminOf("STATION_ADMIN", this.tree.station());
		String liu = Volunteers.register(this.api.as(this.api.login(Fixtures.unique("liu"))), this.tree.station(), "刘_芳",
				List.of("电路维修"), List.of("CULTURE"));
		String wang = Volunteers.register(this.api.as(this.api.login(Fixtures.unique("wang"))), this.tree.station(), "王小芳",
				List.of("电路维修"), List.of("CULTURE"));
		this.api.as(admin).documentName("volunteersByName").variable("orgUnitId", this.tree.station())
			.variable("search", " 芳 ").execute()
			.path("volunteers.edges[*].node.id").entityList(String.class).containsExactly(liu, wang);
		this.api.as(admin).documentName("volunteersByName").variable("orgUnitId", this.tree.station())
			.variable("search", "_").execute()
			.path("volunteers.edges[*].node.id").entityList(String.class).containsExactly(liu);
		this.api.as(admin).documentName("volunteersByName").variable("orgUnitId", this.tree.station())
			.variable("search", "小芳").execute()
			.path("volunteers.edges[*].node.realName").entityList(String.class).containsExactly("王小芳");
		ApiErrors.expectCode(this.api.as(admin).documentName("volunteersByName").variable("orgUnitId", this.tree.station())
			.variable("search", "长".repeat(31)).execute(), "BAD_REQUEST");
		ApiErrors.expectCode(this.api.as(this.volunteer).documentName("volunteersByName")
			.variable("orgUnitId", this.tree.station()).variable("search", "芳").execute(), "FORBIDDEN");
	}

	/** The console's 培训记录 screen lists who waits for training and who is trained. */
	@Test
	void adminListsVolunteersWaitingForTrainingAndTrained() {
		Session admin = adminOf("STATION_ADMIN", this.tree.station());
		Session second = this.api.login(Fixtures.unique("trained"));
		String trainedId = Volunteers.register(this.api.as(second), this.tree.station());
		this.api.as(admin).documentName("recordTraining")
			.variable("input", Map.of("volunteerId", trainedId, "course", "岗前培训", "completedAt", "2026-01-10T02:00:00Z"))
			.execute()
			.path("recordTraining.trained").entity(Boolean.class).isEqualTo(true);

		this.api.as(admin).documentName("volunteersByTraining").variable("orgUnitId", this.tree.station())
			.variable("trained", false).execute()
			.path("volunteers.edges[*].node.id").entityList(String.class).containsExactly(this.volunteerId)
			.path("volunteers.edges[0].node.userId").entity(String.class).isEqualTo(String.valueOf(this.volunteer.userId()));
		this.api.as(admin).documentName("volunteersByTraining").variable("orgUnitId", this.tree.station())
			.variable("trained", true).execute()
			.path("volunteers.edges[*].node.id").entityList(String.class).containsExactly(trainedId)
			.path("volunteers.edges[0].node.userId").entity(String.class).isEqualTo(String.valueOf(second.userId()));
		this.api.as(admin).documentName("volunteersByTraining").variable("orgUnitId", this.tree.station())
			.execute()
			.path("volunteers.edges[*].node.id").entityList(String.class).containsExactly(this.volunteerId, trainedId);
		ApiErrors.expectCode(this.api.as(this.volunteer).documentName("volunteersByTraining")
			.variable("orgUnitId", this.tree.station()).variable("trained", false).execute(), "FORBIDDEN");
	}

	@Test
	void starComesFromCreditHours() {
		this.jdbc.update("UPDATE volunteer SET credit_hours = 650.5 WHERE id = ?", Long.parseLong(this.volunteerId));
		this.api.as(this.volunteer).documentName("volunteer").variable("id", this.volunteerId).execute()
			.path("volunteer.star").entity(Integer.class).isEqualTo(3)
			.path("volunteer.creditHours").entity(Double.class).isEqualTo(650.5);
		assertThat(StarLevel.of(new java.math.BigDecimal("650.5"))).isEqualTo(3);
	}

}
