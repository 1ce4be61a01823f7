package cn.wenming.practice.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.notification.NotificationSender.Outcome;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Race;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import cn.wenming.practice.testinfra.WechatStub.SubscribeAnswer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consent accounting: each reported acceptance allows exactly one send, also under concurrency; no
 * acceptance, no send (SKIPPED); WeChat's 43101 is recorded and resets the count; only configured
 * template ids count.
 */
@IntegrationTest
class SubscriptionConsentTest {

	private static final String KIND = "NEED_PUBLISHED";

	private static final String TEMPLATE = "test-need-published";

	@Autowired
	ApplicationContext context;

	@Autowired
	NotificationOutbox outbox;

	@Autowired
	NotificationSender sender;

	@Autowired
	NotificationMapper notifications;

	@Scenario
	Api api;

	NotificationProbe probe;

	@BeforeEach
	void setUp() {
		this.probe = new NotificationProbe(this.context, this.api);
	}

	@Test
	void twoAcceptancesAllowTwoSendsAndTheThirdIsSkipped() {
		Session user = this.api.login(Fixtures.unique("consent"));
		this.probe.accept(user, KIND);
		this.probe.accept(user, KIND);
		assertThat(this.probe.remaining(user.userId(), KIND)).isEqualTo(2);

		this.outbox.enqueue(List.of(message(user, 101), message(user, 102), message(user, 103)));

		List<NotificationProbe.Row> rows = this.probe.awaitFinal(user.userId(), KIND, 3);
		assertThat(rows).extracting(NotificationProbe.Row::status).containsExactly("SENT", "SENT", "SKIPPED");
		assertThat(this.probe.remaining(user.userId(), KIND)).isZero();
		List<WechatStub.SubscribeMessage> received = this.probe.received(user.userId());
		assertThat(received).hasSize(2).allSatisfy(m -> {
			assertThat(m.templateId()).isEqualTo(TEMPLATE);
			assertThat(m.data()).containsEntry("phrase2", "已发布");
		});
		assertThat(received).extracting(WechatStub.SubscribeMessage::page)
			.containsExactly("pages/need/need?id=101", "pages/need/need?id=102");
		this.api.as(user).documentName("mySubscriptions").execute()
			.path("mySubscriptions[?(@.templateId == '" + TEMPLATE + "')].remaining").entityList(Integer.class)
			.containsExactly(0);
	}

	/**
	 * One prompt's acceptances count once: the report sent again with the prompt's key after its answer
	 * was lost (the client's retry of a 503 whose commit went through), or ten times at once, adds
	 * nothing more; the key with other templates is refused; another user's same key is theirs; a
	 * report without a key (an older mini-program) counts each time, as before.
	 */
	@Test
	void aReportSentAgainWithItsPromptKeyCountsOnce() throws Exception {
		Session user = this.api.login(Fixtures.unique("prompt"));
		String key = Fixtures.unique("prompt-key-");
		String document = """
				mutation($templateIds: [String!]!, $key: String) {
				  recordSubscriptions(templateIds: $templateIds, idempotencyKey: $key) {
				    balances { templateId remaining } ignoredTemplateIds } }""";
		List<String> accepted = List.of(TEMPLATE, "test-need-completed");
		// The answer of the first report is lost: the client sends it again.
		this.api.as(user).document(document).variable("templateIds", accepted).variable("key", key).execute();
		this.api.as(user).document(document).variable("templateIds", accepted).variable("key", key).execute()
			.path("recordSubscriptions.balances[?(@.templateId == '" + TEMPLATE + "')].remaining")
			.entityList(Integer.class).containsExactly(1);
		Race.times(10, () -> this.api.as(user).document(document).variable("templateIds", accepted)
			.variable("key", key).execute()
			.path("recordSubscriptions.balances[?(@.templateId == '" + TEMPLATE + "')].remaining")
			.entityList(Integer.class).containsExactly(1));
		assertThat(this.probe.remaining(user.userId(), KIND)).isEqualTo(1);
		assertThat(this.probe.remaining(user.userId(), "NEED_COMPLETED")).isEqualTo(1);

		ApiErrors.expectCode(this.api.as(user).document(document).variable("templateIds", List.of(TEMPLATE))
			.variable("key", key).execute(), "IDEMPOTENCY_KEY_REUSED");
		assertThat(this.probe.remaining(user.userId(), KIND)).isEqualTo(1);

		Session other = this.api.login(Fixtures.unique("prompt-other"));
		this.api.as(other).document(document).variable("templateIds", accepted).variable("key", key).execute();
		assertThat(this.probe.remaining(other.userId(), KIND)).isEqualTo(1);

		this.probe.accept(user, KIND);
		this.probe.accept(user, KIND);
		assertThat(this.probe.remaining(user.userId(), KIND)).isEqualTo(3);
	}

