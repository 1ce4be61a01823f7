package cn.wenming.practice.points;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets an account that drifted from its ledger back to the ledger's sums (Σ delta, Σ debt_change)
 * and records the repair in {@code points_repair}. The ledger is the truth: it is append-only and
 * every entry carries the balance it produced, while the account row is only their running total,
 * so a difference means the row was edited by hand. The account row is locked and the sums read
 * again under READ COMMITTED, so an entry committed meanwhile is counted and a repair never undoes
 * a posting. Redis follows after the commit (a higher version replaces the cached balance).
 */
@Component
class PointsAccountRepair {

	private static final Logger log = LoggerFactory.getLogger(PointsAccountRepair.class);

	private final PointsAccountMapper accounts;

	private final PointsEntryMapper entries;

	private final PointsRepairMapper repairs;

	private final PointsBalanceCache cache;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final PointsRollup rollup;

	PointsAccountRepair(PointsAccountMapper accounts, PointsEntryMapper entries, PointsRepairMapper repairs,
			PointsBalanceCache cache, Clock clock, PlatformTransactionManager transactionManager, PointsRollup rollup) {
		this.rollup = rollup;
		this.accounts = accounts;
		this.entries = entries;
		this.repairs = repairs;
		this.cache = cache;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactionManager);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// Each statement sees what committed before it: the sums after the lock include every posting.
		this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
	}

	/** Repairs the account if it still differs from its ledger; true when it did. */
	boolean repair(long userId, Long operatorId) {
		PointsBalance repaired = this.tx.execute(status -> {
			PointsAccount account = this.accounts.lock(userId);
			if (account == null) {
				return null;
			}
			long balance = this.entries.sumOfUser(userId);
			long debt = this.entries.debtOfUser(userId);
			if (balance == account.balance() && debt == account.debt()) {
				return null;
			}
			if (balance < 0 || debt < 0) {
				// Entries were deleted by hand: no balance the ledger explains; people must look.
				log.error("Points ledger of user {} sums to balance {} and debt {}: not repaired", userId, balance, debt);
				return null;
			}
			Instant now = this.clock.instant();
			this.accounts.repair(userId, Math.toIntExact(balance), Math.toIntExact(debt), now);
			this.repairs.insert(new PointsRepairMapper.Repair(userId, account.balance(), Math.toIntExact(balance),
					account.debt(), Math.toIntExact(debt), operatorId, now));
			log.warn("Points account of user {} repaired from its ledger: balance {} → {}, debt {} → {}", userId,
					account.balance(), balance, account.debt(), debt);
			return this.accounts.find(userId);
		});
		if (repaired == null) {
			return false;
		}
		this.cache.put(userId, repaired);
		// Whoever edited the ledger by hand bypassed the rollup too: add the user's up again.
		this.rollup.rebuild(userId, userId);
		return true;
	}

}
