package cn.wenming.practice.activity;

import java.time.Duration;
import java.util.List;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.notification.NotificationProbe;
import cn.wenming.practice.notification.NotificationProbe.Row;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub.SubscribeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribe messages about activities: a cancellation reaches everyone signed up or waiting (not
 * those who withdrew), a promotion from the waitlist reaches the promoted volunteer, and the 24 h
 * reminder job reminds each confirmed sign-up once, however often it runs, and never a cancelled one.
 */
@IntegrationTest
class ActivityNotificationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Scenario
	ActivityScenario s;

	NotificationProbe probe;

	@BeforeEach
	void setUp() {
		this.probe = new NotificationProbe(this.context, this.s.api);
	}

	@Test
	void cancellingAnActivityTellsEveryoneSignedUpOrWaiting() {
		String id = this.s.published(Duration.ofDays(3), Duration.ofHours(2), 2);
		Session a = volunteer("a", "ACTIVITY_CANCELLED");
		Session b = volunteer("b", "ACTIVITY_CANCELLED");
		Session waiting = volunteer("c", "ACTIVITY_CANCELLED");
		Session withdrawn = volunteer("d", "ACTIVITY_CANCELLED");
		this.s.signUp(a, id).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.signUp(b, id).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.signUp(waiting, id).path("signUp.status").entity(String.class).isEqualTo("WAITLISTED");
		this.s.signUp(withdrawn, id).path("signUp.status").entity(String.class).isEqualTo("WAITLISTED");
		this.s.api.as(withdrawn).documentName("cancelSignUp").variable("activityId", id).execute()
			.path("cancelSignUp.status").entity(String.class).isEqualTo("CANCELLED");

		this.s.move(this.s.admin, "cancelActivity", id).path("cancelActivity.status").entity(String.class)
			.isEqualTo("CANCELLED");

		for (Session told : List.of(a, b, waiting)) {
			SubscribeMessage message = sentOnce(told, "ACTIVITY_CANCELLED", id);
			assertThat(message.page()).isEqualTo("pages/activity/activity?id=" + id + "&source=subscribe");
			assertThat(message.data()).containsEntry("thing1", "社区义诊").containsEntry("thing3", "活动已取消");
		}
		assertThat(this.probe.rows(withdrawn.userId(), "ACTIVITY_CANCELLED")).isEmpty();
		assertThat(this.probe.rows(this.s.admin.userId(), "ACTIVITY_CANCELLED")).isEmpty();
	}

	@Test
	void aPlaceFreedByCancellationTellsThePromotedVolunteer() {
		String id = this.s.published(Duration.ofDays(3), Duration.ofHours(2), 1);
		Session first = volunteer("first", "WAITLIST_PROMOTED");
		Session second = volunteer("second", "WAITLIST_PROMOTED");
		Session third = volunteer("third", "WAITLIST_PROMOTED");
		this.s.signUp(first, id).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.signUp(second, id).path("signUp.status").entity(String.class).isEqualTo("WAITLISTED");
		this.s.signUp(third, id).path("signUp.status").entity(String.class).isEqualTo("WAITLISTED");

		this.s.api.as(first).documentName("cancelSignUp").variable("activityId", id).execute()
			.path("cancelSignUp.status").entity(String.class).isEqualTo("CANCELLED");

		SubscribeMessage message = sentOnce(second, "WAITLIST_PROMOTED", id);
		assertThat(message.page()).isEqualTo("pages/activity/activity?id=" + id + "&source=subscribe");
		assertThat(message.data()).containsEntry("thing3", "候补成功，已为您确认名额").containsKey("time2");
		assertThat(this.probe.rows(first.userId(), "WAITLIST_PROMOTED")).isEmpty();
		assertThat(this.probe.rows(third.userId(), "WAITLIST_PROMOTED")).isEmpty();
	}

	@Test
	void theReminderJobRemindsEachConfirmedSignUpOnceWithinADayOfTheStart() {
		String id = this.s.published(Duration.ofHours(30), Duration.ofHours(2), 2);
		Session a = volunteer("a", "ACTIVITY_REMINDER");
		Session b = volunteer("b", "ACTIVITY_REMINDER");
		Session cancelled = volunteer("c", "ACTIVITY_REMINDER");
		Session waiting = volunteer("w", "ACTIVITY_REMINDER");
		this.s.signUp(a, id).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.signUp(cancelled, id).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.api.as(cancelled).documentName("cancelSignUp").variable("activityId", id).execute()
			.path("cancelSignUp.status").entity(String.class).isEqualTo("CANCELLED");
		this.s.signUp(b, id).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.signUp(waiting, id).path("signUp.status").entity(String.class).isEqualTo("WAITLISTED");

		// 30 h before the start: too early.
		this.probe.runReminderJob();
		assertThat(this.probe.rows(a.userId(), "ACTIVITY_REMINDER")).isEmpty();

		// 23 h before the start.
		this.clock.shift(Duration.ofHours(7));
		this.probe.runReminderJob();
		for (Session confirmed : List.of(a, b)) {
			SubscribeMessage message = sentOnce(confirmed, "ACTIVITY_REMINDER", id);
			assertThat(message.page()).isEqualTo("pages/activity/activity?id=" + id + "&source=subscribe");
			assertThat(message.data()).containsEntry("thing1", "社区义诊").containsEntry("thing3", "新街道卫生服务站");
		}

		// Again, and through the scheduler's lock: nothing new for anyone.
		this.probe.runReminderJob();
		this.clock.shift(Duration.ofHours(1));
		this.probe.runReminderJob();
		this.probe.tickReminderJob();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM shedlock WHERE name = 'notification-activity-reminders'",
				Integer.class)).as("the scheduled entry point runs under ShedLock").isEqualTo(1);
		for (Session confirmed : List.of(a, b)) {
			assertThat(this.probe.rows(confirmed.userId(), "ACTIVITY_REMINDER")).hasSize(1);
			assertThat(this.probe.received(confirmed.userId())).hasSize(1);
		}
		assertThat(this.probe.rows(cancelled.userId(), "ACTIVITY_REMINDER")).isEmpty();
		assertThat(this.probe.rows(waiting.userId(), "ACTIVITY_REMINDER")).isEmpty();
		assertThat(this.probe.received(cancelled.userId())).isEmpty();
	}

	/** A volunteer of the scenario who accepted the kind's template once. */
	private Session volunteer(String prefix, String kind) {
		Session session = this.s.volunteer(prefix);
		this.probe.accept(session, kind);
		return session;
	}

	private SubscribeMessage sentOnce(Session user, String kind, String activityId) {
		List<Row> rows = this.probe.await(user.userId(), kind,
				found -> found.size() == 1 && !found.get(0).status().equals("PENDING"));
		assertThat(rows.get(0).status()).isEqualTo("SENT");
		assertThat(rows.get(0).objectId()).isEqualTo(Long.parseLong(activityId));
		List<SubscribeMessage> received = this.probe.received(user.userId());
		assertThat(received).hasSize(1);
		assertThat(received.get(0).templateId()).isEqualTo(NotificationProbe.template(kind));
		return received.get(0);
	}

}
