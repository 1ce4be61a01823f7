package cn.wenming.practice.activity;

import java.time.Duration;
import java.util.List;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.wenming.practice.testinfra.AfterCommit.awaitListeners;
import static cn.wenming.practice.testinfra.AfterCommit.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The nearby index: rebuilt from MySQL when missing, patched after commits, MySQL when Redis is down. */
@IntegrationTest
class ActivityNearbyTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ActivityMapper activities;

	@Scenario
	ActivityScenario s;

	private List<String> nearbyIds() {
		awaitListeners(this.jdbc);
		return this.s.api.anonymous().documentName("nearbyActivities").variable("latitude", this.s.latitude)
			.variable("longitude", this.s.longitude).variable("radiusMeters", 2000).execute()
			.path("nearbyActivities[*].activity.id").entityList(String.class).get();
	}

	@Test
	void aMissingIndexIsRebuiltFromMySql() {
		String published = this.s.published(Duration.ofDays(1), Duration.ofHours(2), 5);
		this.redis.delete(NearbyActivityIndex.KEY);
		assertThat(nearbyIds()).containsExactly(published);
		assertThat(this.redis.hasKey(NearbyActivityIndex.KEY)).isTrue();
		assertThat(this.redis.keys("activity:{geo}:tmp:*")).isEmpty();
		// Patched after each committed move while it exists.
		String second = this.s.published(Duration.ofDays(2), Duration.ofHours(2), 5);
		eventually(() -> assertThat(this.redis.opsForGeo().position(NearbyActivityIndex.KEY, second)).hasSize(1)
			.doesNotContainNull());
		this.s.move(this.s.admin, "startActivity", second);
		this.s.move(this.s.admin, "finishActivity", second);
		eventually(() -> assertThat(this.redis.opsForGeo().position(NearbyActivityIndex.KEY, second)).containsOnlyNulls());
		assertThat(nearbyIds()).containsExactly(published);
	}

	@Test
	void withoutRedisTheAnswerComesFromMySql() {
		this.s.published(Duration.ofDays(1), Duration.ofHours(2), 5);
		var dead = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
		dead.afterPropertiesSet();
		dead.start();
		try {
			var withoutRedis = new NearbyActivityIndex(new StringRedisTemplate(dead), this.activities);
			var real = new NearbyActivityIndex(this.redis, this.activities);
			var fallback = withoutRedis.search(this.s.latitude + 0.005, this.s.longitude, 2000, 20);
			// The index learns of the publication after commit, in a listener: wait for it, not for luck.
			eventually(() -> assertThat(real.search(this.s.latitude + 0.005, this.s.longitude, 2000, 20)).hasSize(1));
			var indexed = real.search(this.s.latitude + 0.005, this.s.longitude, 2000, 20);
			assertThat(fallback).hasSize(1);
			assertThat(fallback.get(0).activityId()).isEqualTo(indexed.get(0).activityId());
			assertThat(fallback.get(0).distanceMeters()).isCloseTo(indexed.get(0).distanceMeters(), within(1.0));
		}
		finally {
			dead.destroy();
		}
	}

}
