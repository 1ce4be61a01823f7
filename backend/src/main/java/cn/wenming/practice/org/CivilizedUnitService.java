package cn.wenming.practice.org;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RecordCorrections;
import graphql.relay.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 文明单位 and 文明校园 and their pairing (结对共建) with a 站, a 所 or the 中心 (seed 003). A civilized
 * unit is registered at an org unit and may pair with units in that unit's subtree (the unit itself
 * included); pairing and ending a pairing is done by an admin of the paired unit. An ended pairing
 * stays as history: who ended it, when and why.
 */
@Service
class CivilizedUnitService implements OrgUnitCloseGuard {

	private static final Logger log = LoggerFactory.getLogger(CivilizedUnitService.class);

	/** The levels a civilized unit pairs with: not a 点 (a base or post has no assessment of its own). */
	static final Set<OrgLevel> PAIRABLE = EnumSet.of(OrgLevel.CENTER, OrgLevel.INSTITUTE, OrgLevel.STATION);

	static final int REASON_MAX = 200;

	private final CivilizedUnitMapper civilizedUnits;

	private final OrgUnitMapper units;

	private final AccessControl access;

	private final ContentSecurity content;

	private final TransactionTemplate tx;

	CivilizedUnitService(CivilizedUnitMapper civilizedUnits, OrgUnitMapper units, AccessControl access,
			ContentSecurity content, TransactionTemplate tx) {
		this.civilizedUnits = civilizedUnits;
		this.units = units;
		this.access = access;
		this.content = content;
		this.tx = tx;
	}

	/** A new 文明单位 or 文明校园; {@code kind} null means a 文明单位. */
	record NewCivilizedUnit(String name, long orgUnitId, String contactName, String contactPhone,
			CivilizedUnitKind kind, SchoolLevel schoolLevel, String idempotencyKey) {
	}

	/**
	 * A pairing, live ({@code active}) or ended, with who paired and ended it; the answer of
	 * {@code pairCivilizedUnit} and a row of {@code CivilizedUnit.pairings}.
	 */
	record Pairing(Long id, CivilizedUnit civilizedUnit, OrgUnit orgUnit, Instant pairedAt, Long pairedBy,
			boolean active, Instant endedAt, Long endedBy, String endReason) {
	}

	CivilizedUnit create(NewCivilizedUnit input) {
		long userId = this.access.requireUserId();
		OrgUnit unit = this.units.selectById(input.orgUnitId());
		if (unit == null) {
			throw DomainException.notFound("组织单位");
		}
		this.access.requireAdminOver(unit.getPath());
		CivilizedUnitKind kind = (input.kind() == null) ? CivilizedUnitKind.UNIT : input.kind();
		// A resend (a double click, the console's retry of a 503 whose commit went through) answers the
		// civilized unit registered once, as it is now: looked up only now that the caller may register here.
		CreationKeys.Create<CivilizedUnit> keyed = CreationKeys.create(input.idempotencyKey(),
				RecordCorrections.digest("CIVILIZED_UNIT", unit.getId(), input.name().strip(), input.contactName(),
						input.contactPhone(), kind, input.schoolLevel()),
				() -> this.civilizedUnits.findByKey(userId, input.idempotencyKey()), this.civilizedUnits::findWithPath);
		CivilizedUnit earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		if (kind == CivilizedUnitKind.CAMPUS && input.schoolLevel() == null) {
			throw DomainException.badRequest("文明校园须填写学段");
		}
		if (kind == CivilizedUnitKind.UNIT && input.schoolLevel() != null) {
			throw DomainException.badRequest("只有文明校园有学段");
		}
		String name = input.name().strip();
		// The name is public (the unit's pairings are listed to everyone): checked before anything is stored.
		this.content.requirePass(this.access.openidOf(userId), ContentSecurity.Scene.PROFILE, null, name);
		CivilizedUnit row = new CivilizedUnit();
		row.setName(name);
		row.setOrgUnitId(input.orgUnitId());
		row.setContactName(input.contactName());
		row.setContactPhone(input.contactPhone());
		row.setKind(kind);
		row.setSchoolLevel(input.schoolLevel());
		row.createdBy = userId;
		row.idempotencyKey = input.idempotencyKey();
		row.requestDigest = keyed.digest();
		return keyed.once(log, "Creating civilized unit", () -> this.tx.executeWithoutResult(status -> {
			// Locked so that the unit cannot be closed while a civilized unit is registered at it.
			OrgUnit locked = this.units.lockById(input.orgUnitId());
			if (!OrgUnit.OPEN.equals(locked.getStatus())) {
				throw new DomainException(OrgError.ORG_UNIT_CLOSED);
			}
			this.civilizedUnits.insert(row);
		}), () -> this.civilizedUnits.findWithPath(row.getId()));
	}

