package cn.wenming.practice.need;

import java.time.Duration;
import java.util.List;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.notification.NotificationProbe;
import cn.wenming.practice.notification.NotificationProbe.Row;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Prometheus;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import cn.wenming.practice.testinfra.WechatStub.SubscribeAnswer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.wenming.practice.testinfra.Prometheus.delta;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the escalation and notification counters operators alert on
 * ({@code app_need_escalations_total}, {@code app_notification_sends_total}) move when the real
 * paths run: the scheduled {@link NeedDeadlineJob} (called through its Spring proxy, so its
 * ShedLock applies) escalates an overdue need, and the overdue notice it triggers is delivered to
 * one admin, refused for good by WeChat for another and hits WeChat down for a third. Read back from
 * the management port's Prometheus endpoint; deltas, because other tests in this JVM count too.
 */
@IntegrationTest
class NeedMetricsTest {

	private static final String METRIC_ESCALATIONS = "app_need_escalations_total";

	private static final String METRIC_SENDS = "app_notification_sends_total";

	@Value("${local.management.port}")
	int managementPort;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	NeedDeadlineJob job;

	@Scenario
	NeedScenario s;

	@Test
	void escalationsByTheJobAndTheSendsTheyCauseAreCountedByLevelAndResult() {
		NotificationProbe probe = new NotificationProbe(this.context, this.s.api);
		Prometheus prometheus = new Prometheus(this.s.api, this.managementPort);
		Session delivered = instituteAdmin("metrics-ok");
		Session refused = instituteAdmin("metrics-refused");
		Session unreachable = instituteAdmin("metrics-down");
		Session center = this.s.api.login(Fixtures.unique("metrics-center"));
		this.s.fixtures.grant(center.userId(), "CENTER_ADMIN", this.s.tree.center());
		for (Session admin : List.of(delivered, refused, unreachable, center)) {
			probe.accept(admin, "NEED_OVERDUE");
		}
		String refusedOpenid = probe.openid(refused.userId());
		String unreachableOpenid = probe.openid(unreachable.userId());
		WechatStub.shared().answerSubscribe(refusedOpenid, SubscribeAnswer.INVALID_DATA);
		WechatStub.shared().answerSubscribe(unreachableOpenid, SubscribeAnswer.DOWN);
		try {
			String id = this.s.submitted(Fixtures.unique("指标"));
			String before = prometheus.scrape();

			this.clock.shift(Duration.ofDays(2).plusHours(1));
			tickUntilEscalated(id, "INSTITUTE");
			assertThat(settled(probe, delivered, id).status()).isEqualTo("SENT");
			Row failed = settled(probe, refused, id);
			assertThat(failed.status()).isEqualTo("FAILED");
			assertThat(failed.wxErrcode()).isEqualTo(47003);
			Row retrying = NotificationProbe.await(() -> overdueRow(probe, unreachable, id),
					row -> row != null && row.lastError() != null);
			assertThat(retrying.status()).isEqualTo("PENDING");
			String afterInstitute = prometheus.scrape();

			assertThat(delta(before, afterInstitute, METRIC_ESCALATIONS, "level", "institute")).isGreaterThanOrEqualTo(1);
			assertThat(delta(before, afterInstitute, METRIC_SENDS, "result", "sent")).isGreaterThanOrEqualTo(1);
			assertThat(delta(before, afterInstitute, METRIC_SENDS, "result", "failed")).isGreaterThanOrEqualTo(1);
			assertThat(delta(before, afterInstitute, METRIC_SENDS, "result", "retry")).isGreaterThanOrEqualTo(1);

			// Still unreviewed two days later: the 中心 level has its own series.
			this.clock.shift(Duration.ofDays(2).plusHours(1));
			tickUntilEscalated(id, "CENTER");
			assertThat(settled(probe, center, id).status()).isEqualTo("SENT");
			String afterCenter = prometheus.scrape();
			assertThat(delta(afterInstitute, afterCenter, METRIC_ESCALATIONS, "level", "center"))
				.isGreaterThanOrEqualTo(1);
			assertThat(delta(afterInstitute, afterCenter, METRIC_SENDS, "result", "sent")).isGreaterThanOrEqualTo(1);
		}
		finally {
			WechatStub.shared().answerSubscribe(refusedOpenid, SubscribeAnswer.OK);
			WechatStub.shared().answerSubscribe(unreachableOpenid, SubscribeAnswer.OK);
		}
	}

	private Session instituteAdmin(String prefix) {
		Session admin = this.s.api.login(Fixtures.unique(prefix));
		this.s.fixtures.grant(admin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		return admin;
	}

	/**
	 * Ticks until the need reaches the level: a tick that finds the lock still held (lockAtLeastFor,
	 * from this or an earlier test's tick) does nothing, so one tick is not enough to rely on.
	 */
	private void tickUntilEscalated(String needId, String level) {
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).pollInSameThread()
			.until(() -> {
				this.job.tick();
				return level.equals(this.jdbc.queryForObject("SELECT escalation_level FROM need WHERE id = ?",
						String.class, Long.parseLong(needId)));
			});
	}

	/** The admin's overdue notice about the need once it has left PENDING. */
	private static Row settled(NotificationProbe probe, Session admin, String needId) {
		return NotificationProbe.await(() -> overdueRow(probe, admin, needId),
				row -> row != null && !row.status().equals("PENDING"));
	}

	private static Row overdueRow(NotificationProbe probe, Session admin, String needId) {
		List<Row> rows = probe.rows(admin.userId(), "NEED_OVERDUE")
			.stream()
			.filter(row -> row.objectId() == Long.parseLong(needId))
			.toList();
		assertThat(rows).hasSizeLessThanOrEqualTo(1);
		return rows.isEmpty() ? null : rows.get(0);
	}

}
