package cn.wenming.practice.points;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.activity.HoursRevoked;
import cn.wenming.practice.need.NeedCompleted;
import cn.wenming.practice.need.NeedHoursConfirmed;
import cn.wenming.practice.need.NeedHoursRevoked;
import cn.wenming.practice.store.RedemptionRig;
import cn.wenming.practice.volunteer.ServiceCategory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An award delivered after its reversal (its listener failed or was still queued when the hours were
 * revoked, and the registry handed it back later) writes nothing: the reversal that found no award
 * left a mark keyed by the award's business id. Either order nets zero, and replays change nothing.
 */
@IntegrationTest
class AwardAfterReversalTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	PointsAwards awards;

	@Test
	void activityHoursRevokedBeforeTheirAwardLandNeverPay() {
		RedemptionRig rig = new RedemptionRig(this.jdbc, this.redis);
		long user = rig.usersWithPoints(1, 0).get(0);
		long signUp = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
		HoursConfirmed confirmed = new HoursConfirmed(user, 1, signUp, new BigDecimal("3"), ServiceCategory.CULTURE);
		HoursRevoked revoked = new HoursRevoked(user, 1, signUp, new BigDecimal("3"));

		for (int i = 0; i < 2; i++) {
			this.awards.reverse(revoked);
		}
		for (int i = 0; i < 2; i++) {
			assertThat(this.awards.award(confirmed)).as("an award whose hours were revoked").isZero();
		}
		assertThat(this.awards.reverse(revoked)).isZero();
		assertThat(balance(user)).isZero();
		assertThat(sum(user)).isZero();
		rig.assertBooksAgree(List.of(user));
	}

	@Test
	void needHoursRevokedBeforeTheirAwardLandNeverPay() {
		RedemptionRig rig = new RedemptionRig(this.jdbc, this.redis);
		List<Long> users = rig.usersWithPoints(2, 0);
		long need = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
		NeedHoursConfirmed confirmed = new NeedHoursConfirmed(need, 1,
				List.of(new NeedCompleted.Participant(users.get(0), 1, new BigDecimal("2")),
						new NeedCompleted.Participant(users.get(1), 2, new BigDecimal("2"))),
				Instant.now());
		// Only the first participant's hours were revoked: the second is paid.
		NeedHoursRevoked revoked = new NeedHoursRevoked(need, users.get(0), 1, new BigDecimal("2"), Instant.now());

		for (int i = 0; i < 2; i++) {
			this.awards.reverse(revoked);
		}
		assertThat(this.awards.award(confirmed)).isEqualTo(1);
		assertThat(this.awards.award(confirmed)).isZero();
		assertThat(balance(users.get(0))).isZero();
		assertThat(sum(users.get(0))).isZero();
		assertThat(balance(users.get(1))).isPositive();
		rig.assertBooksAgree(users);
	}

	private int balance(long userId) {
		return this.jdbc.queryForObject("SELECT balance FROM points_account WHERE user_id = ?", Integer.class, userId);
	}

	private int sum(long userId) {
		return this.jdbc.queryForObject("SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE user_id = ?",
				Integer.class, userId);
	}

}
