package cn.wenming.practice.activity;

import java.math.BigDecimal;
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
import cn.wenming.practice.testinfra.ApiErrors;
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

	/**
	 * Issue 14: a confirmation racing adjustments of the same sign-ups credits exactly the hours it
	 * confirms. The confirmation reads its sign-ups under a lock, so an adjustment either comes first
	 * (and is confirmed and credited) or waits and is refused (HOURS_ALREADY_CONFIRMED); before, an
	 * adjustment between the confirmation's read and its update left the old hours credited to the
	 * volunteer, the rollup and the points while the sign-up showed the new ones. Several rounds, five
	 * sign-ups each, all requests released at once.
	 */
	@Test
	void aConfirmationRacingAdjustmentsCreditsExactlyTheHoursItConfirms() throws Exception {
		ActivityScenario s = new ActivityScenario(this.api, new Fixtures(this.jdbc));
		ExecutorService pool = Executors.newFixedThreadPool(6);
		int adjustedFirst = 0;
		int refused = 0;
		try {
			for (int round = 0; round < 4; round++) {
				String activityId = s.published(Duration.ofMinutes(30), Duration.ofHours(3), 5);
				List<Session> volunteers = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					Session volunteer = s.volunteer("race");
					volunteers.add(volunteer);
					s.signUp(volunteer, activityId);
					s.checkHere("checkIn", volunteer, activityId, s.code(activityId));
				}
				s.move(s.admin, "startActivity", activityId);
				this.clock.shift(Duration.ofMinutes(120));
				List<String> signUpIds = new ArrayList<>();
				for (Session volunteer : volunteers) {
					signUpIds.add(s.checkHere("checkOut", volunteer, activityId, s.code(activityId))
						.path("checkOut.hours").entity(Double.class).satisfies(hours -> assertThat(hours).isNotEqualTo(2.5))
						.path("checkOut.id").entity(String.class).get());
				}
				CountDownLatch go = new CountDownLatch(1);
				Future<Boolean> confirming = pool.submit(() -> {
					go.await();
					return s.api.as(s.admin).documentName("confirmHours").variable("activityId", activityId)
						.variable("signUpIds", signUpIds).execute()
						.path("confirmHours[*].hoursConfirmed").entityList(Boolean.class).get()
						.stream().allMatch(Boolean::booleanValue);
				});
				List<Future<String>> adjusting = new ArrayList<>();
				for (String signUpId : signUpIds) {
					adjusting.add(pool.submit(() -> {
						go.await();
						return ApiErrors.codeOf(s.api.as(s.admin).documentName("adjustHours")
							.variable("signUpId", signUpId).variable("hours", 2.5).variable("reason", "补登签退")
							.execute());
					}));
				}
				go.countDown();
				assertThat(confirming.get(60, TimeUnit.SECONDS)).isTrue();
				for (Future<String> adjusted : adjusting) {
					String code = adjusted.get(60, TimeUnit.SECONDS);
					assertThat(code).isIn(null, "HOURS_ALREADY_CONFIRMED");
					if (code == null) {
						adjustedFirst++;
					}
					else {
						refused++;
					}
				}
				this.clock.reset();
				for (int i = 0; i < signUpIds.size(); i++) {
					long signUpId = Long.parseLong(signUpIds.get(i));
					long userId = volunteers.get(i).userId();
					BigDecimal confirmed = this.jdbc.queryForObject(
							"SELECT hours FROM activity_sign_up WHERE id = ? AND hours_confirmed_at IS NOT NULL",
							BigDecimal.class, signUpId);
					String context = "sign-up " + signUpId + " confirmed with " + confirmed + " hours";
					assertThat(this.jdbc.queryForObject("SELECT credit_hours FROM volunteer WHERE user_id = ?",
							BigDecimal.class, userId)).as(context).isEqualByComparingTo(confirmed);
					assertThat(this.jdbc.queryForObject("SELECT hours FROM activity_hours_rollup WHERE period = 'ALL' "
							+ "AND subject = 'U' AND subject_id = ?", BigDecimal.class, userId)).as(context)
						.isEqualByComparingTo(confirmed);
					assertThat(this.events.ofType(HoursConfirmed.class))
						.filteredOn(event -> event.signUpId() == signUpId)
						.singleElement()
						.satisfies(event -> assertThat(event.hours()).as(context).isEqualByComparingTo(confirmed));
				}
			}
		}
		finally {
			pool.shutdownNow();
			this.clock.reset();
		}
		assertThat(adjustedFirst + refused).isEqualTo(20);
		System.out.printf("[race] %d adjustments came before the confirmation, %d were refused after it%n",
				adjustedFirst, refused);
	}

}
