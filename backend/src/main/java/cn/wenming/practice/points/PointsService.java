package cn.wenming.practice.points;

import java.time.Instant;
import java.time.LocalDate;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.PeriodKeys;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;
import graphql.relay.Connection;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Reads of one's own points and the admins' corrections. An admin may adjust a user's points, or
 * reverse one of their entries, when they cover the user's volunteer home station (a center admin
 * of the county covers every station); a user who is not a volunteer has no station, so only a
 * center admin may. Nobody corrects their own points.
 */
@Service
class PointsService {

	private final PointsLedger ledger;

	private final PointsEntryMapper entries;

	private final PointsBalanceCache cache;

	private final PointsProperties properties;

	private final AccessControl access;

	private final VolunteerDirectory volunteers;

	private final OrgDirectory orgs;

	private final java.time.Clock clock;

	private final PointsReconciler reconciler;

	private final PointsAccountMapper accounts;

	private final ContentSecurity content;

	private final PointsRollup rollup;

	private final PointsRepairMapper repairs;

	PointsService(PointsLedger ledger, PointsEntryMapper entries, PointsBalanceCache cache,
			PointsProperties properties, AccessControl access, VolunteerDirectory volunteers, OrgDirectory orgs,
			java.time.Clock clock, PointsReconciler reconciler, PointsAccountMapper accounts,
			ContentSecurity content, PointsRollup rollup, PointsRepairMapper repairs) {
		this.repairs = repairs;
		this.rollup = rollup;
		this.content = content;
		this.accounts = accounts;
		this.reconciler = reconciler;
		this.ledger = ledger;
		this.entries = entries;
		this.cache = cache;
		this.properties = properties;
		this.access = access;
		this.volunteers = volunteers;
		this.orgs = orgs;
		this.clock = clock;
	}

	int balance(long userId) {
		return this.cache.balance(userId);
	}

	/** Points reversed after they were spent, not yet paid back by later credits (MySQL: rarely non-zero). */
	int debt(long userId) {
		PointsAccount account = this.accounts.findAccount(userId);
		return (account != null) ? account.debt() : 0;
	}

