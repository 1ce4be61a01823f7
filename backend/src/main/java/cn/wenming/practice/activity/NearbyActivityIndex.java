package cn.wenming.practice.activity;

import java.util.List;
import java.util.Optional;

import cn.wenming.practice.shared.GeoIndex;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Published and ongoing activities in a {@link GeoIndex}, searched nearest first, patched after
 * every committed state change of an activity.
 */
@Component
class NearbyActivityIndex {

	static final String KEY = "activity:{geo}";

	private final GeoIndex index;

	NearbyActivityIndex(StringRedisTemplate redis, ActivityMapper activities) {
		this.index = new GeoIndex(KEY, "Activity", redis, new GeoIndex.Source() {
			@Override
			public List<GeoIndex.Place> all() {
				return activities.discoverable().stream().map(NearbyActivityIndex::place).toList();
			}

			@Override
			public Optional<GeoIndex.Place> find(long id) {
				return Optional.ofNullable(activities.selectById(id))
					.filter(activity -> activity.getStatus().discoverable())
					.map(NearbyActivityIndex::place);
			}

			@Override
			public List<GeoIndex.Place> within(double minLat, double maxLat, double minLon, double maxLon) {
				return activities.discoverableWithin(minLat, maxLat, minLon, maxLon)
					.stream()
					.map(NearbyActivityIndex::place)
					.toList();
			}
		});
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

	@TransactionalEventListener(fallbackExecution = true)
	void on(ActivityChanged event) {
		this.index.refresh(event.activityId());
	}

	private static GeoIndex.Place place(Activity activity) {
		return new GeoIndex.Place(activity.getId(), activity.getLatitude().doubleValue(),
				activity.getLongitude().doubleValue());
	}

}
