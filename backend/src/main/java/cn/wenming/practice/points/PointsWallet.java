package cn.wenming.practice.points;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * What another feature may do with a user's points: read the balance from MySQL, spend it and give
 * it back inside the caller's transaction, and name the Redis hash that caches it. The store
 * (爱心超市) needs the key because its holds live in the same Redis Cluster slot and one script
 * checks both; everything else about the ledger stays inside this feature.
 */
@Component
public class PointsWallet {

	/** Prefix of the cached balance keys, {@code points:balance:{u<id>}}. */
	public static final String BALANCE_KEY_PREFIX = PointsBalanceCache.PREFIX;

	private final PointsLedger ledger;

	private final PointsAccountMapper accounts;

	private final PointsProperties properties;

	PointsWallet(PointsLedger ledger, PointsAccountMapper accounts, PointsProperties properties) {
		this.ledger = ledger;
		this.accounts = accounts;
		this.properties = properties;
	}

	/** The Redis hash {b, v} of a user's cached balance. */
	public static String balanceKey(long userId) {
		return PointsBalanceCache.key(userId);
	}

	/** The hash tag of a user's slot, {@code {u<id>}}, for keys that must sit beside the balance. */
	public static String userTag(long userId) {
		return PointsBalanceCache.userTag(userId);
	}

	/** How long Redis keeps a balance ({@code app.points.balance-cache-ttl}). */
	public Duration balanceCacheTtl() {
		return this.properties.balanceCacheTtl();
	}

	/** The balance in MySQL, {@link PointsBalance#NONE} without an account. */
	public PointsBalance balance(long userId) {
		PointsBalance balance = this.accounts.find(userId);
		return (balance != null) ? balance : PointsBalance.NONE;
	}

	/**
	 * Takes {@code points} for a redemption in the caller's transaction: {@code POINTS_INSUFFICIENT}
	 * when the balance would go negative, {@link org.springframework.dao.DuplicateKeyException} when
	 * the redemption was paid already (the caller must roll back). Returns the balance it left,
	 * read under the account's row lock: the caller must set the Redis copy to it after the commit (the
	 * ledger does not, to spare a second Redis call: a redemption sets it as it drops its hold).
	 */
	public PointsBalance spend(long userId, int points, long redemptionId, String reason) {
		return this.ledger.record(new PointsLedger.Posting(userId, -points, PointsType.REDEMPTION,
				Long.toString(redemptionId), reason, null), false).after();
	}

	/**
	 * Gives back the points of a cancelled or expired redemption, in the caller's transaction. Like
	 * every credit it pays any debt first (a {@code DEBT_REPAYMENT} entry in the same transaction).
	 */
	public void refund(long userId, int points, long redemptionId, String reason) {
		this.ledger.postInCurrentTransaction(new PointsLedger.Posting(userId, points, PointsType.REDEMPTION_REFUND,
				Long.toString(redemptionId), reason, null));
	}

}
