package cn.wenming.practice.activity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A page of activities with nested project, unit, skills and the caller's sign-up costs the same for 5 and 50. */
@IntegrationTest
class ActivityStatementCountTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlCounter counter;

	@Test
	void activitiesWithNestedFieldsCostAFixedNumberOfStatements(@Scenario ActivityScenario s) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			ids.add(s.published(Duration.ofDays(1 + i), Duration.ofHours(2), 10));
		}
		Session volunteer = s.volunteer("counted");
		for (int i = 0; i < 50; i += 7) {
			s.signUp(volunteer, ids.get(i));
		}
		Map<String, Object> filter = Map.of("orgUnitId", Long.toString(s.tree.station()));

		var five = this.counter.measure(() -> s.api.as(volunteer).documentName("activitiesStatementCount")
			.variable("filter", filter).variable("first", 5).execute()
			.path("activities.edges").entityList(Object.class).hasSize(5).get());
		var fifty = this.counter.measure(() -> s.api.as(volunteer).documentName("activitiesStatementCount")
			.variable("filter", filter).variable("first", 50).execute()
			.path("activities.edges[*].node.mySignUp.status").entityList(String.class).hasSize(8).get());

		assertThat(fifty.count()).as(String.join("\n", fifty.statements())).isEqualTo(five.count());
		assertThat(five.count()).as(String.join("\n", five.statements())).isLessThanOrEqualTo(10);
	}

}
