package cn.wenming.practice.testinfra;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import redis.clients.jedis.Jedis;

/**
 * A real Redis Cluster for tests: {@code masters} {@code redis-server --cluster-enabled yes}
 * processes on loopback ports (no persistence, files in a temporary directory), joined with
 * {@code redis-cli --cluster create}, stopped and deleted by {@link #close()}. Needs the
 * {@code redis-server} and {@code redis-cli} binaries (Debian's redis-server package, which
 * {@code .ci/run} installs); without them it fails with a clear message rather than skipping.
 */
public final class RedisCluster implements AutoCloseable {

	private final Path dir;

	private final List<Integer> ports;

	private final List<Process> processes = new ArrayList<>();

	private RedisCluster(Path dir, List<Integer> ports) {
		this.dir = dir;
		this.ports = ports;
	}

	/** Starts the processes and forms the cluster; returns once every node reports {@code cluster_state:ok}. */
	public static RedisCluster start(int masters) {
		String server = binary("redis-server");
		String cli = binary("redis-cli");
		RedisCluster cluster;
		try {
			cluster = new RedisCluster(Files.createTempDirectory("redis-cluster"), freePortPairs(masters));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not prepare a Redis Cluster", ex);
		}
		try {
			for (int port : cluster.ports) {
				cluster.processes.add(new ProcessBuilder(server, "--port", Integer.toString(port), "--bind", "127.0.0.1",
						"--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
						"--cluster-node-timeout", "5000", "--save", "", "--appendonly", "no", "--dir",
						cluster.dir.toString())
					.redirectErrorStream(true)
					.redirectOutput(cluster.dir.resolve("redis-" + port + ".log").toFile())
					.start());
			}
			for (int port : cluster.ports) {
				awaitListening(port);
			}
			List<String> create = new ArrayList<>(List.of(cli, "--cluster", "create"));
			cluster.ports.forEach(port -> create.add("127.0.0.1:" + port));
			create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
			Process join = new ProcessBuilder(create).redirectErrorStream(true).start();
			String output = new String(join.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!join.waitFor(60, TimeUnit.SECONDS) || join.exitValue() != 0) {
				throw new IllegalStateException("redis-cli --cluster create failed:\n" + output);
			}
			cluster.awaitState();
			return cluster;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			cluster.close();
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("Could not start a Redis Cluster", ex);
		}
	}

	public List<Integer> ports() {
		return List.copyOf(this.ports);
	}

	/** {@code 127.0.0.1:p1,127.0.0.1:p2,…}, as {@code spring.data.redis.cluster.nodes} takes it. */
	public String nodes() {
		return this.ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	/**
	 * Spring properties that switch an application context to this cluster. The standalone host and
	 * database (which the CI environment sets) stay as they are: cluster settings win over them.
	 */
	public Map<String, Object> springProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.data.redis.cluster.nodes", nodes());
		properties.put("spring.data.redis.cluster.max-redirects", "5");
		return properties;
	}

	/** Which master port owns {@code key}'s slot (asks the cluster, so it is the truth). */
	public int portOf(String key) {
		try (Jedis jedis = new Jedis("127.0.0.1", this.ports.get(0))) {
			long slot = jedis.clusterKeySlot(key);
			for (Object range : jedis.clusterSlots()) {
				List<?> fields = (List<?>) range;
				long from = (Long) fields.get(0);
				long to = (Long) fields.get(1);
				if (slot >= from && slot <= to) {
					return ((Long) ((List<?>) fields.get(2)).get(1)).intValue();
				}
			}
		}
		throw new IllegalStateException("No node owns the slot of " + key);
	}

	/** Number of keys on one master (DBSIZE), to show data really is spread. */
	public long keysOn(int port) {
		try (Jedis jedis = new Jedis("127.0.0.1", port)) {
			return jedis.dbSize();
		}
	}

	@Override
	public void close() {
		for (Process process : this.processes) {
			process.destroy();
		}
		for (Process process : this.processes) {
			try {
				if (!process.waitFor(10, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ignored) {
			// A temporary directory left behind is harmless.
		}
	}

	private void awaitState() throws InterruptedException {
		Awaitility.await("the Redis Cluster to reach cluster_state:ok").atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).pollInSameThread()
			.until(this::stateOk);
	}

	private boolean stateOk() {
		boolean ok = true;
		for (int port : this.ports) {
			try (Jedis jedis = new Jedis("127.0.0.1", port)) {
				ok &= jedis.clusterInfo().contains("cluster_state:ok");
			}
		}
		return ok;
	}

	/** Waits up to 10 s until something accepts connections on the loopback port. */
	public static void awaitListening(int port) throws InterruptedException {
		Awaitility.await("something to listen on port " + port).atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).pollInSameThread()
			.until(() -> listening(port));
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException notYet) {
			return false;
		}
	}

	/** Ports p whose cluster bus port p + 10000 is free too. */
	private static List<Integer> freePortPairs(int count) throws IOException {
		List<Integer> ports = new ArrayList<>();
		while (ports.size() < count) {
			int port = ThreadLocalRandom.current().nextInt(20000, 40000);
			if (!ports.contains(port) && free(port) && free(port + 10000)) {
				ports.add(port);
			}
		}
		return ports;
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}

	/** The absolute path of a Redis binary ({@code redis-server}, {@code redis-cli}), or a clear failure. */
	public static String binary(String name) {
		for (String dir : (System.getenv("PATH") + File.pathSeparator + "/usr/bin:/usr/local/bin").split(File.pathSeparator)) {
			File candidate = new File(dir, name);
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		throw new IllegalStateException(name + " not found: install Redis (Debian: apt-get install redis-server) "
				+ "to run the Redis Cluster tests");
	}

}
