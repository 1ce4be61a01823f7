package cn.wenming.practice.org;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.shared.DomainException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Read access to org units for other features. */
@Component
public class OrgDirectory {

	private final OrgUnitMapper units;

	private final NearbyStationIndex nearby;

	OrgDirectory(OrgUnitMapper units, NearbyStationIndex nearby) {
		this.units = units;
		this.nearby = nearby;
	}

	/**
	 * The nearest open station within {@code radiusMeters} of a point (the station index, checked
	 * against MySQL because the index is a cache), or empty when there is none.
	 */
	public Optional<OrgUnitRef> nearestOpenStation(double latitude, double longitude, int radiusMeters) {
		for (NearbyStationIndex.Hit hit : this.nearby.search(latitude, longitude, radiusMeters, 5)) {
			OrgUnit station = this.units.selectById(hit.stationId());
			if (station != null && station.getLevel() == OrgLevel.STATION && OrgUnit.OPEN.equals(station.getStatus())) {
				return Optional.of(station.toRef());
			}
		}
		return Optional.empty();
	}

	public Optional<OrgUnitRef> find(long id) {
		return Optional.ofNullable(this.units.selectById(id)).map(OrgUnit::toRef);
	}

	/** The unit, or {@code NOT_FOUND}. */
	public OrgUnitRef require(long id) {
		return find(id).orElseThrow(() -> DomainException.notFound("组织单位"));
	}

	/**
	 * Where the units of the subtree at {@code subtreePath} and the units {@code alsoIds} are (for
	 * ranking by distance what is based in them), in one statement; keyed by unit id.
	 */
	public Map<Long, UnitLocation> locationsInSubtreeOr(String subtreePath, Collection<Long> alsoIds) {
		return this.units.locationsInSubtreeOr(subtreePath, alsoIds)
			.stream()
			.collect(Collectors.toMap(OrgUnit::getId,
					unit -> new UnitLocation(unit.getId(), unit.getLatitude(), unit.getLongitude())));
	}

	/** A unit's coordinates; either may be null when the unit has not been placed. */
	public record UnitLocation(long id, java.math.BigDecimal latitude, java.math.BigDecimal longitude) {
	}

	/**
	 * Ids of the unit at {@code subtreePath} and of everything below it, in one statement (an
	 * indexed prefix scan): how other features scope their own rows to a subtree.
	 */
	public List<Long> subtreeIds(String subtreePath) {
		return this.units.idsInSubtree(subtreePath);
	}

	/** Many units in one query, keyed by id; missing ids are absent. */
	public Map<Long, OrgUnitRef> findAll(Collection<Long> ids) {
		return this.units.findByIds(ids.stream().distinct().toList())
			.stream()
			.map(OrgUnit::toRef)
			.collect(Collectors.toMap(OrgUnitRef::id, Function.identity()));
	}

	/**
	 * Share-locks the unit's row until the caller's transaction ends, if the unit is open; false when
	 * it is closed or missing. For work a {@link OrgUnitCloseGuard} reports, added in that same
	 * transaction: closing a unit locks its row for update before it asks the guards, so the work
	 * either commits first and is seen by the guard, or waits for the close and finds the unit
	 * closed. Without the caller's transaction the lock would end at once, so one is required.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean lockIfOpen(long unitId) {
		return this.units.shareLockIfOpen(unitId) != null;
	}

}
