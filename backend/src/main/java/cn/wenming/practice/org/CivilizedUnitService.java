package cn.wenming.practice.org;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.DomainException;
import graphql.relay.Connection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 文明单位 and their pairing with stations (结对共建). A unit is registered at an org unit and may
 * pair with stations in that unit's subtree; pairing is done by an admin of the station.
 */
@Service
class CivilizedUnitService implements OrgUnitCloseGuard {

	private final CivilizedUnitMapper civilizedUnits;

	private final OrgUnitMapper units;

	private final AccessControl access;

	CivilizedUnitService(CivilizedUnitMapper civilizedUnits, OrgUnitMapper units, AccessControl access) {
		this.civilizedUnits = civilizedUnits;
		this.units = units;
		this.access = access;
	}

	/** A live pairing as returned by {@code pairCivilizedUnit}. */
	record Pairing(CivilizedUnit civilizedUnit, OrgUnit station, Instant pairedAt) {
	}

	@Transactional
	CivilizedUnit create(String name, long orgUnitId, String contactName, String contactPhone) {
		this.access.requireUserId();
		OrgUnit unit = this.units.lockById(orgUnitId);
		if (unit == null) {
			throw DomainException.notFound("组织单位");
		}
		this.access.requireAdminOver(unit.getPath());
		if (!OrgUnit.OPEN.equals(unit.getStatus())) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
		CivilizedUnit row = new CivilizedUnit();
		row.setName(name.strip());
		row.setOrgUnitId(orgUnitId);
		row.setContactName(contactName);
		row.setContactPhone(contactPhone);
		this.civilizedUnits.insert(row);
		return this.civilizedUnits.findWithPath(row.getId());
	}

	Connection<CivilizedUnit> under(long orgUnitId, Connections.PageRequest page) {
		OrgUnit unit = this.units.selectById(orgUnitId);
		if (unit == null) {
			throw DomainException.notFound("组织单位");
		}
		long after = (page.afterId() == null) ? 0 : page.afterId();
		return Connections.of(this.civilizedUnits.pageUnder(unit.getPath(), after, page.fetchSize()), page,
				CivilizedUnit::getId);
	}

	@Transactional
	Pairing pair(long civilizedUnitId, long stationId) {
		long userId = this.access.requireUserId();
		// The station row is locked so that it cannot be closed while we pair with it.
		OrgUnit station = this.units.lockById(stationId);
		if (station == null) {
			throw DomainException.notFound("站");
		}
		this.access.requireAdminOver(station.getPath());
		if (station.getLevel() != OrgLevel.STATION) {
			throw DomainException.badRequest("只能与站结对");
		}
		if (!OrgUnit.OPEN.equals(station.getStatus())) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
		CivilizedUnit unit = requireUnit(civilizedUnitId);
		if (!station.getPath().startsWith(unit.getOrgUnitPath())) {
			throw DomainException.badRequest("文明单位只能与其登记单位辖区内的站结对");
		}
		Instant now = Instant.now();
		try {
			this.civilizedUnits.pair(civilizedUnitId, stationId, userId, now);
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException(OrgError.CIVILIZED_UNIT_ALREADY_PAIRED);
		}
		return new Pairing(unit, station, now);
	}

	@Transactional
	boolean unpair(long civilizedUnitId, long stationId) {
		long userId = this.access.requireUserId();
		OrgUnit station = this.units.selectById(stationId);
		if (station == null) {
			throw DomainException.notFound("站");
		}
		this.access.requireAdminOver(station.getPath());
		requireUnit(civilizedUnitId);
		return this.civilizedUnits.unpair(civilizedUnitId, stationId, userId, Instant.now()) > 0;
	}

	List<CivilizedUnit> pairedWith(List<Long> stationIds) {
		return stationIds.isEmpty() ? List.of() : this.civilizedUnits.pairedWith(stationIds);
	}

	/** Whether the caller (may be {@code null}) administers the unit this civilized unit is registered at. */
	static boolean canSeeContact(Actor actor, CivilizedUnit unit) {
		return actor != null && actor.isAdminOver(unit.getOrgUnitPath());
	}

	/** A station with live pairings cannot be closed: the pairings are ended first, on purpose. */
	@Override
	public Optional<String> openWork(OrgUnitRef unit) {
		if (unit.level() != OrgLevel.STATION) {
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
