package cn.wenming.practice;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.Infrastructure;
import cn.wenming.practice.testinfra.RedisCluster;
import cn.wenming.practice.testinfra.WechatStub;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis behind Sentinel is a configuration switch ({@code spring.data.redis.sentinel.*}, README):
 * an instance started with only the sentinel's address finds the primary through it, keeps its
 * Redis state there, and carries on after Sentinel fails the primary over to the replica. Real
 * processes: a primary, a replica and one sentinel ({@code redis-server --sentinel}), started here.
 */
@HeavyTest
class SentinelSwitchTest {

	private final List<Process> processes = new ArrayList<>();

	private Path dir;

	private ConfigurableApplicationContext app;

	@AfterEach
	void stop() throws Exception {
		if (this.app != null) {
			this.app.close();
		}
		this.processes.forEach(Process::destroy);
		for (Process process : this.processes) {
			process.waitFor();
		}
	}

	@Test
	void anInstanceFindsThePrimaryThroughSentinelAndFollowsAFailover() throws Exception {
		this.dir = Files.createTempDirectory("redis-sentinel");
		int primary = freePort();
		int replica = freePort();
		int sentinel = freePort();
		start("redis-server", "--port", primary);
		start("redis-server", "--port", replica, "--replicaof", "127.0.0.1", Integer.toString(primary));
		Path conf = this.dir.resolve("sentinel.conf");
		Files.writeString(conf, String.join("\n", "port " + sentinel, "bind 127.0.0.1",
				"sentinel monitor wenming 127.0.0.1 " + primary + " 1", "sentinel down-after-milliseconds wenming 2000",
				"sentinel failover-timeout wenming 10000", ""));
		this.processes.add(new ProcessBuilder(RedisCluster.binary("redis-server"), conf.toString(), "--sentinel")
			.redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("sentinel.log").toFile()).start());
		RedisCluster.awaitListening(sentinel);
		awaitReplicaKnown(sentinel);

		Map<String, Object> properties = new HashMap<>(Infrastructure.serverProperties());
		properties.putAll(WechatStub.shared().properties());
		properties.put("spring.data.redis.sentinel.master", "wenming");
		properties.put("spring.data.redis.sentinel.nodes", "127.0.0.1:" + sentinel);
		// Database 0 of the monitored servers, whatever database the environment names for the tests.
		properties.put("spring.data.redis.database", "0");
		properties.put("spring.profiles.active", "test");
		properties.put("server.port", "0");
		this.app = new SpringApplicationBuilder(BackendApplication.class)
			.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
		Api api = new Api(((WebServerApplicationContext) this.app).getWebServer().getPort());

		// logout deny-lists the access token in Redis: the key lands on the primary Sentinel named.
		String before = loggedOut(api, api.login(Fixtures.unique("sentinel")));
		assertThat(exists(primary, before)).isTrue();
		// Replication is asynchronous: a failover forced before the replica has the key would lose it,
		// which is Redis's contract, not the application's. Wait for it to arrive.
		awaitKey(replica, before);

		// Sentinel promotes the replica; the instance follows without a restart.
		try (Jedis jedis = new Jedis("127.0.0.1", sentinel)) {
			jedis.sentinelFailover("wenming");
		}
		awaitPrimary(sentinel, replica);
		// Sentinel demotes the old primary a moment after promoting the replica; a write that reached it
		// in between would be dropped by its resync. Only then is "where did it land" a fair question.
		awaitReplicaOf(primary, replica);
		Session after = loginUntilItWorks(api);
		// The deny list is best effort (MySQL revokes the login): a logout that met the old connection
		// writes nothing, so a client's next logout is what must land on the new primary.
		AtomicReference<String> afterKey = new AtomicReference<>();
		Awaitility.await("a deny-list write after the switch").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(200)).pollInSameThread().ignoreExceptions()
			.until(() -> {
				afterKey.set(loggedOut(api, api.login(Fixtures.unique("sentinel-out"))));
				return exists(replica, afterKey.get());
			});
		assertThat(after.accessToken()).isNotBlank();
		// And what was written before the failover is still there (it was replicated).
		assertThat(exists(replica, before)).isTrue();
	}

	/** The first requests after a switch may still meet the old connection; a client would retry too. */
	private static Session loginUntilItWorks(Api api) {
		AtomicReference<Session> session = new AtomicReference<>();
		Awaitility.await("a login after the switch").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(200)).pollInSameThread().ignoreExceptions()
			.untilAsserted(() -> session.set(api.login(Fixtures.unique("sentinel-after"))));
		return session.get();
	}

	private static void awaitKey(int port, String key) {
		within30s("the replica to receive " + key).pollInterval(Duration.ofMillis(50)).until(() -> exists(port, key));
	}

	private static void awaitReplicaOf(int port, int primary) {
		within30s("Sentinel to turn the old primary into a replica").until(() -> {
			try (Jedis jedis = new Jedis("127.0.0.1", port)) {
				String replication = jedis.info("replication");
				return replication.contains("role:slave") && replication.contains("master_port:" + primary)
						&& replication.contains("master_link_status:up");
			}
		});
	}

	private static boolean exists(int port, String key) {
		try (Jedis jedis = new Jedis("127.0.0.1", port)) {
			return jedis.exists(key);
		}
	}

	private void start(String name, String flag, int port, String... more) throws Exception {
		List<String> command = new ArrayList<>(List.of(RedisCluster.binary("redis-server"), flag, Integer.toString(port),
				"--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", this.dir.toString()));
		command.addAll(List.of(more));
		this.processes.add(new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve(name + "-" + port + ".log").toFile()).start());
		RedisCluster.awaitListening(port);
	}

	private static void awaitReplicaKnown(int sentinel) {
		within30s("Sentinel to see the replica").until(() -> {
			try (Jedis jedis = new Jedis("127.0.0.1", sentinel)) {
				return !jedis.sentinelReplicas("wenming").isEmpty();
			}
		});
	}

	private static void awaitPrimary(int sentinel, int port) {
		within30s("Sentinel to promote the replica").until(() -> {
			try (Jedis jedis = new Jedis("127.0.0.1", sentinel)) {
				List<String> address = jedis.sentinelGetMasterAddrByName("wenming");
				if (address == null || !address.get(1).equals(Integer.toString(port))) {
					return false;
				}
			}
			try (Jedis promoted = new Jedis("127.0.0.1", port)) {
				return promoted.info("replication").contains("role:master");
			}
		});
	}

	private static ConditionFactory within30s(String what) {
		return Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(200)).pollInSameThread();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Logs the session out and answers the Redis key of its access token's deny-list entry. */
	private static String loggedOut(Api api, Session session) {
		api.as(session).documentName("logout").execute().path("logout").entity(Boolean.class).isEqualTo(true);
		String payload = new String(java.util.Base64.getUrlDecoder().decode(session.accessToken().split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		java.util.regex.Matcher jti = java.util.regex.Pattern.compile("\"jti\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
		assertThat(jti.find()).as("jti in " + payload).isTrue();
		return "auth:revoked-jti:" + jti.group(1);
	}

}
