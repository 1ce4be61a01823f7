package cn.wenming.practice.notification;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import cn.wenming.practice.testinfra.AfterCommit;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.WechatStub;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Test access to the notification feature for tests of other features: its jobs, its outbox rows
 * and acceptance counts as stored, the consent mutation, and waiting for after-commit sends (they
 * run on another thread).
 */
public final class NotificationProbe {

	/** How long a test waits for an after-commit send before failing. */
	public static final Duration WAIT = Duration.ofSeconds(30);

	private final ApplicationContext context;

	private final JdbcTemplate jdbc;

	private final Api api;

	public NotificationProbe(ApplicationContext context, Api api) {
		this.context = context;
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.api = api;
	}

	/** One stored notification. */
	public record Row(long id, String kind, long userId, String templateId, String page, long objectId,
			String status, int attempts, Integer wxErrcode, String lastError) {
	}

	/** The test profile's template id of a kind (see application-test.yml). */
	public static String template(String kind) {
		return "test-" + kind.toLowerCase().replace('_', '-');
	}

	/** Reports, through the API, that the user accepted each template once per listed kind. */
	public void accept(Session user, String... kinds) {
		List<String> ids = Arrays.stream(kinds).map(NotificationProbe::template).toList();
		this.api.as(user).documentName("recordSubscriptions").variable("templateIds", ids).execute()
			.path("recordSubscriptions.ignoredTemplateIds").entityList(String.class).hasSize(0);
	}

	public int remaining(long userId, String kind) {
		List<Integer> rows = this.jdbc.queryForList(
				"SELECT remaining FROM notification_subscription WHERE user_id = ? AND template_id = ?", Integer.class,
				userId, template(kind));
		return rows.isEmpty() ? 0 : rows.get(0);
	}

	public String openid(long userId) {
		return this.jdbc.queryForObject("SELECT openid FROM app_user WHERE id = ?", String.class, userId);
	}

	/**
	 * The user's rows of the kind, once the after-commit triggers that write rows have run (outside
	 * a transaction; inside one, as that transaction sees them).
	 */
	public List<Row> rows(long userId, String kind) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			AfterCommit.awaitListeners(this.jdbc);
		}
		return this.jdbc.query("""
				SELECT id, kind, user_id, template_id, page, object_id, status, attempts, wx_errcode, last_error
				FROM notification WHERE user_id = ? AND kind = ? ORDER BY id
				""", (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getLong(6), rs.getString(7), rs.getInt(8), (Integer) rs.getObject(9), rs.getString(10)), userId, kind);
	}

	/** The rows of a kind for the user once {@code done} holds for them (after-commit sends are asynchronous). */
	public List<Row> await(long userId, String kind, Predicate<List<Row>> done) {
		return await(() -> rows(userId, kind), done);
	}

	/** Waits until every row of the kind for the user has reached a final status, and returns them. */
	public List<Row> awaitFinal(long userId, String kind, int count) {
		return await(userId, kind, rows -> rows.size() == count && rows.stream().noneMatch(r -> r.status().equals("PENDING")));
	}

	/** The subscribe messages WeChat received for the user. */
	public List<WechatStub.SubscribeMessage> received(long userId) {
		return WechatStub.shared().subscribeMessagesTo(openid(userId));
	}

	public static <T> T await(Supplier<T> read, Predicate<T> done) {
		AtomicReference<T> last = new AtomicReference<>();
		try {
			return Awaitility.await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
				.pollInSameThread()
				.until(() -> {
					last.set(read.get());
					return last.get();
				}, done);
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("Still not as expected after " + WAIT + ": " + last.get());
		}
	}

	/** Runs the retry job's work once (not through its lock). */
	public int runRetryJob() {
		return this.context.getBean(NotificationRetryJob.class).run();
	}

	/** Runs the reminder job's work once (not through its lock). */
	public int runReminderJob() {
		return this.context.getBean(ActivityReminderJob.class).run();
	}

	/** The reminder job as the scheduler calls it, through ShedLock (skipped if another tick holds the lock). */
	public void tickReminderJob() {
		this.context.getBean(ActivityReminderJob.class).tick();
	}

}
