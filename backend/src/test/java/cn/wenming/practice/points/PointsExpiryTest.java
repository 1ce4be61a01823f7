package cn.wenming.practice.points;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.store.RedemptionRig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional expiry policy (calendar year): unspent points from before this year expire, oldest
 * spent first, once per period; a refund gives back old points, not new ones. Off by default.
 */
@IntegrationTest
class PointsExpiryTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	PointsLedger ledger;

	@Autowired
	PointsExpiry.DueMapper due;

	@Autowired
	PointsProperties points;

	@Autowired
	PointsExpiry configured;

	@Autowired
	Clock clock;

	@Test
	void unspentPointsFromBeforeTheCutoffExpireOnceOldestSpentFirst() {
		assertThat(this.configured.run()).as("no expiry by default").isZero();
		ZoneId zone = this.points.zone();
		int year = LocalDate.now(this.clock.withZone(zone)).getYear();
		Instant longAgo = LocalDate.of(year - 2, 6, 1).atStartOfDay(zone).toInstant();
		Instant laterThatYear = LocalDate.of(year - 2, 12, 1).atStartOfDay(zone).toInstant();
		Instant now = this.clock.instant();

		RedemptionRig rig = new RedemptionRig(this.jdbc, this.redis);
		List<Long> users = rig.usersWithPoints(3, 0);
		long partlySpent = users.get(0);
		long allSpentSince = users.get(1);
		long refunded = users.get(2);
		rig.entry(partlySpent, 100, "ADJUSTMENT", longAgo);
		rig.entry(partlySpent, -30, "REDEMPTION", laterThatYear);
		rig.entry(partlySpent, 50, "ACTIVITY_HOURS", now);
		rig.entry(allSpentSince, 100, "ADJUSTMENT", longAgo);
		rig.entry(allSpentSince, 50, "ACTIVITY_HOURS", now);
		rig.entry(allSpentSince, -120, "REDEMPTION", now);
		rig.entry(refunded, 40, "ADJUSTMENT", longAgo);
		rig.entry(refunded, -40, "REDEMPTION", laterThatYear);
		rig.entry(refunded, 40, "REDEMPTION_REFUND", now);

		PointsExpiry expiry = new PointsExpiry(
				new PointsExpiryProperties(PointsExpiryProperties.Policy.CALENDAR_YEAR, 1), this.points, this.ledger,
				this.due, this.clock);
		assertThat(expiry.run()).isGreaterThanOrEqualTo(2);
		assertThat(expiry.run()).isZero();

		assertThat(expiryOf(partlySpent)).containsExactly(-70);
		assertThat(expiryOf(allSpentSince)).isEmpty();
		assertThat(expiryOf(refunded)).containsExactly(-40);
		assertThat(this.jdbc.queryForObject("SELECT business_id FROM points_entry WHERE user_id = ? AND business_type = 'EXPIRY'",
				String.class, partlySpent)).isEqualTo("Y" + year);
		assertThat(this.jdbc.queryForObject("SELECT balance FROM points_account WHERE user_id = ?", Integer.class,
				partlySpent)).isEqualTo(50);
		rig.assertBooksAgree(users);
	}

	private List<Integer> expiryOf(long userId) {
		return this.jdbc.queryForList(
				"SELECT delta FROM points_entry WHERE user_id = ? AND business_type = 'EXPIRY' ORDER BY id", Integer.class,
				userId);
	}

}
