package cn.wenming.practice.activity;

import java.util.List;
import java.util.Optional;

import cn.wenming.practice.shared.GeoIndex;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Published and ongoing activities in a {@link GeoIndex}, searched nearest first. This class only
 * supplies the rows and the key; the index is patched after every committed state change of an
 * activity by the shared after-commit listener ({@link ActivityChanged} is a
 * {@link GeoIndex.PlaceChanged}).
 */
@Component
class NearbyActivityIndex implements GeoIndex.Source, GeoIndex.Holder {

	static final String KEY = "activity:{geo}";

	private final ActivityMapper activities;

	private final GeoIndex index;

	NearbyActivityIndex(StringRedisTemplate redis, ActivityMapper activities) {
		this.activities = activities;
		this.index = new GeoIndex(KEY, "Activity", redis, this);
	}

	/** One hit: an activity id and its distance in meters. */
	record Hit(long activityId, double distanceMeters) {
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
		return this.activities.discoverable().stream().map(NearbyActivityIndex::place).toList();
	}

	@Override
	public Optional<GeoIndex.Place> find(long id) {
		return Optional.ofNullable(this.activities.selectById(id))
			.filter(activity -> activity.getStatus().discoverable())
			.map(NearbyActivityIndex::place);
	}

	@Override
	public List<GeoIndex.Place> within(double minLat, double maxLat, double minLon, double maxLon) {
		return this.activities.discoverableWithin(minLat, maxLat, minLon, maxLon)
			.stream()
			.map(NearbyActivityIndex::place)
			.toList();
	}

	private static GeoIndex.Place place(Activity activity) {
		return new GeoIndex.Place(activity.getId(), activity.getLatitude().doubleValue(),
				activity.getLongitude().doubleValue());
	}

}
