package cn.wenming.practice.shared;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import graphql.GraphQLContext;
import reactor.core.publisher.Flux;
import graphql.ExecutionInput;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingLoadersRegistryTest {

	@Test
	void dispatchesTheLoadersWithKeysAndLeavesIdleOnesAlone() throws Exception {
		AtomicInteger batches = new AtomicInteger();
		BatchLoader<Long, String> names = keys -> {
			batches.incrementAndGet();
			return CompletableFuture.completedFuture(keys.stream().map(k -> "v" + k).toList());
		};
		WaitingLoadersRegistry registry = new WaitingLoadersRegistry();
		// registerAndGet: the registry keeps a named copy of an unnamed loader.
		DataLoader<Long, String> busy = registry.registerAndGet("busy", DataLoaderFactory.newDataLoader(names));
		DataLoader<Long, String> idle = registry.registerAndGet("idle", DataLoaderFactory.newDataLoader(names));
		Instant idleSince = idle.getLastDispatchTime();
		Thread.sleep(5);

		CompletionStage<String> one = busy.load(1L);
		CompletionStage<String> two = busy.load(2L);
		assertThat(registry.dispatchAllWithCount()).isEqualTo(2);

		assertThat(List.of(one.toCompletableFuture().get(), two.toCompletableFuture().get())).containsExactly("v1", "v2");
		assertThat(batches).hasValue(1);
		assertThat(idle.getLastDispatchTime()).isEqualTo(idleSince);
		assertThat(busy.getLastDispatchTime()).isAfter(idleSince);

		// Nothing waiting: no batch, and dispatchAll (graphql-java's call) behaves the same.
		registry.dispatchAll();
		assertThat(batches).hasValue(1);
		busy.load(3L);
		registry.dispatchAll();
		assertThat(batches).hasValue(2);
	}

	@Test
	void aRequestMakesOnlyTheLoadersItAsksForWithItsOwnContext() throws Exception {
		LazyBatchLoaderRegistry registrations = new LazyBatchLoaderRegistry();
		registrations.<Long, String>forName("names")
			.registerBatchLoader((keys, env) -> Flux.fromIterable(keys)
				.map(key -> env.<GraphQLContext>getContext().get("caller") + ":" + key));
		registrations.<Long, Integer>forName("ages").registerBatchLoader((keys, env) -> Flux.fromIterable(keys).map(Long::intValue));

		WaitingLoadersRegistry first = new WaitingLoadersRegistry();
		registrations.registerDataLoaders(first, GraphQLContext.of(Map.of("caller", "甲")));
		assertThat(first.getDataLoaders()).isEmpty();

		DataLoader<Long, String> names = first.getDataLoader("names");
		assertThat(first.getKeys()).containsExactly("names");
		assertThat(first.<Long, String>getDataLoader("names")).isSameAs(names);
		assertThat(first.<Long, String>getDataLoader("nobody")).isNull();
		CompletableFuture<String> one = names.load(1L);
		assertThat(first.dispatchAllWithCount()).isEqualTo(1);
		assertThat(one.get()).isEqualTo("甲:1");

		// Another request: its own loader (its own cache) and its own context.
		WaitingLoadersRegistry second = new WaitingLoadersRegistry();
		registrations.registerDataLoaders(second, GraphQLContext.of(Map.of("caller", "乙")));
		DataLoader<Long, String> theirs = second.getDataLoader("names");
		assertThat(theirs).isNotSameAs(names);
		CompletableFuture<String> again = theirs.load(1L);
		second.dispatchAll();
		assertThat(again.get()).isEqualTo("乙:1");

		// A registry of another kind gets every loader at once, as Spring's own registry gives them.
		DataLoaderRegistry plain = new DataLoaderRegistry();
		registrations.registerDataLoaders(plain, GraphQLContext.getDefault());
		assertThat(plain.getKeys()).containsExactlyInAnyOrder("names", "ages");

		// A registration after a request is offered to the next one.
		registrations.<Long, Long>forName("late").registerBatchLoader((keys, env) -> Flux.fromIterable(keys));
		WaitingLoadersRegistry third = new WaitingLoadersRegistry();
		registrations.registerDataLoaders(third, GraphQLContext.getDefault());
		assertThat(third.<Long, Long>getDataLoader("late")).isNotNull();
	}

	@Test
	void theRequestObservationKeepsTheRequestsRegistry() {
		WaitingLoadersRegistry registry = new WaitingLoadersRegistry();
		ExecutionInput input = ExecutionInput.newExecutionInput("{ benchPing }").dataLoaderRegistry(registry).build();

		assertThat(new ObservationConfig.RequestObservation(ObservationRegistry.create())
			.instrumentExecutionInput(input, null, null)
			.getDataLoaderRegistry()).isSameAs(registry);
		// What it avoids: Spring's instrumentation copies the registry (and every loader) into a plain one.
		assertThat(new GraphQlObservationInstrumentation(ObservationRegistry.create())
			.instrumentExecutionInput(input, null, null)
			.getDataLoaderRegistry()).isNotInstanceOf(WaitingLoadersRegistry.class);
	}

}
