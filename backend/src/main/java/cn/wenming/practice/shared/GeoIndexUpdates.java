package cn.wenming.practice.shared;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The after-commit patch of every {@link GeoIndex}: a feature's event that implements
 * {@link GeoIndex.PlaceChanged} names the index (by its Redis key) and the place, and this listener
 * brings that place's entry in line with MySQL once the change has committed. Through the event
 * publication registry, so a patch that failed (Redis down) is retried. Features supply only their
 * rows ({@link GeoIndex.Source}) and key, in a bean that is a {@link GeoIndex.Holder}.
 */
@Component
class GeoIndexUpdates {

	private final ObjectProvider<GeoIndex.Holder> holders;

	private volatile Map<String, GeoIndex> byKey;

	GeoIndexUpdates(ObjectProvider<GeoIndex.Holder> holders) {
		this.holders = holders;
	}

	@ApplicationModuleListener(readOnlyTransaction = true)
	void on(GeoIndex.PlaceChanged event) {
		GeoIndex index = indexes().get(event.geoIndexKey());
		if (index == null) {
			throw new IllegalStateException("No GeoIndex at " + event.geoIndexKey());
		}
		index.refresh(event.placeId());
	}

	private Map<String, GeoIndex> indexes() {
		Map<String, GeoIndex> indexes = this.byKey;
		if (indexes == null) {
			indexes = this.holders.stream()
				.map(GeoIndex.Holder::geoIndex)
				.collect(Collectors.toUnmodifiableMap(GeoIndex::key, Function.identity()));
			this.byKey = indexes;
		}
		return indexes;
	}

}
