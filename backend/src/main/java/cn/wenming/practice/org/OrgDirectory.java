package cn.wenming.practice.org;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.shared.DomainException;

import org.springframework.stereotype.Component;

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

	/** Many units in one query, keyed by id; missing ids are absent. */
	public Map<Long, OrgUnitRef> findAll(Collection<Long> ids) {
		return this.units.findByIds(ids.stream().distinct().toList())
			.stream()
			.map(OrgUnit::toRef)
			.collect(Collectors.toMap(OrgUnitRef::id, Function.identity()));
	}

}
