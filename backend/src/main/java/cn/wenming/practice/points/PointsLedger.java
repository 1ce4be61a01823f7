package cn.wenming.practice.points;

import java.time.Clock;
import java.time.Instant;

import cn.wenming.practice.shared.DeadlockRetry;
import cn.wenming.practice.shared.DomainException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only writer of the ledger and the balances. An entry and its balance change are one
 * transaction: the account row is created race-free, the guarded UPDATE refuses to go below zero
 * ({@code POINTS_INSUFFICIENT}), and the entry (with the balance and debt after it) is inserted
 * after it, so a second delivery of the same award hits the unique key and the whole transaction
 * rolls back, leaving the balance as it was. Σ delta = balance and Σ debt_change = debt hold after
 * every commit. Redis is refreshed only after the commit.
 */
@Component
class PointsLedger {

	private static final Logger log = LoggerFactory.getLogger(PointsLedger.class);

	private final PointsEntryMapper entries;

	private final PointsAccountMapper accounts;

	private final PointsBalanceCache cache;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PointsRollup rollup;

	private final PointsAwardVoidMapper voids;

	/** A reversal that may find no award: the award's absence is read after the account's lock. */
	private final TransactionTemplate voidTx;

	/** Its own transaction: listeners run after another transaction committed, where REQUIRED would join a finished one. */
	private final TransactionTemplate newTx;

	PointsLedger(PointsEntryMapper entries, PointsAccountMapper accounts, PointsBalanceCache cache, Clock clock,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events, PointsRollup rollup,
			PointsAwardVoidMapper voids) {
		this.voids = voids;
		this.events = events;
		this.rollup = rollup;
		this.entries = entries;
		this.accounts = accounts;
		this.cache = cache;
		this.clock = clock;
		this.newTx = new TransactionTemplate(transactionManager);
		this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.voidTx = new TransactionTemplate(transactionManager);
		this.voidTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.voidTx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
	}

	/** What to write: who, how much, why. */
	record Posting(long userId, int delta, PointsType type, String businessId, String reason, Long operatorId) {
	}

	/** The entry for a posting and whether this call wrote it (false: it existed already). */
	record Posted(PointsEntry entry, boolean created) {
	}

	/**
	 * Writes the entry in a transaction of its own, or returns the entry already made for the same
	 * (type, business id, user) without changing anything. An award whose reversal came first (see
	 * {@link #reverseAward}) writes nothing: {@code created} false, no entry.
	 */
	Posted post(Posting posting) {
		PointsEntry existing = this.entries.findByBusiness(posting.type(), posting.businessId(), posting.userId());
		if (existing != null) {
			return new Posted(existing, false);
		}
		boolean revocable = PointsType.EARNING.contains(posting.type());
		try {
			// Creating a new user's account row under concurrency can deadlock; the victim rolled back whole.
			PointsEntry entry = DeadlockRetry.run(5, log, "Points posting", () -> this.newTx.execute(status -> {
				if (revocable) {
					// The account's lock first, as the reversal's void takes it: one of them comes
					// second and sees the other. This is the transaction's first read, so its snapshot
					// is younger than the lock.
					this.accounts.ensure(posting.userId(), this.clock.instant());
					if (this.voids.count(posting.type().name(), posting.businessId(), posting.userId()) > 0) {
						return null;
					}
				}
				return postInCurrentTransaction(posting);
			}));
			return new Posted(entry, entry != null);
		}
		catch (DuplicateKeyException ex) {
			// Delivered twice at once: the other one won; ours rolled back with its balance change.
			return new Posted(this.entries.findByBusiness(posting.type(), posting.businessId(), posting.userId()), false);
		}
	}

	/**
	 * Reverses the award of {@code awardType} and {@code businessId}, or, when none was made, voids it
	 * so that it is never made (a listener that failed or was queued may deliver it later). Both under
	 * the account's row lock, the award's absence read after it (READ COMMITTED); idempotent like any
	 * reversal. True when a reversal was written.
	 */
	boolean reverseAward(PointsType awardType, String businessId, long userId, String reason) {
		PointsEntry award = this.entries.findByBusiness(awardType, businessId, userId);
		if (award == null) {
			award = DeadlockRetry.run(5, log, "Points award void", () -> this.voidTx.execute(status -> {
				Instant now = this.clock.instant();
				this.accounts.ensure(userId, now);
				PointsEntry made = this.entries.findByBusiness(awardType, businessId, userId);
				if (made == null) {
					this.voids.insertIgnore(awardType.name(), businessId, userId, now);
				}
				return made;
			}));
			if (award == null) {
				return false;
			}
		}
		return post(new Posting(userId, -award.getDelta(), PointsType.REVERSAL, Long.toString(award.getId()), reason,
				null)).created();
	}

	/**
	 * Writes the entry inside the caller's transaction (for flows that write their own rows with it,
	 * such as redemptions). Throws {@link DuplicateKeyException} for an entry that exists (the caller
	 * must roll back) and {@code POINTS_INSUFFICIENT} when the balance would go negative. Three
	 * kinds of posting:
	 * <ul>
	 * <li>a reversal that takes points ({@link PointsType#takesWhatIsAvailable}) takes what the
	 * balance has and records the rest as debt (the entry's {@code debt_change}), so it is never
	 * refused and never dropped;</li>
	 * <li>any other debit is guarded: refused below zero;</li>
	 * <li>a credit is posted in full, then, if the user owes points, a {@code DEBT_REPAYMENT} entry
	 * takes up to the credit's amount back for the debt. Two lines a volunteer can read ("+20 活动服务时长",
	 * "−15 偿还欠分"), rather than one net line that would hide either.</li>
	 * </ul>
	 * Returns the entry of the posting itself (not the repayment).
	 */
	PointsEntry postInCurrentTransaction(Posting posting) {
		return record(posting).entry();
	}

