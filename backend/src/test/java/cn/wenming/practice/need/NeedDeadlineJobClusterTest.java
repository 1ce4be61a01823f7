package cn.wenming.practice.need;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.BackendApplication;
import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Infrastructure;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once per tick across instances: a second application context on the same database and Redis,
 * both calling the scheduled method through its Spring proxy (so ShedLock applies) at the same
 * moment. Exactly one of them runs, and the overdue need is escalated exactly once.
 */
@IntegrationTest
class NeedDeadlineJobClusterTest {

	@LocalServerPort
	int port;

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NeedDeadlineJob job;

	@Test
	void twoInstancesTickingTogetherEscalateOnce() throws Exception {
		NeedScenario s = new NeedScenario(this.api, this.jdbc);
		String id = s.submitted(Fixtures.unique("两实例"));
		// Overdue by the real clock, which the second context uses: submitted three days ago.
		this.jdbc.update("UPDATE need SET created_at = created_at - INTERVAL 3 DAY WHERE id = ?", Long.parseLong(id));

		try (ConfigurableApplicationContext second = startSecondInstance()) {
			NeedDeadlineJob otherJob = second.getBean(NeedDeadlineJob.class);
			int runsBefore = this.job.runs() + otherJob.runs();
			CyclicBarrier together = new CyclicBarrier(2);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tick(together, this.job), threads);
				CompletableFuture<Void> other = CompletableFuture.runAsync(() -> tick(together, otherJob), threads);
				CompletableFuture.allOf(first, other).get(120, TimeUnit.SECONDS);
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(this.job.runs() + otherJob.runs() - runsBefore).as("ticks that got the lock").isOne();
		}
		assertThat(this.jdbc.queryForObject("SELECT escalation_level FROM need WHERE id = ?", String.class,
				Long.parseLong(id))).isEqualTo("INSTITUTE");
		assertThat(s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ? AND from_status = to_status"
				+ " AND actor_user_id IS NULL", Long.parseLong(id))).isOne();
	}

	private static void tick(CyclicBarrier together, NeedDeadlineJob job) {
		try {
			together.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		job.tick();
	}

	/** The same servers, WeChat stub and test secrets as the shared context, on another port. */
	private static ConfigurableApplicationContext startSecondInstance() {
		Map<String, Object> properties = new HashMap<>(Infrastructure.serverProperties());
		properties.putAll(WechatStub.shared().properties());
		properties.put("spring.profiles.active", "test");
		properties.put("server.port", "0");
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(BackendApplication.class).run(args);
	}

}
