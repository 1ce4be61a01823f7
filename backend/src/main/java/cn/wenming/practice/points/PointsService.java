package cn.wenming.practice.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.auth.Role;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.DomainException;
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

	PointsService(PointsLedger ledger, PointsEntryMapper entries, PointsBalanceCache cache,
			PointsProperties properties, AccessControl access, VolunteerDirectory volunteers, OrgDirectory orgs,
			java.time.Clock clock, PointsReconciler reconciler) {
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

	/** Earned since 1 January of this year in the county's time zone, net of reversed awards. */
	int earnedThisYear(long userId) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.properties.zone()));
		Instant from = today.withDayOfYear(1).atStartOfDay(this.properties.zone()).toInstant();
		return Math.toIntExact(this.entries.earnedSince(userId, from));
	}

	Connection<PointsEntry> myEntries(Integer first, String after) {
		long userId = this.access.requireUserId();
		var page = Connections.page(first, after);
		return Connections.of(this.entries.pageOfUser(userId, page.afterId(), page.fetchSize()), page,
				PointsEntry::getId);
	}

	PointsEntry adjust(long userId, int delta, String reason) {
		if (delta == 0) {
			throw DomainException.badRequest("积分变动不能为 0");
		}
		Actor actor = requireCorrector(userId);
		// Each adjustment is its own business fact; a client-supplied idempotency key can replace this later.
		String businessId = UUID.randomUUID().toString();
		try {
			return this.ledger.post(new PointsLedger.Posting(userId, delta, PointsType.ADJUSTMENT, businessId,
					reason.strip(), actor.userId())).entry();
		}
		catch (DataIntegrityViolationException ex) {
			// The account's foreign key: no such user.
			throw DomainException.notFound("用户");
		}
	}

	PointsEntry reverse(long entryId, String reason) {
		this.access.requireActor();
		PointsEntry original = this.entries.selectById(entryId);
		if (original == null) {
			throw DomainException.notFound("积分记录");
		}
		Actor actor = requireCorrector(original.getUserId());
		// Reversals are final, and redemptions are undone by cancelling them (which restocks too).
		switch (original.getBusinessType()) {
			case REVERSAL, REDEMPTION, REDEMPTION_REFUND -> throw new DomainException(PointsError.POINTS_ENTRY_NOT_REVERSIBLE);
			default -> {
			}
		}
		var posted = this.ledger.post(new PointsLedger.Posting(original.getUserId(), -original.getDelta(),
				PointsType.REVERSAL, Long.toString(entryId), reason.strip(), actor.userId()));
		if (!posted.created()) {
			throw new DomainException(PointsError.POINTS_ENTRY_ALREADY_REVERSED);
		}
		return posted.entry();
	}

	PointsReconciler.Result reconcile(Instant since) {
		if (!this.access.requireActor().has(Role.CENTER_ADMIN)) {
			throw DomainException.forbidden();
		}
		Instant now = this.clock.instant();
		if (since.isAfter(now) || since.isBefore(now.minus(java.time.Duration.ofDays(366)))) {
			throw DomainException.badRequest("since 须在一年以内且不晚于现在");
		}
		return this.reconciler.reconcile(since);
	}

	private Actor requireCorrector(long userId) {
		Actor actor = this.access.requireActor();
		if (actor.userId() == userId) {
			throw DomainException.forbidden();
		}
		VolunteerRef volunteer = this.volunteers.findByUserId(userId).orElse(null);
		boolean allowed = (volunteer != null)
				? this.orgs.find(volunteer.homeStationId()).map(station -> actor.isAdminOver(station.path())).orElse(false)
				: actor.has(Role.CENTER_ADMIN);
		if (!allowed) {
			throw DomainException.forbidden();
		}
		return actor;
	}

}