	@Test
	void concurrentSendsOnOneAcceptanceSendExactlyOnce() throws Exception {
		Session user = this.api.login(Fixtures.unique("race"));
		this.probe.accept(user, KIND);
		int senders = 40;
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < senders; i++) {
			ids.add(insertPending(user.userId(), 1_000 + i));
		}

		List<Outcome> outcomes = concurrently(senders, i -> this.sender.send(ids.get(i)));

		assertThat(outcomes).filteredOn(o -> o == Outcome.SENT).hasSize(1);
		assertThat(outcomes).filteredOn(o -> o == Outcome.SKIPPED).hasSize(senders - 1);
		assertThat(this.probe.received(user.userId())).hasSize(1);
		assertThat(this.probe.remaining(user.userId(), KIND)).isZero();
		assertThat(this.probe.rows(user.userId(), KIND)).extracting(NotificationProbe.Row::status)
			.containsOnly("SENT", "SKIPPED");
	}

	@Test
	void oneNotificationSentByManySendersAtOnceGoesOutOnceAndTakesOneAcceptance() throws Exception {
		Session user = this.api.login(Fixtures.unique("claim"));
		for (int i = 0; i < 3; i++) {
			this.probe.accept(user, KIND);
		}
		long id = insertPending(user.userId(), 7);

		List<Outcome> outcomes = concurrently(20, i -> this.sender.send(id));

		assertThat(outcomes).filteredOn(o -> o == Outcome.SENT).hasSize(1);
		assertThat(outcomes).filteredOn(o -> o == Outcome.NOT_DUE).hasSize(19);
		assertThat(this.probe.received(user.userId())).hasSize(1);
		assertThat(this.probe.remaining(user.userId(), KIND)).isEqualTo(2);
		// Recorded as sent, not left for another attempt (which would send it twice).
		assertThat(this.probe.awaitFinal(user.userId(), KIND, 1)).extracting(NotificationProbe.Row::status)
			.containsExactly("SENT");
	}

	@Test
	void notSubscribedAnswerIsRecordedAndResetsTheCount() {
		Session user = this.api.login(Fixtures.unique("refuser"));
		for (int i = 0; i < 3; i++) {
			this.probe.accept(user, KIND);
		}
		String openid = this.probe.openid(user.userId());
		WechatStub.shared().answerSubscribe(openid, SubscribeAnswer.NOT_SUBSCRIBED);
		try {
			this.outbox.enqueue(List.of(message(user, 201)));
			List<NotificationProbe.Row> rows = this.probe.awaitFinal(user.userId(), KIND, 1);
			assertThat(rows.get(0).status()).isEqualTo("REFUSED");
			assertThat(rows.get(0).wxErrcode()).isEqualTo(43101);
			// We counted 3, WeChat says there are none: ours was wrong, so it is reset, not just decremented.
			assertThat(this.probe.remaining(user.userId(), KIND)).isZero();
		}
		finally {
			WechatStub.shared().answerSubscribe(openid, SubscribeAnswer.OK);
		}
		this.outbox.enqueue(List.of(message(user, 202)));
		assertThat(this.probe.awaitFinal(user.userId(), KIND, 2)).extracting(NotificationProbe.Row::status)
			.containsExactly("REFUSED", "SKIPPED");
		assertThat(this.probe.received(user.userId())).hasSize(1);
	}

	@Test
	void withoutAnyAcceptanceNothingIsSent() {
		Session user = this.api.login(Fixtures.unique("silent"));
		this.outbox.enqueue(List.of(message(user, 301)));
		assertThat(this.probe.awaitFinal(user.userId(), KIND, 1)).extracting(NotificationProbe.Row::status)
			.containsExactly("SKIPPED");
		assertThat(this.probe.received(user.userId())).isEmpty();
	}

	@Test
	void onlyConfiguredTemplatesCountAndARepeatInOneReportCountsOnce() {
		Session user = this.api.login(Fixtures.unique("report"));
		this.api.as(user).documentName("recordSubscriptions")
			.variable("templateIds", List.of(TEMPLATE, "someone-elses-template", TEMPLATE))
			.execute()
			.path("recordSubscriptions.ignoredTemplateIds").entityList(String.class).containsExactly("someone-elses-template")
			.path("recordSubscriptions.balances[?(@.templateId == '" + TEMPLATE + "')].remaining")
			.entityList(Integer.class).containsExactly(1)
			.path("recordSubscriptions.balances[?(@.templateId == '" + TEMPLATE + "')].kinds[0]")
			.entityList(String.class).containsExactly(KIND)
			.path("recordSubscriptions.balances").entityList(Object.class).hasSize(11);
		assertThat(this.probe.remaining(user.userId(), KIND)).isEqualTo(1);
		assertThat(countRows("SELECT COUNT(*) FROM notification_subscription WHERE user_id = ?", user.userId()))
			.isEqualTo(1);

		this.api.anonymous().documentName("subscriptionTemplates").execute()
			.path("subscriptionTemplates[?(@.kind == 'ACTIVITY_REMINDER')].templateId").entityList(String.class)
			.containsExactly("test-activity-reminder");
		ApiErrors.expectCode(this.api.anonymous().documentName("recordSubscriptions")
			.variable("templateIds", List.of(TEMPLATE)).execute(), "UNAUTHENTICATED");
		ApiErrors.expectCode(this.api.as(user).documentName("recordSubscriptions")
			.variable("templateIds", List.of(" ")).execute(), "BAD_REQUEST");
		ApiErrors.expectCode(this.api.as(user).documentName("recordSubscriptions")
			.variable("templateIds", java.util.Collections.nCopies(21, TEMPLATE)).execute(), "BAD_REQUEST");
		assertThat(this.probe.remaining(user.userId(), KIND)).isEqualTo(1);
	}

	@Test
	void retriesBackOffDoublingUpToTheCap() {
		assertThat(this.sender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.sender.backoff(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.sender.backoff(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(this.sender.backoff(30)).isEqualTo(Duration.ofHours(1));
	}

	private NotificationOutbox.Message message(Session user, long needId) {
		return new NotificationOutbox.Message(NotificationKind.NEED_PUBLISHED, user.userId(), needId,
				Map.of("id", Long.toString(needId), "title", "换灯泡", "time", "2026-11-23 10:00"), null);
	}

	/** A due row written straight to the outbox, so that only the test's threads send it. */
	private long insertPending(long userId, long needId) {
		Notification row = new Notification();
		Instant now = Instant.now().minusSeconds(1);
		row.setKind(NotificationKind.NEED_PUBLISHED);
		row.setUserId(userId);
		row.setTemplateId(TEMPLATE);
		row.setPage("pages/need/detail?id=" + needId);
		row.setDataJson("{\"thing1\":\"换灯泡\"}");
		row.setObjectId(needId);
		row.setStatus(NotificationStatus.PENDING);
		row.setAttempts(0);
		row.setAcceptanceTaken(false);
		row.setNextAttemptAt(now);
		row.setCreatedAt(now);
		row.setUpdatedAt(now);
		this.notifications.insert(row);
		return row.getId();
	}

	private int countRows(String sql, Object... args) {
		return this.context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(sql, Integer.class,
				args);
	}

	private static <T> List<T> concurrently(int threads, java.util.function.IntFunction<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return task.apply(n);
				}));
			}
			ready.await();
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
