package cn.wenming.practice;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.wenming.practice.shared.EveryInstance;
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.ThreeInstances;
import cn.wenming.practice.testinfra.WechatStub;
import me.chanjar.weixin.mp.api.WxMpService;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must stay single across instances ({@link ThreeInstances}: three instances, one database, a
 * 3-master Redis Cluster): WeChat access tokens — WeChat invalidates the previous token when a new
 * one is fetched, so instances fetching their own would log each other out — are fetched once per
 * expiry for the mini-program and the 公众号; every scheduled job runs on one instance per tick.
 * The redemption and sign-up races on three instances are in {@code store.RedemptionScaleOutTest}
 * and {@code activity.SignUpScaleOutTest}.
 */
@HeavyTest
class ScaleOutTest {

	ThreeInstances instances;

	@BeforeEach
	void setUp() {
		this.instances = ThreeInstances.get();
	}

	@Test
	void theMiniProgramTokenIsFetchedOncePerExpiryAcrossInstances() throws Exception {
		List<WxMaService> services = this.instances.beans(WxMaService.class);
		WechatStub stub = WechatStub.shared();
		assertFetchedOncePerExpiry(() -> services.get(0).getWxMaConfig().expireAccessToken(),
				i -> services.get(i % 3).getAccessToken(), stub::tokenCalls, WechatStub.ACCESS_TOKEN);
	}

	@Test
	void theOfficialAccountTokenIsFetchedOncePerExpiryAcrossInstances() throws Exception {
		List<WxMpService> services = this.instances.beans(WxMpService.class);
		WechatStub stub = WechatStub.shared();
		assertFetchedOncePerExpiry(() -> services.get(0).getWxMpConfigStorage().expireAccessToken(),
				i -> services.get(i % 3).getAccessToken(), stub::mpTokenCalls, WechatStub.MP_ACCESS_TOKEN);
	}

	/**
	 * Twice: the token expires (the key is gone from the cluster for every instance at once), nine
	 * callers spread over the three instances ask for it together, and WeChat is asked once. Until it
	 * expires again, none of the instances asks.
	 */
	private static void assertFetchedOncePerExpiry(Runnable expire, Call get, IntSupplier fetches, String token)
			throws Exception {
		for (int expiry = 1; expiry <= 2; expiry++) {
			expire.run();
			int before = fetches.getAsInt();
			assertThat(burst(9, get)).containsOnly(token);
			assertThat(fetches.getAsInt() - before).as("fetches after expiry %s", expiry).isOne();
		}
		int before = fetches.getAsInt();
		for (int i = 0; i < 3; i++) {
			assertThat(get.get(i)).isEqualTo(token);
		}
		assertThat(fetches.getAsInt()).isEqualTo(before);
	}

	@Test
	void everyScheduledJobRunsOnOneInstancePerTick() throws Exception {
		Map<String, List<Runnable>> jobs = scheduledJobs();
		// Every @Scheduled method of the application is guarded by ShedLock (found by reflection, so a
		// new job without a lock fails here), and each is found on all three instances.
		assertThat(jobs).doesNotContainKey("(no @SchedulerLock)");
		assertThat(jobs.keySet()).contains("need-deadlines", "notification-retries", "notification-activity-reminders",
				"photo-check-retry", "redemption-expiry", "redemption-reconcile", "points-expiry", "points-reconcile",
				"leaderboard-rebuild", "event-publication-resubmission");
		assertThat(jobs.values()).allSatisfy(ticks -> assertThat(ticks).hasSize(3));

		JdbcTemplate jdbc = this.instances.jdbc();
		for (Map.Entry<String, List<Runnable>> job : jobs.entrySet()) {
			String name = job.getKey();
			awaitLockFree(jdbc, name);
			int before = locksTaken(name);
			// The three instances' timers fire at the same moment.
			CyclicBarrier together = new CyclicBarrier(3);
			ExecutorService threads = Executors.newFixedThreadPool(3);
			try {
				List<Future<?>> ticks = new ArrayList<>();
				for (Runnable tick : job.getValue()) {
					ticks.add(threads.submit(() -> {
						together.await(30, TimeUnit.SECONDS);
						tick.run();
						return null;
					}));
				}
				for (Future<?> tick : ticks) {
					tick.get(300, TimeUnit.SECONDS);
				}
			}
			finally {
				threads.shutdownNow();
			}
			assertThat(locksTaken(name) - before).as("instances that ran %s in one tick", name).isOne();
		}
	}

	private int locksTaken(String name) {
		int taken = 0;
		for (int i = 0; i < this.instances.size(); i++) {
			taken += this.instances.locksTaken(i, name);
		}
		return taken;
	}

	/** Lock name → one tick per instance (the method called through the bean's proxy, as the scheduler does). */
	private Map<String, List<Runnable>> scheduledJobs() {
		Map<String, List<Runnable>> jobs = new TreeMap<>();
		for (int i = 0; i < this.instances.size(); i++) {
			ConfigurableApplicationContext context = this.instances.context(i);
			for (String beanName : context.getBeanDefinitionNames()) {
				Class<?> type = context.getBeanFactory().getType(beanName);
				if (type == null || !type.getName().startsWith("cn.wenming.practice.")) {
					continue;
				}
				// The user class: a CGLIB proxy's overrides carry no annotations.
				for (Method method : ReflectionUtils.getUniqueDeclaredMethods(ClassUtils.getUserClass(type))) {
					if (!method.isAnnotationPresent(Scheduled.class)) {
						continue;
					}
					if (method.isAnnotationPresent(EveryInstance.class)) {
						// Refreshes this instance's own memory: runs everywhere, so it must not take a lock.
						assertThat(method.isAnnotationPresent(SchedulerLock.class)).as(method.toString()).isFalse();
						continue;
					}
					SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
					String name = (lock != null) ? lock.name() : "(no @SchedulerLock)";
					Object bean = context.getBean(beanName);
					ReflectionUtils.makeAccessible(method);
					jobs.computeIfAbsent(name, n -> new ArrayList<>())
						.add(() -> ReflectionUtils.invokeMethod(method, bean));
				}
			}
		}
		return jobs;
	}

	/** Waits out a lock an earlier test left (lockAtLeastFor), by the database's clock as ShedLock uses it. */
	private static void awaitLockFree(JdbcTemplate jdbc, String name) throws InterruptedException {
		Awaitility.await("the lock " + name + " to be free").atMost(Duration.ofSeconds(20))
			.pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).pollInSameThread()
			.until(() -> jdbc.queryForList(
					"SELECT lock_until FROM shedlock WHERE name = ? AND lock_until > UTC_TIMESTAMP(3)", Timestamp.class,
					name).isEmpty());
	}

	private static List<String> burst(int callers, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				int caller = i;
				Callable<String> task = () -> {
					go.await();
					return call.get(caller);
				};
				results.add(pool.submit(task));
			}
			go.countDown();
			List<String> values = new ArrayList<>();
			for (Future<String> result : results) {
				values.add(result.get(60, TimeUnit.SECONDS));
			}
			return values;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@FunctionalInterface
	private interface Call {

		String get(int caller) throws Exception;

	}

}
