package cn.wenming.practice.shared;

import java.util.Map;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

/**
 * A request's data loaders: each made when the request first asks for it, and dispatched only
 * while it has keys waiting.
 * <p>
 * Spring makes all of them (one per {@code @BatchMapping}, some ninety-five) before every request,
 * though a request uses none or a few: 6 % of the floor's samples and 3–4 % of a redemption's in a
 * profile (docs/performance.md §7, run P1). {@link LazyBatchLoaderRegistry} hands this registry
 * the registrations instead, and a loader is made from one on the first {@link #getDataLoader}.
 * <p>
 * graphql-java dispatches the whole registry each time a level of the result completes, and an idle
 * loader's dispatch still takes its lock and reads the clock: a leaderboard page (three levels) paid
 * that some three hundred times for the one or two loaders it uses (about 3 % of its CPU in run
 * S10's profile). An idle loader's dispatch has nothing else to do, so skipping it changes no answer.
 */
final class WaitingLoadersRegistry extends DataLoaderRegistry {

	private volatile Map<String, DataLoader<?, ?>> registrations = Map.of();

	private volatile GraphQLContext context;

	/**
	 * Loaders this request may ask for, made on demand: the registration's batch function and
	 * options, with the request's context for its batch loader environment.
	 */
	void makeOnDemand(Map<String, DataLoader<?, ?>> registrations, GraphQLContext context) {
		this.registrations = registrations;
		this.context = context;
	}

	@Override
	public <K, V> DataLoader<K, V> getDataLoader(String key) {
		DataLoader<K, V> made = super.getDataLoader(key);
		if (made != null) {
			return made;
		}
		DataLoader<?, ?> registration = this.registrations.get(key);
		return (registration != null) ? computeIfAbsent(key, name -> forThisRequest(registration)) : null;
	}

	private DataLoader<?, ?> forThisRequest(DataLoader<?, ?> registration) {
		GraphQLContext requestContext = this.context;
		return registration.transform(loader -> loader.options(registration.getOptions()
			.transform(options -> options.setBatchLoaderContextProvider(() -> requestContext))));
	}

	@Override
	public void dispatchAll() {
		dispatchAllWithCount();
	}

	@Override
	public int dispatchAllWithCount() {
		int sum = 0;
		for (DataLoader<?, ?> loader : this.dataLoaders.values()) {
			if (loader.dispatchDepth() > 0) {
				sum += loader.dispatchWithCounts().getKeysCount();
			}
		}
		return sum;
	}

}
