package cn.wenming.practice.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

/** Issue 17: a new activity starts in the future, and sign-up closes by its start. */
@IntegrationTest
class ActivityTimesTest {

	@Scenario
	ActivityScenario s;

	@Test
	void aStartInThePastIsRefused() {
		Instant start = Instant.now().minus(Duration.ofMinutes(30));
		ApiErrors.expectCode(this.s.createActivity(this.s.admin, this.s.activityInput(start, start.plus(Duration.ofHours(2)), 5)),
				"ACTIVITY_START_IN_PAST");
	}

	@Test
	void aSignUpDeadlineAfterTheStartIsRefusedAndOneBeforeItIsKept() {
		Instant start = Instant.now().plus(Duration.ofDays(1));
		Map<String, Object> late = this.s.activityInput(start, start.plus(Duration.ofHours(4)), 5);
		late.put("signUpDeadline", start.plus(Duration.ofHours(1)).toString());
		ApiErrors.expectCode(this.s.createActivity(this.s.admin, late), "SIGN_UP_DEADLINE_AFTER_START");

		Map<String, Object> early = this.s.activityInput(start, start.plus(Duration.ofHours(4)), 5);
		early.put("signUpDeadline", start.minus(Duration.ofHours(2)).toString());
		this.s.createActivity(this.s.admin, early).path("createActivity.id").entity(String.class).get();
	}

}
