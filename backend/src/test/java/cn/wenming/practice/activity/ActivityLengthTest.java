package cn.wenming.practice.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An activity longer than {@code app.activity.max-duration} (12 h) is refused at creation and when
 * rescheduled (ACTIVITY_TOO_LONG): its length caps what one check-in/check-out pair can earn, so a
 * "three-day activity" would credit 72 hours for two taps.
 */
@IntegrationTest
class ActivityLengthTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	ActivityScenario s;

	@Test
	void anActivityOverTheMaximumIsRefusedAtCreationAndUpdate() {
		Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
		int before = activities();
		ApiErrors.expectCode(create(start, Duration.ofDays(3)), "ACTIVITY_TOO_LONG");
		ApiErrors.expectCode(create(start, Duration.ofHours(12).plusMinutes(1)), "ACTIVITY_TOO_LONG");
		assertThat(activities()).isEqualTo(before);

		// Exactly the maximum is allowed.
		String id = create(start, Duration.ofHours(12)).path("createActivity.id").entity(String.class).get();

		// Stretching it afterwards is refused too, draft or published; the activity stays as it was.
		ApiErrors.expectCode(update(id, start, Duration.ofHours(13)), "ACTIVITY_TOO_LONG");
		this.s.move(this.s.admin, "publishActivity", id).path("publishActivity.status").entity(String.class)
			.isEqualTo("PUBLISHED");
		ApiErrors.expectCode(update(id, start.minus(Duration.ofDays(1)), Duration.ofHours(36)), "ACTIVITY_TOO_LONG");
		assertThat(this.jdbc.queryForObject("SELECT TIMESTAMPDIFF(HOUR, starts_at, ends_at) FROM activity WHERE id = ?",
				Integer.class, Long.valueOf(id))).isEqualTo(12);
		update(id, start, Duration.ofHours(8)).path("updateActivity.endsAt").entity(Instant.class)
			.isEqualTo(start.plus(Duration.ofHours(8)));
	}

	private GraphQlTester.Response create(Instant start, Duration length) {
		return this.s.createActivity(this.s.admin, this.s.activityInput(start, start.plus(length), 10));
	}

	private GraphQlTester.Response update(String id, Instant start, Duration length) {
		Map<String, Object> input = this.s.activityInput(start, start.plus(length), 10);
		input.remove("projectId");
		return this.s.api.as(this.s.admin).documentName("updateActivity").variable("id", id).variable("input", input)
			.execute();
	}

	private int activities() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE project_id = ?", Integer.class,
				Long.valueOf(this.s.projectId));
	}

}
