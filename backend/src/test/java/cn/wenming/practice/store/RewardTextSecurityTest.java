package cn.wenming.practice.store;

import java.util.HashMap;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.points.PointsScenario;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A reward's name is shown in the store at once: it is stored only after msgSecCheck passed it. */
@IntegrationTest
class RewardTextSecurityTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	PointsScenario s;

	@Test
	void riskyRewardNamesAreRefusedAndNothingIsStored() {
		String name = Fixtures.unique("大米");
		ApiErrors.expectCode(create(name + "RISKY"), "CONTENT_REJECTED");
		ApiErrors.expectCode(create(name + "REVIEW"), "CONTENT_NEEDS_REVIEW");
		ApiErrors.expectCode(create(name + "DOWN"), "UPSTREAM_UNAVAILABLE");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM reward WHERE name LIKE ?", Integer.class,
				name + "%")).isZero();

		create(name).path("createReward.name").entity(String.class).isEqualTo(name);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM reward WHERE name LIKE ?", Integer.class,
				name + "%")).isOne();
	}

	private GraphQlTester.Response create(String name) {
		Map<String, Object> input = new HashMap<>();
		input.put("stationId", Long.toString(this.s.tree.station()));
		input.put("name", name);
		input.put("pictureUrl", "https://img.example.cn/rice.png");
		input.put("kind", "GOODS");
		input.put("pricePoints", 10);
		input.put("stock", 5);
		input.put("perPersonLimit", 1);
		return this.s.api.as(this.s.admin).documentName("createReward").variable("input", input).execute();
	}

}
