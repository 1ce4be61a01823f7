package cn.wenming.practice.shared;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.BackendApplication;
import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Infrastructure;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.WechatStub;
import cn.wenming.practice.volunteer.ServiceCategory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.wenming.practice.testinfra.AfterCommit.awaitListeners;
import static cn.wenming.practice.testinfra.AfterCommit.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work after a commit goes through Modulith's event publication registry: each (event, listener)
 * pair is a row of {@code EVENT_PUBLICATION}, written with the business change and deleted when the
 * listener completed. Shown with the points award for confirmed hours ({@code PointsAwards}), for a
 * volunteer whose user row does not exist yet, so the award fails on the ledger's foreign key until
 * the test creates it.
 */
@IntegrationTest
class EventRegistryTest {

	private static final String AWARDS = "cn.wenming.practice.points.PointsAwards.on(cn.wenming.practice.activity.HoursConfirmed)";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	@Autowired
	EventPublicationResubmission resubmission;

	@Autowired
	EventRegistryProperties properties;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aListenerThatFailsOnceIsRetriedAndItsEffectLandsExactlyOnce() {
		long userId = absentUserId();
		long signUpId = randomId();
		HoursConfirmed event = new HoursConfirmed(userId, 1L, signUpId, new BigDecimal("1.50"), ServiceCategory.CULTURE);
		this.tx.executeWithoutResult(status -> this.publisher.publishEvent(event));

		// The award failed (no such user): nothing written, and its publication is left incomplete.
		awaitListeners(this.jdbc);
		assertThat(awards(userId, signUpId)).isZero();
		assertThat(publications(signUpId)).singleElement().satisfies(row -> {
			assertThat(row.get("STATUS")).isEqualTo("FAILED");
			assertThat(row.get("COMPLETION_DATE")).isNull();
		});

		// Not resubmitted while it is younger than the threshold (it might still be in flight).
		this.resubmission.resubmit();
		awaitListeners(this.jdbc);
		assertThat(awards(userId, signUpId)).isZero();
		assertThat(publications(signUpId)).hasSize(1);

		// The cause is gone; once old enough, the job hands the event back to the listener.
		createUser(userId);
		this.clock.shift(this.properties.resubmitOlderThan().plusSeconds(5));
		this.resubmission.resubmit();
		eventually(() -> assertThat(awards(userId, signUpId)).isOne());
		eventually(() -> assertThat(publications(signUpId)).isEmpty());
		assertThat(balance(userId)).isEqualTo(15L);

		// Resubmitting again, or the same event delivered again, changes nothing.
		this.resubmission.resubmit();
		this.tx.executeWithoutResult(status -> this.publisher.publishEvent(event));
		awaitListeners(this.jdbc);
		assertThat(awards(userId, signUpId)).isOne();
		assertThat(balance(userId)).isEqualTo(15L);
		assertThat(publications(signUpId)).isEmpty();
	}

	/**
	 * The instance stopped after the commit and before the listener ran: what is left is the
	 * publication exactly as the commit wrote it (PUBLISHED, no attempt, no completion). Another
	 * instance starting on the same database completes it at start-up.
	 */
	@Test
	void workCutOffByAStopIsCompletedByTheNextStart() {
		long userId = absentUserId();
		long signUpId = randomId();
		this.tx.executeWithoutResult(status -> this.publisher.publishEvent(
				new HoursConfirmed(userId, 1L, signUpId, new BigDecimal("2.00"), ServiceCategory.CULTURE)));
		awaitListeners(this.jdbc);
		assertThat(awards(userId, signUpId)).isZero();
		// Back to the state of a publication whose listener never started, committed a while ago.
		assertThat(this.jdbc.update("""
				UPDATE EVENT_PUBLICATION SET STATUS = 'PUBLISHED', COMPLETION_ATTEMPTS = 0, LAST_RESUBMISSION_DATE = NULL,
				PUBLICATION_DATE = ? WHERE LISTENER_ID = ? AND SERIALIZED_EVENT LIKE ?
				""", java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofMinutes(10))), AWARDS,
				"%\"signUpId\":" + signUpId + ",%")).isOne();
		createUser(userId);

		try (ConfigurableApplicationContext restarted = startAnotherInstance()) {
			eventually(() -> assertThat(awards(userId, signUpId)).isOne());
			eventually(() -> assertThat(publications(signUpId)).isEmpty());
		}
		assertThat(balance(userId)).isEqualTo(20L);
	}

	private List<Map<String, Object>> publications(long signUpId) {
		return this.jdbc.queryForList(
				"SELECT STATUS, COMPLETION_DATE FROM EVENT_PUBLICATION WHERE LISTENER_ID = ? AND SERIALIZED_EVENT LIKE ?",
				AWARDS, "%\"signUpId\":" + signUpId + ",%");
	}

	private int awards(long userId, long signUpId) {
		return this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM points_entry WHERE business_type = 'ACTIVITY_HOURS' AND business_id = ? AND user_id = ?",
				Integer.class, Long.toString(signUpId), userId);
	}

	private long balance(long userId) {
		return this.jdbc.queryForObject("SELECT balance FROM points_account WHERE user_id = ?", Long.class, userId);
	}

	/** An id above every user's, so no user has it until {@link #createUser}. */
	private long absentUserId() {
		Long max = this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM app_user", Long.class);
		return max + ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000);
	}

	private void createUser(long userId) {
		this.jdbc.update("INSERT INTO app_user (id, openid, created_at, updated_at) VALUES (?, ?, NOW(3), NOW(3))", userId,
				Fixtures.unique("registry"));
	}

	private static long randomId() {
		return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
	}

	/** The same servers, WeChat stub and test settings as the shared context, on another port. */
	private static ConfigurableApplicationContext startAnotherInstance() {
		Map<String, Object> properties = new HashMap<>(Infrastructure.serverProperties());
		properties.putAll(WechatStub.shared().properties());
		properties.put("spring.profiles.active", "test");
		properties.put("server.port", "0");
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(BackendApplication.class).run(args);
	}

}