	/** The entry of a posting and the account's balance once it (and any repayment) applied. */
	record Recorded(PointsEntry entry, PointsBalance after) {
	}

	/** {@link #postInCurrentTransaction}, also answering the balance it produced (read under the row lock). */
	Recorded record(Posting posting) {
		return record(posting, true);
	}

	/**
	 * {@link #record(Posting)}; with {@code cacheAfterCommit} false the caller stores the balance in
	 * Redis itself after the commit (a redemption sets it in the same script that drops its hold).
	 */
	Recorded record(Posting posting, boolean cacheAfterCommit) {
		if (posting.delta() == 0) {
			throw DomainException.badRequest("积分变动不能为 0");
		}
		Instant now = this.clock.instant();
		boolean guardedDebit = posting.delta() < 0 && !posting.type().takesWhatIsAvailable();
		if (!guardedDebit) {
			// A guarded debit needs no row to exist: without an account its guard refuses it
			// (POINTS_INSUFFICIENT), so the redemption's hot path skips this statement.
			this.accounts.ensure(posting.userId(), now);
		}
		Written written;
		if (posting.delta() < 0 && posting.type().takesWhatIsAvailable()) {
			// The row lock, held to the end of the transaction, makes "what the balance has" exact.
			PointsAccount before = this.accounts.lock(posting.userId());
			int taken = Math.min(before.balance(), -posting.delta());
			int owed = -posting.delta() - taken;
			applyOrRefuse(posting.userId(), -taken, owed, now);
			written = insert(posting, -taken, owed, owedReason(posting.reason(), owed), now);
		}
		else {
			applyOrRefuse(posting.userId(), posting.delta(), 0, now);
			written = insert(posting, posting.delta(), 0, posting.reason(), now);
			PointsEntry entry = written.entry();
			if (posting.delta() > 0 && entry.getDebtAfter() > 0) {
				int repaid = Math.min(posting.delta(), entry.getDebtAfter());
				applyOrRefuse(posting.userId(), -repaid, -repaid, now);
				Written repayment = insert(new Posting(posting.userId(), -repaid, PointsType.DEBT_REPAYMENT,
						Long.toString(entry.getId()), "偿还欠分（被冲正时已用掉的积分）", null), -repaid, -repaid,
						"偿还欠分（被冲正时已用掉的积分）", now);
				written = new Written(entry, repayment.account());
			}
		}
		// The account as the last write left it, read under our row lock: what the cache gets.
		PointsBalance after = written.account().toBalance();
		if (cacheAfterCommit) {
			afterCommit(() -> this.cache.put(posting.userId(), after));
		}
		return new Recorded(written.entry(), after);
	}

	/** An entry written and the account it was written against. */
	private record Written(PointsEntry entry, PointsAccount account) {
	}

	private void applyOrRefuse(long userId, int delta, int debtChange, Instant now) {
		if (this.accounts.apply(userId, delta, debtChange, now) == 0) {
			throw new DomainException(PointsError.POINTS_INSUFFICIENT);
		}
	}

	/**
	 * Inserts one line with the account as it is now. Our own UPDATE holds the row lock, so this
	 * reads the balance and debt this entry produced.
	 */
	private Written insert(Posting posting, int delta, int debtChange, String reason, Instant now) {
		PointsAccount account = this.accounts.findAccount(posting.userId());
		PointsEntry entry = new PointsEntry();
		entry.setUserId(posting.userId());
		entry.setDelta(delta);
		entry.setBalanceAfter(account.balance());
		entry.setDebtChange(debtChange);
		entry.setDebtAfter(account.debt());
		entry.setBusinessType(posting.type());
		entry.setBusinessId(posting.businessId());
		entry.setReason(reason);
		entry.setOperatorId(posting.operatorId());
		entry.setCreatedAt(now);
		this.entries.append(entry);
		// The rollup in the same transaction: boards read it, and it must never disagree with the ledger.
		long earned = earned(posting, delta, debtChange);
		this.rollup.add(posting.userId(), now, earned, delta, debtChange);
		// Listeners (leaderboards) take it after the commit; a rolled-back duplicate never reaches them.
		// Only entries that change what was earned: a redemption, refund or expiry moves no board, and
		// each publication is two more writes (registry row, completion) on the redemption's hot path.
		if (earned != 0) {
			this.events.publishEvent(new PointsEntryRecorded(posting.userId(), delta, posting.type().name(),
					posting.businessId(), now));
		}
		return new Written(entry, account);
	}

	/**
	 * What the entry counts as earned: an award in full, and a reversal of an award in full ({@code
	 * delta − debt_change}: what it took and what it left as debt); nothing for other entries.
	 */
	private long earned(Posting posting, int delta, int debtChange) {
		if (PointsType.EARNING.contains(posting.type())) {
			return delta - debtChange;
		}
		if (posting.type() == PointsType.REVERSAL) {
			PointsEntry reversed = this.entries.selectById(Long.parseLong(posting.businessId()));
			if (reversed != null && PointsType.EARNING.contains(reversed.getBusinessType())) {
				return delta - debtChange;
			}
		}
		return 0;
	}

	/** The reason, telling how much became debt when it fits the column (200). */
	private static String owedReason(String reason, int owed) {
		if (owed == 0) {
			return reason;
		}
		String note = "（" + owed + " 分已用掉，记为欠分）";
		if (reason == null) {
			return note;
		}
		return (reason.length() + note.length() <= 200) ? reason + note : reason;
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
