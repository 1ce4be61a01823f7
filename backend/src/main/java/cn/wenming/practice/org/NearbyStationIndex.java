package cn.wenming.practice.org;

import java.util.List;
import java.util.Optional;

import cn.wenming.practice.shared.GeoIndex;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The 15-minute service circle: open stations with coordinates in a {@link GeoIndex}, searched
 * nearest first. This class only supplies the rows and the key; the index is patched after every
 * committed change of a station by the shared after-commit listener ({@link StationChanged} is a
 * {@link GeoIndex.PlaceChanged}).
 */
@Component
class NearbyStationIndex implements GeoIndex.Source, GeoIndex.Holder {

	static final String KEY = "org:{stations-geo}";

	static final String LOCK_KEY = GeoIndex.lockKeyOf(KEY);

	static final String DIRTY_KEY = GeoIndex.dirtyKeyOf(KEY);

	private final OrgUnitMapper units;

	private final GeoIndex index;

	NearbyStationIndex(StringRedisTemplate redis, OrgUnitMapper units) {
		this.units = units;
		this.index = new GeoIndex(KEY, "Station", redis, this);
	}

	/** One hit: a station id and its distance in meters. */
	record Hit(long stationId, double distanceMeters) {
	}

	/** Nearest first, within {@code radiusMeters}, at most {@code limit}. */
	List<Hit> search(double latitude, double longitude, int radiusMeters, int limit) {
		return this.index.search(latitude, longitude, radiusMeters, limit)
			.stream()
			.map(hit -> new Hit(hit.id(), hit.distanceMeters()))
			.toList();
	}

	boolean rebuild() {
		return this.index.rebuild();
	}

	@Override
	public GeoIndex geoIndex() {
		return this.index;
	}

	@Override
	public List<GeoIndex.Place> all() {
		return this.units.openStationsWithCoordinates().stream().map(NearbyStationIndex::place).toList();
	}

	@Override
	public Optional<GeoIndex.Place> find(long id) {
		return Optional.ofNullable(this.units.selectById(id))
			.filter(unit -> unit.getLevel() == OrgLevel.STATION && OrgUnit.OPEN.equals(unit.getStatus())
					&& unit.getLatitude() != null && unit.getLongitude() != null)
			.map(NearbyStationIndex::place);
	}

	@Override
	public List<GeoIndex.Place> within(double minLat, double maxLat, double minLon, double maxLon) {
		return this.units.openStationsWithin(minLat, maxLat, minLon, maxLon)
			.stream()
			.map(NearbyStationIndex::place)
			.toList();
	}

	private static GeoIndex.Place place(OrgUnit unit) {
		return new GeoIndex.Place(unit.getId(), unit.getLatitude().doubleValue(), unit.getLongitude().doubleValue());
	}

}
