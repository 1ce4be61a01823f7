package cn.wenming.practice.points;

import java.time.Clock;

import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The points beans with their balance cache on another Redis than the application's (a private
 * server a test stops and starts), over the application's MySQL beans. For tests of other features
 * that spend points and need to break Redis under them.
 */
public final class PrivateRedisPoints {

	private final PointsBalanceCache cache;

	private final PointsWallet wallet;

	public PrivateRedisPoints(ApplicationContext context, StringRedisTemplate redis) {
		PointsAccountMapper accounts = context.getBean(PointsAccountMapper.class);
		PointsProperties properties = context.getBean(PointsProperties.class);
		this.cache = new PointsBalanceCache(redis, accounts, properties);
		PointsLedger ledger = new PointsLedger(context.getBean(PointsEntryMapper.class), accounts, this.cache,
				context.getBean(Clock.class), context.getBean(PlatformTransactionManager.class),
				context, context.getBean(PointsRollup.class), context.getBean(PointsAwardVoidMapper.class));
		this.wallet = new PointsWallet(ledger, accounts, properties);
	}

	public PointsWallet wallet() {
		return this.wallet;
	}

	/** The balance the mini-program is shown: through the private Redis, loading what it lacks. */
	public int shownBalance(long userId) {
		return this.cache.balance(userId);
	}

}