	/** Earned since 1 January of this year in the county's time zone, net of reversed awards. */
	int earnedThisYear(long userId) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.properties.zone()));
		if (this.properties.zone().getRules().equals(PeriodKeys.ZONE.getRules())) {
			// The rollup's years are China years: the user's one row of the year instead of their ledger.
			return Math.toIntExact(this.rollup.earned(userId, PeriodKeys.Period.YEAR.valueOn(today)));
		}
		Instant from = today.withDayOfYear(1).atStartOfDay(this.properties.zone()).toInstant();
		return Math.toIntExact(this.entries.earnedSince(userId, from));
	}

	Connection<PointsEntry> myEntries(Integer first, String after) {
		return entriesOf(this.access.requireUserId(), first, after);
	}

	/** A user's ledger, newest first; the caller was checked where the account was reached. */
	Connection<PointsEntry> entriesOf(long userId, Integer first, String after) {
		var page = Connections.page(first, after);
		return Connections.of(this.entries.pageOfUser(userId, page.afterId(), page.fetchSize()), page,
				PointsEntry::getId);
	}

	/**
	 * An admin's adjustment. {@code idempotencyKey} is made by the client once per intended
	 * adjustment and sent again on a retry.
	 */
	record Adjustment(long userId, int delta, String reason, String idempotencyKey) {
	}

	/**
	 * Posts an adjustment once per idempotency key: the key is the entry's business id, so the
	 * ledger's unique key (ADJUSTMENT, key, user) lets one of any number of concurrent requests
	 * write and the others find its entry. A retry with the same input gets that entry; the key with
	 * another input (user, delta, reason, or another admin) is {@code IDEMPOTENCY_KEY_REUSED}. Two
	 * concurrent requests using one key for two different users are not caught; neither repeats the
	 * other, so nothing is counted twice.
	 */
	PointsEntry adjust(Adjustment adjustment) {
		if (adjustment.delta() == 0) {
			throw DomainException.badRequest("积分变动不能为 0");
		}
		Actor actor = requireCorrector(adjustment.userId());
		String reason = adjustment.reason().strip();
		PointsEntry earlier = this.entries.findAdjustment(adjustment.idempotencyKey());
		if (earlier != null) {
			return sameRequest(earlier, adjustment, reason, actor);
		}
		// The reason is shown to the volunteer in their ledger. After the key's lookup: a retry of a
		// landed adjustment needs no second check (nor WeChat to be up).
		requirePass(actor, reason);
		try {
			var posted = this.ledger.post(new PointsLedger.Posting(adjustment.userId(), adjustment.delta(),
					PointsType.ADJUSTMENT, adjustment.idempotencyKey(), reason, actor.userId()));
			return posted.created() ? posted.entry() : sameRequest(posted.entry(), adjustment, reason, actor);
		}
		catch (DataIntegrityViolationException ex) {
			// The account's foreign key: no such user.
			throw DomainException.notFound("用户");
		}
	}

	/** The entry an earlier request with the key made, if it was this request; else the key was reused. */
	private static PointsEntry sameRequest(PointsEntry entry, Adjustment adjustment, String reason, Actor actor) {
		boolean same = entry.getUserId() == adjustment.userId() && entry.getDelta() == adjustment.delta()
				&& reason.equals(entry.getReason()) && Long.valueOf(actor.userId()).equals(entry.getOperatorId());
		if (!same) {
			throw new DomainException(CommonError.IDEMPOTENCY_KEY_REUSED);
		}
		return entry;
	}

	PointsEntry reverse(long entryId, String reason) {
		this.access.requireActor();
		PointsEntry original = this.entries.selectById(entryId);
		if (original == null) {
			throw DomainException.notFound("积分记录");
		}
		Actor actor = requireCorrector(original.getUserId());
		// Reversals are final, redemptions are undone by cancelling them (which restocks too), and a
		// repayment goes with the credit that paid it. Points already spent become debt, not a refusal.
		switch (original.getBusinessType()) {
			case REVERSAL, REDEMPTION, REDEMPTION_REFUND, DEBT_REPAYMENT -> throw new DomainException(PointsError.POINTS_ENTRY_NOT_REVERSIBLE);
			default -> {
			}
		}
		String why = reason.strip();
		requirePass(actor, why);
		var posted = this.ledger.post(new PointsLedger.Posting(original.getUserId(), -original.getDelta(),
				PointsType.REVERSAL, Long.toString(entryId), why, actor.userId()));
		if (!posted.created()) {
			throw new DomainException(PointsError.POINTS_ENTRY_ALREADY_REVERSED);
		}
		return posted.entry();
	}

	/**
	 * The account a corrections screen shows before an admin adjusts or reverses: the user themself,
	 * or whoever may correct their points.
	 */
	long requireReadableAccount(long userId) {
		Actor actor = this.access.requireActor();
		if (actor.userId() != userId) {
			requireCorrector(userId);
		}
		return userId;
	}

	/** Which of the entries were reversed, in one query. */
	java.util.Set<Long> reversedAmong(java.util.Collection<Long> entryIds) {
		return this.entries.reversedAmong(entryIds.stream().map(String::valueOf).toList())
			.stream()
			.map(Long::valueOf)
			.collect(java.util.stream.Collectors.toSet());
	}

	/**
	 * The repairs the reconciliation left, for the admins of the whole deployment who run it (it
	 * covers every account, so its trail is theirs too); the names are masked per viewer by the controller.
	 */
	Connection<PointsRepairMapper.Recorded> repairs(Integer first, String after) {
		this.access.requireWholeDeployment();
		var page = Connections.page(first, after);
		return Connections.of(this.repairs.page(page.afterId(), page.fetchSize()), page,
				PointsRepairMapper.Recorded::id);
	}

	/** Every account of every county: the admins of the whole deployment only. */
	PointsReconciler.Result reconcile(Instant since) {
		this.access.requireWholeDeployment();
		Instant now = this.clock.instant();
		if (since.isAfter(now) || since.isBefore(now.minus(java.time.Duration.ofDays(366)))) {
			throw DomainException.badRequest("since 须在一年以内且不晚于现在");
		}
		return this.reconciler.reconcile(since, this.access.requireActor().userId());
	}

	/** Risky → CONTENT_REJECTED, review → CONTENT_NEEDS_REVIEW, WeChat unreachable → UPSTREAM_UNAVAILABLE. */
	private void requirePass(Actor actor, String reason) {
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.COMMENT, null, reason);
	}

	private Actor requireCorrector(long userId) {
		Actor actor = this.access.requireActor();
		if (actor.userId() == userId) {
			throw DomainException.forbidden();
		}
		VolunteerRef volunteer = this.volunteers.findByUserId(userId).orElse(null);
		boolean allowed = (volunteer != null)
				? this.orgs.find(volunteer.homeStationId()).map(station -> actor.isAdminOver(station.path())).orElse(false)
				// A resident who is nobody's volunteer belongs to no county: the whole deployment's admins.
				: actor.coversWholeDeployment();
		if (!allowed) {
			throw DomainException.forbidden();
		}
		return actor;
	}

}
