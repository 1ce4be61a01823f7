package cn.wenming.practice.points;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * With Redis down, balances are read from MySQL and refreshing the cache never fails the caller
 * (the shared test context keeps a live Redis, so the outage is simulated here, without Spring).
 */
class PointsBalanceCacheTest {

	private final PointsProperties properties = new PointsProperties(10, Map.of(), 10, 20, 4, Duration.ofMinutes(10),
			ZoneId.of("Asia/Shanghai"), Duration.ofDays(2), 5);

	@Test
	void readsFallBackToMySqlWhenRedisIsDown() {
		StringRedisTemplate redis = mock(StringRedisTemplate.class);
		when(redis.opsForHash()).thenThrow(new RedisConnectionFailureException("down"));
		when(redis.execute(any(), anyList(), any(Object[].class))).thenThrow(new RedisConnectionFailureException("down"));
		PointsAccountMapper accounts = mock(PointsAccountMapper.class);
		when(accounts.find(7L)).thenReturn(new PointsBalance(120, 9));
		PointsBalanceCache cache = new PointsBalanceCache(redis, accounts, this.properties);

		assertThat(cache.balance(7L)).isEqualTo(120);
		assertThat(cache.balance(8L)).isZero();
		assertThatNoException().isThrownBy(() -> cache.put(7L, new PointsBalance(130, 10)));
	}

	@Test
	void earningRulesRoundHoursHalfUpAndHonourCategoryOverrides() {
		PointsProperties rules = new PointsProperties(10,
				Map.of(cn.wenming.practice.volunteer.ServiceCategory.THEORY_LECTURE, 15), 5, 20, 4,
				Duration.ofMinutes(10), ZoneId.of("Asia/Shanghai"), Duration.ofDays(2), 5);
		assertThat(rules.forActivityHours(new java.math.BigDecimal("2.00"), null)).isEqualTo(20);
		assertThat(rules.forActivityHours(new java.math.BigDecimal("0.33"),
				cn.wenming.practice.volunteer.ServiceCategory.CULTURE)).isEqualTo(3);
		assertThat(rules.forActivityHours(new java.math.BigDecimal("0.35"),
				cn.wenming.practice.volunteer.ServiceCategory.CULTURE)).isEqualTo(4);
		assertThat(rules.forActivityHours(new java.math.BigDecimal("2"),
				cn.wenming.practice.volunteer.ServiceCategory.THEORY_LECTURE)).isEqualTo(30);
		assertThat(rules.forNeedHours(new java.math.BigDecimal("1.5"))).isEqualTo(8);
		assertThat(rules.forNeedHours(java.math.BigDecimal.ZERO)).isZero();
	}

}
