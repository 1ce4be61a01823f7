package cn.wenming.practice.shared;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
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
