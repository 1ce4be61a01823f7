package cn.wenming.practice.shared;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import graphql.GraphQLContext;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;

/**
 * Spring's registrations of batch loaders ({@code @BatchMapping}), applied lazily to a request's
 * {@link WaitingLoadersRegistry}: the request gets the registrations, and a loader is made only when
 * a field asks for it. Any other registry (a transport without our interceptor) gets every loader
 * at once, as Spring's {@link DefaultBatchLoaderRegistry} does.
 * <p>
 * The registrations are the loaders Spring would make, made once with a placeholder context: a
 * loader's only per-request part is its context provider, which the request's registry replaces.
 */
final class LazyBatchLoaderRegistry implements BatchLoaderRegistry {

	private final DefaultBatchLoaderRegistry spring = new DefaultBatchLoaderRegistry();

	/** Rebuilt after a registration (they all happen at start-up, before the first request). */
	private volatile Map<String, DataLoader<?, ?>> registrations;

	@Override
	public <K, V> RegistrationSpec<K, V> forTypePair(Class<K> keyType, Class<V> valueType) {
		return new Spec<>(this.spring.forTypePair(keyType, valueType));
	}

	@Override
	public <K, V> RegistrationSpec<K, V> forName(String name) {
		return new Spec<>(this.spring.forName(name));
	}

	@Override
	public void registerDataLoaders(DataLoaderRegistry registry, GraphQLContext context) {
		if (registry instanceof WaitingLoadersRegistry request) {
			request.makeOnDemand(registrations(), context);
		}
		else {
			this.spring.registerDataLoaders(registry, context);
		}
	}

	private Map<String, DataLoader<?, ?>> registrations() {
		Map<String, DataLoader<?, ?>> made = this.registrations;
		if (made == null) {
			DataLoaderRegistry all = new DataLoaderRegistry();
			this.spring.registerDataLoaders(all, GraphQLContext.getDefault());
			made = Map.copyOf(all.getDataLoadersMap());
			this.registrations = made;
		}
		return made;
	}

	/** Spring's registration, which forgets the registrations made so far when it completes. */
	private final class Spec<K, V> implements RegistrationSpec<K, V> {

		private final RegistrationSpec<K, V> spec;

		Spec(RegistrationSpec<K, V> spec) {
			this.spec = spec;
		}

		@Override
		public RegistrationSpec<K, V> withName(String name) {
			this.spec.withName(name);
			return this;
		}

		@Override
		public RegistrationSpec<K, V> withOptions(Consumer<DataLoaderOptions.Builder> optionsConsumer) {
			this.spec.withOptions(optionsConsumer);
			return this;
		}

		@Override
		public RegistrationSpec<K, V> withOptions(DataLoaderOptions options) {
			this.spec.withOptions(options);
			return this;
		}

		@Override
		public void registerBatchLoader(BiFunction<List<K>, BatchLoaderEnvironment, Flux<V>> loader) {
			this.spec.registerBatchLoader(loader);
			LazyBatchLoaderRegistry.this.registrations = null;
		}

		@Override
		public void registerMappedBatchLoader(BiFunction<Set<K>, BatchLoaderEnvironment, Mono<Map<K, V>>> loader) {
			this.spec.registerMappedBatchLoader(loader);
			LazyBatchLoaderRegistry.this.registrations = null;
		}

	}

}
