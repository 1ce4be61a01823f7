package cn.wenming.practice.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activity and project titles and descriptions are published at once, so they are stored only after
 * WeChat msgSecCheck passed them (the admin's openid): risky → CONTENT_REJECTED, review →
 * CONTENT_NEEDS_REVIEW, WeChat down → UPSTREAM_UNAVAILABLE, nothing stored in each case. An update
 * asks WeChat only about texts that changed.
 */
@IntegrationTest
class CatalogueTextSecurityTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	ActivityScenario s;

	@Test
	void riskyActivityTextsAreRefusedAndNothingIsStored() {
		Instant start = Instant.now().plus(Duration.ofDays(3));
		String title = Fixtures.unique("义诊");
		Map<String, Object> input = this.s.activityInput(start, start.plus(Duration.ofHours(2)), 10);
		input.put("title", title);
		input.put("description", "带 RISKY 的描述");
		ApiErrors.expectCode(this.s.createActivity(this.s.admin, input), "CONTENT_REJECTED");
		input.put("title", title + "RISKY");
		input.put("description", "测血压");
		ApiErrors.expectCode(this.s.createActivity(this.s.admin, input), "CONTENT_REJECTED");
		input.put("title", title + "REVIEW");
		ApiErrors.expectCode(this.s.createActivity(this.s.admin, input), "CONTENT_NEEDS_REVIEW");
		input.put("title", title + "DOWN");
		ApiErrors.expectCode(this.s.createActivity(this.s.admin, input), "UPSTREAM_UNAVAILABLE");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE title LIKE ?", Integer.class,
				title + "%")).isZero();

		input.put("title", title);
		this.s.createActivity(this.s.admin, input).path("createActivity.title").entity(String.class).isEqualTo(title);
	}

	@Test
	void anActivityUpdateChecksOnlyChangedTextsAndARiskyOneChangesNothing() {
		Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
		String id = this.s.draft(start, start.plus(Duration.ofHours(2)), 10);
		String openid = openid(this.s.admin);
		int before = WechatStub.shared().textChecksOf(openid);

		Map<String, Object> same = editable(start, 12);
		updateActivity(id, same).path("updateActivity.capacity").entity(Integer.class).isEqualTo(12);
		assertThat(WechatStub.shared().textChecksOf(openid)).as("nothing to check").isEqualTo(before);

		Map<String, Object> risky = editable(start, 10);
		risky.put("description", "改成 RISKY 描述");
		ApiErrors.expectCode(updateActivity(id, risky), "CONTENT_REJECTED");
		assertThat(WechatStub.shared().textChecksOf(openid)).isEqualTo(before + 1);
		assertThat(this.jdbc.queryForMap("SELECT description, capacity FROM activity WHERE id = ?", Long.valueOf(id)))
			.containsEntry("description", "测血压、血糖")
			.containsEntry("capacity", 12);

		Map<String, Object> retitled = editable(start, 10);
		retitled.put("title", "社区义诊（加场）");
		updateActivity(id, retitled).path("updateActivity.title").entity(String.class).isEqualTo("社区义诊（加场）");
		assertThat(WechatStub.shared().textChecksOf(openid)).isEqualTo(before + 2);
	}

	@Test
	void projectNamesAndDescriptionsAreChecked() {
		String name = Fixtures.unique("健康");
		ApiErrors.expectCode(this.s.createProject(this.s.admin, this.s.tree.station(), name + "RISKY"),
				"CONTENT_REJECTED");
		ApiErrors.expectCode(this.s.createProject(this.s.admin, this.s.tree.station(), name + "REVIEW"),
				"CONTENT_NEEDS_REVIEW");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE name LIKE ?", Integer.class,
				name + "%")).isZero();
		String id = this.s.createProject(this.s.admin, this.s.tree.station(), name).path("createProject.id")
			.entity(String.class).get();

		String openid = openid(this.s.admin);
		int before = WechatStub.shared().textChecksOf(openid);
		updateProject(id, name, "义诊、健康讲座").path("updateProject.name").entity(String.class).isEqualTo(name);
		assertThat(WechatStub.shared().textChecksOf(openid)).as("unchanged texts").isEqualTo(before);

		ApiErrors.expectCode(updateProject(id, name, "RISKY 讲座"), "CONTENT_REJECTED");
		ApiErrors.expectCode(updateProject(id, name + "DOWN", "义诊、健康讲座"), "UPSTREAM_UNAVAILABLE");
		assertThat(this.jdbc.queryForMap("SELECT name, description FROM project WHERE id = ?", Long.valueOf(id)))
			.containsEntry("name", name)
			.containsEntry("description", "义诊、健康讲座");

		updateProject(id, name + "二期", "义诊、健康讲座").path("updateProject.name").entity(String.class)
			.isEqualTo(name + "二期");
		assertThat(WechatStub.shared().textChecksOf(openid)).isEqualTo(before + 3);
	}

	private String openid(Session session) {
		return this.jdbc.queryForObject("SELECT openid FROM app_user WHERE id = ?", String.class, session.userId());
	}

	private Map<String, Object> editable(Instant start, int capacity) {
		Map<String, Object> input = this.s.activityInput(start, start.plus(Duration.ofHours(2)), capacity);
		input.remove("projectId");
		return input;
	}

	private GraphQlTester.Response updateActivity(String id, Map<String, Object> input) {
		return this.s.api.as(this.s.admin).documentName("updateActivity").variable("id", id).variable("input", input)
			.execute();
	}

	private GraphQlTester.Response updateProject(String id, String name, String description) {
		return this.s.api.as(this.s.admin).documentName("updateProject").variable("id", id)
			.variable("input", Map.of("name", name, "category", "HEALTH_SPORTS", "description", description,
					"brand", false))
			.execute();
	}

}
