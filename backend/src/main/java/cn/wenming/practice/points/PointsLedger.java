package cn.wenming.practice.points;

import java.time.Clock;
import java.time.Instant;

import cn.wenming.practice.shared.DomainException;

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
 * ({@code POINTS_INSUFFICIENT}), and the entry (with the balance after it) is inserted last, so a
 * second delivery of the same award hits the unique key and the whole transaction rolls back,
 * leaving the balance as it was. Redis is refreshed only after the commit.
 */
@Component
class PointsLedger {

	private final PointsEntryMapper entries;

	private final PointsAccountMapper accounts;

	private final PointsBalanceCache cache;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/** Its own transaction: listeners run after another transaction committed, where REQUIRED would join a finished one. */
	private final TransactionTemplate newTx;

	PointsLedger(PointsEntryMapper entries, PointsAccountMapper accounts, PointsBalanceCache cache, Clock clock,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
		this.events = events;
		this.entries = entries;
		this.accounts = accounts;
		this.cache = cache;
		this.clock = clock;
		this.newTx = new TransactionTemplate(transactionManager);
		this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** What to write: who, how much, why. */
	record Posting(long userId, int delta, PointsType type, String businessId, String reason, Long operatorId) {
	}

	/** The entry for a posting and whether this call wrote it (false: it existed already). */
	record Posted(PointsEntry entry, boolean created) {
	}

	/**
	 * Writes the entry in a transaction of its own, or returns the entry already made for the same
	 * (type, business id, user) without changing anything.
	 */
	Posted post(Posting posting) {
		PointsEntry existing = this.entries.findByBusiness(posting.type(), posting.businessId(), posting.userId());
		if (existing != null) {
			return new Posted(existing, false);
		}
		try {
			return new Posted(this.newTx.execute(status -> postInCurrentTransaction(posting)), true);
		}
		catch (DuplicateKeyException ex) {
			// Delivered twice at once: the other one won; ours rolled back with its balance change.
			return new Posted(this.entries.findByBusiness(posting.type(), posting.businessId(), posting.userId()), false);
		}
	}

	/**
	 * Writes the entry inside the caller's transaction (for flows that write their own rows with it,
	 * such as redemptions). Throws {@link DuplicateKeyException} for an entry that exists (the caller
	 * must roll back) and {@code POINTS_INSUFFICIENT} when the balance would go negative.
	 */
	PointsEntry postInCurrentTransaction(Posting posting) {
		if (posting.delta() == 0) {
			throw DomainException.badRequest("积分变动不能为 0");
		}
		Instant now = this.clock.instant();
		this.accounts.ensure(posting.userId(), now);
		if (this.accounts.apply(posting.userId(), posting.delta(), now) == 0) {
			throw new DomainException(PointsError.POINTS_INSUFFICIENT);
		}
		// Our own UPDATE holds the row lock, so this reads the balance this entry produced.
		PointsBalance after = this.accounts.find(posting.userId());
		PointsEntry entry = new PointsEntry();
		entry.setUserId(posting.userId());
		entry.setDelta(posting.delta());
		entry.setBalanceAfter(after.balance());
		entry.setBusinessType(posting.type());
		entry.setBusinessId(posting.businessId());
		entry.setReason(posting.reason());
		entry.setOperatorId(posting.operatorId());
		entry.setCreatedAt(now);
		this.entries.insert(entry);
		afterCommit(() -> this.cache.put(posting.userId(), after));
		// Listeners (leaderboards) take it after the commit; a rolled-back duplicate never reaches them.
		this.events.publishEvent(new PointsEntryRecorded(posting.userId(), posting.delta(), posting.type().name(),
				posting.businessId(), now));
		return entry;
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
