package cn.wenming.practice.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.shared.DeadlockRetry;
import cn.wenming.practice.shared.OpsMetrics;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows through WxJava, never inside a business transaction. One attempt:
 * <ol>
 * <li>in a short transaction, claim the row (a guarded UPDATE pushing {@code next_attempt_at} to
 * the end of a lease, so exactly one sender has it) and, the first time, take one of the user's
 * acceptances of the template (a guarded {@code remaining > 0} UPDATE; none left → SKIPPED, nothing
 * sent). The row keeps that acceptance across retries;</li>
 * <li>call WeChat outside any transaction;</li>
 * <li>record the outcome: SENT; 43101 → REFUSED and the user's count for the template reset to 0;
 * a transient failure (unreachable, 5xx, busy, quota) → another attempt after a doubling backoff,
 * until {@code max-attempts}; a permanent WeChat refusal or the last failed attempt → FAILED, and
 * the acceptance is given back (WeChat delivered nothing, so the user still has it).</li>
 * </ol>
 * Only ids, kinds and WeChat's numeric codes are logged: WxJava's exception texts may carry URLs
 * with the access token.
 */
@Component
class NotificationSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	/** 43101: the user refused, or has no acceptance left on WeChat's side. */
	static final int WX_NOT_SUBSCRIBED = 43101;

	/** Codes worth another attempt: busy, quotas and frequency limits, token trouble. */
	private static final Set<Integer> TRANSIENT = Set.of(-1, 45009, 45011, 40001, 40014, 42001);

	/** What one call of {@link #send(long)} did. */
	enum Outcome {

		/** Not due, already final, or held by another sender: nothing done. */
		NOT_DUE, SENT, SKIPPED, REFUSED, RETRY, FAILED

	}

	private final NotificationMapper notifications;

	private final SubscriptionMapper subscriptions;

	private final NotificationProperties properties;

	private final AccessControl access;

	private final WxMaService wechat;

	private final TransactionTemplate tx;

	private final Clock clock;

	/**
	 * After-commit sends run here, off the request thread. Bounded: when it is full, rows stay
	 * PENDING and the retry job sends them.
	 */
	private final ThreadPoolExecutor executor;

	NotificationSender(NotificationMapper notifications, SubscriptionMapper subscriptions,
			NotificationProperties properties, AccessControl access, WxMaService wechat, TransactionTemplate tx,
			Clock clock) {
		this.notifications = notifications;
		this.subscriptions = subscriptions;
		this.properties = properties;
		this.access = access;
		this.wechat = wechat;
		this.tx = tx;
		this.clock = clock;
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2_000), task -> {
			Thread thread = new Thread(task, "notification-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}, new ThreadPoolExecutor.AbortPolicy());
		this.executor.allowCoreThreadTimeOut(true);
	}

	/** Sends the rows soon, on another thread; called once their transaction has committed. */
	void sendLater(List<Long> ids) {
		try {
			this.executor.execute(() -> ids.forEach(this::sendQuietly));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Notification queue full; {} notifications left to the retry job", ids.size());
		}
	}

	/** Sends every row that is due (first attempts whose after-commit send was lost, and retries). */
	int sendDue(int max) {
		int done = 0;
		while (done < max) {
			List<Long> due = this.notifications.due(this.clock.instant(), Math.min(100, max - done));
			if (due.isEmpty()) {
				break;
			}
			for (Long id : due) {
				sendQuietly(id);
				done++;
			}
		}
		return done;
	}

	private void sendQuietly(long id) {
		try {
			send(id);
		}
		catch (RuntimeException ex) {
			// The row stays PENDING until its lease ends; the retry job takes it from there.
			log.error("Notification {} could not be processed", id, ex);
		}
	}

	/** One attempt at one row, if it is due and no other sender holds it. */
	Outcome send(long id) {
		Outcome outcome = attempt(id);
		if (outcome != Outcome.NOT_DUE) {
			OpsMetrics.notificationSend(outcome.name());
		}
		return outcome;
	}

	private Outcome attempt(long id) {
		Instant now = this.clock.instant();
		Notification row = retryingDeadlocks(id, () -> this.tx.execute(status -> claim(id, now)));
		if (row == null) {
			return Outcome.NOT_DUE;
		}
		if (row.getStatus() == NotificationStatus.SKIPPED) {
			return Outcome.SKIPPED;
		}
		String openid = this.access.openidOf(row.getUserId());
		if (openid == null) {
			giveUp(row, NotificationStatus.SKIPPED, null, "no openid");
			return Outcome.SKIPPED;
		}
		try {
			this.wechat.getMsgService().sendSubscribeMsg(message(row, openid));
		}
		catch (WxErrorException ex) {
			int code = (ex.getError() != null) ? ex.getError().getErrorCode() : Integer.MIN_VALUE;
			OpsMetrics.wechatError("sendSubscribeMsg", code);
			if (code == WX_NOT_SUBSCRIBED) {
				log.info("Notification {} ({}) refused by WeChat: 43101", id, row.getKind());
				retryingDeadlocks(id, () -> this.tx.execute(status -> {
					this.subscriptions.reset(row.getUserId(), row.getTemplateId(), this.clock.instant());
					return finish(row, NotificationStatus.REFUSED, code, "43101 user not subscribed");
				}));
				return Outcome.REFUSED;
			}
			if (TRANSIENT.contains(code)) {
				return failed(row, code, "errcode " + code);
			}
			log.warn("Notification {} ({}) refused by WeChat: errcode {}", id, row.getKind(), code);
			giveUp(row, NotificationStatus.FAILED, code, "errcode " + code);
			return Outcome.FAILED;
		}
		catch (RuntimeException ex) {
			return failed(row, null, ex.getClass().getSimpleName());
		}
		// Outside the try: WeChat has delivered it, so a failure to record that must not count as a
		// failed send (it would be sent again once the lease ends).
		retryingDeadlocks(id, () -> finish(row, NotificationStatus.SENT, null, null));
		return Outcome.SENT;
	}

	/**
	 * Concurrent senders of one row (the after-commit sender, the retry job, other instances) can
	 * deadlock on the row's secondary index entries; the victim runs again.
	 */
	private <T> T retryingDeadlocks(long id, Supplier<T> work) {
		return DeadlockRetry.run(5, log, "Notification " + id, work);
	}

	/** Claims the row and, on its first attempt, takes an acceptance; null if not due or held elsewhere. */
	private Notification claim(long id, Instant now) {
		if (this.notifications.claim(id, now, now.plus(this.properties.sendLease())) == 0) {
			return null;
		}
		Notification row = this.notifications.selectById(id);
		if (!Boolean.TRUE.equals(row.getAcceptanceTaken())) {
			if (this.subscriptions.consume(row.getUserId(), row.getTemplateId(), now) == 0) {
				this.notifications.finish(id, NotificationStatus.SKIPPED, null, "no acceptance", null, now);
				row.setStatus(NotificationStatus.SKIPPED);
				return row;
			}
			this.notifications.markAcceptanceTaken(id);
			row.setAcceptanceTaken(true);
		}
		return row;
	}

	/** A transient failure: another attempt after the backoff, or FAILED after the last one. */
	private Outcome failed(Notification row, Integer code, String error) {
		int attempts = row.getAttempts();
		if (attempts >= this.properties.maxAttempts()) {
			log.warn("Notification {} ({}) failed {} times, giving up: {}", row.getId(), row.getKind(), attempts, error);
			giveUp(row, NotificationStatus.FAILED, code, error);
			return Outcome.FAILED;
		}
		Instant now = this.clock.instant();
		retryingDeadlocks(row.getId(),
				() -> this.notifications.retryAt(row.getId(), now.plus(backoff(attempts)), code, error, now));
		log.info("Notification {} ({}) attempt {} failed ({}), will retry", row.getId(), row.getKind(), attempts, error);
		return Outcome.RETRY;
	}

	/** The wait after the n-th failed attempt: retry-backoff × 2^(n-1), at most max-backoff. */
	Duration backoff(int failedAttempts) {
		Duration wait = this.properties.retryBackoff().multipliedBy(1L << Math.min(20, Math.max(0, failedAttempts - 1)));
		return (wait.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : wait;
	}

	/** Ends the row unsent and gives its acceptance back (WeChat delivered nothing, so the user still has it). */
	private void giveUp(Notification row, NotificationStatus status, Integer code, String error) {
		retryingDeadlocks(row.getId(), () -> this.tx.execute(tx -> {
			int finished = finish(row, status, code, error);
			if (finished == 1 && Boolean.TRUE.equals(row.getAcceptanceTaken())) {
				this.subscriptions.refund(row.getUserId(), row.getTemplateId(), this.clock.instant());
			}
			return finished;
		}));
	}

	private int finish(Notification row, NotificationStatus status, Integer code, String error) {
		Instant now = this.clock.instant();
		return this.notifications.finish(row.getId(), status, code, error, (status == NotificationStatus.SENT) ? now : null,
				now);
	}

	private WxMaSubscribeMessage message(Notification row, String openid) {
		WxMaSubscribeMessage message = new WxMaSubscribeMessage();
		message.setToUser(openid);
		message.setTemplateId(row.getTemplateId());
		message.setPage(row.getPage());
		message.setMiniprogramState(this.properties.miniprogramState());
		message.setLang(this.properties.lang());
		NotificationOutbox.data(row).forEach((key, value) -> message.addData(new WxMaSubscribeMessage.MsgData(key, value)));
		return message;
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