	Connection<CivilizedUnit> under(long orgUnitId, CivilizedUnitKind kind, Connections.PageRequest page) {
		OrgUnit unit = this.units.selectById(orgUnitId);
		if (unit == null) {
			throw DomainException.notFound("组织单位");
		}
		long after = (page.afterId() == null) ? 0 : page.afterId();
		return Connections.of(this.civilizedUnits.pageUnder(unit.getPath(), kind, after, page.fetchSize()), page,
				CivilizedUnit::getId);
	}

	/**
	 * Pairs the civilized unit with a 站, 所 or 中心 ({@code stationOnly}: the old {@code stationId}
	 * argument, which names a station). The admin must cover the paired unit.
	 */
	Pairing pair(long civilizedUnitId, long orgUnitId, boolean stationOnly) {
		long userId = this.access.requireUserId();
		return this.tx.execute(status -> {
			// The unit's row is locked so that it cannot be closed while we pair with it.
			OrgUnit target = this.units.lockById(orgUnitId);
			if (target == null) {
				throw DomainException.notFound(stationOnly ? "站" : "组织单位");
			}
			this.access.requireAdminOver(target.getPath());
			if (!PAIRABLE.contains(target.getLevel()) || (stationOnly && target.getLevel() != OrgLevel.STATION)) {
				throw stationOnly
						? new DomainException(OrgError.CIVILIZED_UNIT_PAIRING_LEVEL, "stationId 只能是站；与所或中心结对请用 orgUnitId")
						: new DomainException(OrgError.CIVILIZED_UNIT_PAIRING_LEVEL);
			}
			if (!OrgUnit.OPEN.equals(target.getStatus())) {
				throw new DomainException(OrgError.ORG_UNIT_CLOSED);
			}
			CivilizedUnit unit = requireUnit(civilizedUnitId);
			if (!target.getPath().startsWith(unit.getOrgUnitPath())) {
				throw new DomainException(OrgError.CIVILIZED_UNIT_OUTSIDE_AREA);
			}
			Instant now = Instant.now();
			try {
				this.civilizedUnits.pair(civilizedUnitId, orgUnitId, userId, now);
			}
			catch (DuplicateKeyException ex) {
				throw new DomainException(OrgError.CIVILIZED_UNIT_ALREADY_PAIRED);
			}
			return new Pairing(this.civilizedUnits.lastInsertId(), unit, target, now, userId, true, null, null, null);
		});
	}

	/** Ends the live pairing, keeping it as history with the reason; false when there was none. */
	boolean unpair(long civilizedUnitId, long orgUnitId, String reason) {
		long userId = this.access.requireUserId();
		OrgUnit target = this.units.selectById(orgUnitId);
		if (target == null) {
			throw DomainException.notFound("组织单位");
		}
		this.access.requireAdminOver(target.getPath());
		requireUnit(civilizedUnitId);
		String why = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (why != null && why.length() > REASON_MAX) {
			throw DomainException.badRequest("解除原因不超过 " + REASON_MAX + " 字");
		}
		if (why != null) {
			// Other admins read the reason in the pairing history.
			this.content.requirePass(this.access.openidOf(userId), ContentSecurity.Scene.PROFILE, null, why);
		}
		// One guarded UPDATE: of two concurrent ends, one ends the pairing and the other answers false.
		return this.civilizedUnits.unpair(civilizedUnitId, orgUnitId, userId, Instant.now(), why) > 0;
	}

	List<CivilizedUnit> pairedWith(List<Long> orgUnitIds) {
		return orgUnitIds.isEmpty() ? List.of() : this.civilizedUnits.pairedWith(orgUnitIds);
	}

	/** Whether the caller (may be {@code null}) administers the unit this civilized unit is registered at. */
	static boolean canSeeContact(Actor actor, CivilizedUnit unit) {
		return actor != null && actor.isAdminOver(unit.getOrgUnitPath());
	}

	/** Who paired and ended a pairing and why: admins of the civilized unit's unit or of the paired unit. */
	static boolean canSeeTrail(Actor actor, Pairing pairing) {
		return canSeeContact(actor, pairing.civilizedUnit())
				|| (actor != null && pairing.orgUnit() != null && actor.isAdminOver(pairing.orgUnit().getPath()));
	}

	/** A unit with live pairings cannot be closed: the pairings are ended first, on purpose. */
	@Override
	public Optional<String> openWork(OrgUnitRef unit) {
		if (!PAIRABLE.contains(unit.level())) {
			return Optional.empty();
		}
		long pairings = this.civilizedUnits.countActivePairings(unit.id());
		return (pairings == 0) ? Optional.empty() : Optional.of(pairings + " 个文明单位仍在结对共建");
	}

	private CivilizedUnit requireUnit(long id) {
		CivilizedUnit unit = this.civilizedUnits.findWithPath(id);
		if (unit == null) {
			throw DomainException.notFound("文明单位");
		}
		return unit;
	}

}
