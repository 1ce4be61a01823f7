package cn.wenming.practice.testinfra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import cn.wenming.practice.BackendApplication;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The backend scaled out: three instances of the production application (profile {@code test}: its
 * timers never fire, tests tick jobs themselves) on loopback ports, sharing the test database and a
 * 3-master {@link RedisCluster}, with WeChat at the shared {@link WechatStub}. Started once per JVM
 * on first use (≈ half a minute) and stopped — cluster processes included — when the JVM exits.
 * <p>
 * Each instance's ShedLock {@link LockProvider} is wrapped to count the locks it obtained per job
 * name ({@link #locksTaken}), which is how a test sees which instance ran a tick.
 */
public final class ThreeInstances {

	private static final Logger log = LoggerFactory.getLogger(ThreeInstances.class);

	private static ThreeInstances running;

	private final RedisCluster cluster;

	private final List<ConfigurableApplicationContext> contexts;

	private final List<Map<String, AtomicInteger>> locks;

	private ThreeInstances(RedisCluster cluster, List<ConfigurableApplicationContext> contexts,
			List<Map<String, AtomicInteger>> locks) {
		this.cluster = cluster;
		this.contexts = contexts;
		this.locks = locks;
	}

	/** The running instances, started on first call. */
	public static synchronized ThreeInstances get() {
		if (running == null) {
			running = start();
			ThreeInstances stopping = running;
			Runtime.getRuntime().addShutdownHook(new Thread(stopping::stop, "three-instances-stop"));
		}
		return running;
	}

	private static ThreeInstances start() {
		long started = System.nanoTime();
		RedisCluster cluster = RedisCluster.start(3);
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		List<Map<String, AtomicInteger>> locks = new ArrayList<>();
		try {
			// The first alone (it may run the migrations), then the other two together, as a rolling start.
			Map<String, AtomicInteger> first = new ConcurrentHashMap<>();
			contexts.add(startInstance(0, cluster, first));
			locks.add(first);
			Map<String, AtomicInteger> second = new ConcurrentHashMap<>();
			Map<String, AtomicInteger> third = new ConcurrentHashMap<>();
			CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture
				.supplyAsync(() -> startInstance(1, cluster, second));
			CompletableFuture<ConfigurableApplicationContext> c = CompletableFuture
				.supplyAsync(() -> startInstance(2, cluster, third));
			contexts.add(b.join());
			contexts.add(c.join());
			locks.add(second);
			locks.add(third);
		}
		catch (RuntimeException ex) {
			contexts.forEach(ConfigurableApplicationContext::close);
			cluster.close();
			throw ex;
		}
		log.info("Three instances on ports {} with a Redis Cluster on {} started in {} ms",
				contexts.stream().map(ThreeInstances::portOf).toList(), cluster.nodes(),
				(System.nanoTime() - started) / 1_000_000);
		return new ThreeInstances(cluster, contexts, locks);
	}

	private static ConfigurableApplicationContext startInstance(int index, RedisCluster cluster,
			Map<String, AtomicInteger> locks) {
		Map<String, Object> properties = new HashMap<>(Infrastructure.serverProperties());
		properties.putAll(WechatStub.shared().properties());
		properties.putAll(cluster.springProperties());
		properties.put("spring.profiles.active", "test");
		properties.put("server.port", "0");
		properties.put("app.media.storage-dir", Infrastructure.mediaDir());
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(BackendApplication.class)
			.initializers(context -> context.getBeanFactory().addBeanPostProcessor(countingLocks(locks)))
			.run(args);
	}

	private static BeanPostProcessor countingLocks(Map<String, AtomicInteger> locks) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof LockProvider provider) {
					return new LockProvider() {
						@Override
						public Optional<SimpleLock> lock(LockConfiguration configuration) {
							Optional<SimpleLock> lock = provider.lock(configuration);
							if (lock.isPresent()) {
								locks.computeIfAbsent(configuration.getName(), name -> new AtomicInteger()).incrementAndGet();
							}
							return lock;
						}
					};
				}
				return bean;
			}
		};
	}

	private static int portOf(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	public RedisCluster cluster() {
		return this.cluster;
	}

	public int size() {
		return this.contexts.size();
	}

	public int port(int instance) {
		return portOf(this.contexts.get(instance));
	}

	public Api api(int instance) {
		return new Api(port(instance));
	}

	public ConfigurableApplicationContext context(int instance) {
		return this.contexts.get(instance);
	}

	/** One bean of {@code type} per instance, in instance order. */
	public <T> List<T> beans(Class<T> type) {
		return this.contexts.stream().map(context -> context.getBean(type)).toList();
	}

	/** The cluster, through instance 0's template. */
	public StringRedisTemplate redis() {
		return context(0).getBean(StringRedisTemplate.class);
	}

	public JdbcTemplate jdbc() {
		return context(0).getBean(JdbcTemplate.class);
	}

	/** How many ShedLock locks named {@code name} the instance obtained so far. */
	public int locksTaken(int instance, String name) {
		AtomicInteger count = this.locks.get(instance).get(name);
		return (count == null) ? 0 : count.get();
	}

	private void stop() {
		this.contexts.forEach(context -> {
			try {
				context.close();
			}
			catch (RuntimeException ex) {
				log.warn("Closing an instance failed: {}", ex.toString());
			}
		});
		this.cluster.close();
	}

}
