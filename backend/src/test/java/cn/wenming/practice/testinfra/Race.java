package cn.wenming.practice.testinfra;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls started at one instant, each on its own thread, for tests of concurrent requests. */
public final class Race {

	private Race() {
	}

	/** Runs the calls at once; their results (e.g. error codes, null for none) in order. */
	public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				// Bounded: a call that never returns fails the test instead of hanging the build.
				results.add(future.get(2, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The same call {@code times} times at once. */
	public static <T> List<T> times(int times, Callable<T> call) throws Exception {
		List<Callable<T>> calls = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			calls.add(call);
		}
		return run(calls);
	}

}
