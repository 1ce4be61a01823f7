package cn.wenming.practice.activity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.PublishedEvents;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Hours are credited exactly once even when the organiser's confirmation is sent several times at once. */
@IntegrationTest
class ActivityHoursTest {

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	PublishedEvents events;

	@Test
	void concurrentConfirmationsCreditOnce() throws Exception {
		ActivityScenario s = new ActivityScenario(this.api, new Fixtures(this.jdbc));
		String activityId = s.published(Duration.ofMinutes(30), Duration.ofHours(1), 5);
		Session volunteer = s.volunteer("twice");
		s.signUp(volunteer, activityId);
		s.checkHere("checkIn", volunteer, activityId, s.code(activityId));
		s.move(s.admin, "startActivity", activityId);
		this.clock.shift(Duration.ofHours(2));
		String signUpId = s.checkHere("checkOut", volunteer, activityId, s.code(activityId))
			.path("checkOut.hours").entity(Double.class).isEqualTo(1.0)
			.path("checkOut.id").entity(String.class).get();

		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(pool.submit(() -> {
					go.await();
					return s.api.as(s.admin).documentName("confirmHours").variable("activityId", activityId)
						.variable("signUpIds", List.of(signUpId)).execute()
						.path("confirmHours[0].hoursConfirmed").entity(Boolean.class).get();
				}));
			}
			go.countDown();
			for (Future<Boolean> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT credit_hours FROM volunteer WHERE user_id = ?", Double.class,
				volunteer.userId())).isEqualTo(1.0);
		assertThat(this.events.ofType(HoursConfirmed.class))
			.filteredOn(event -> event.signUpId() == Long.parseLong(signUpId))
			.hasSize(1);
	}

}
