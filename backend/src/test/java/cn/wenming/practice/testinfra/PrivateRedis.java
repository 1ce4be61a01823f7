package cn.wenming.practice.testinfra;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A private {@code redis-server} on a free loopback port (no persistence), for tests that flush,
 * restart or fill Redis and so must never use the shared one. {@link #close()} closes the
 * connections and stops the server.
 */
public final class PrivateRedis implements AutoCloseable {

	private final int port;

	private final JedisConnectionFactory connections;

	private Process process;

	private PrivateRedis(int port, Process process) {
		this.port = port;
		this.process = process;
		this.connections = connect(port);
	}

	public static PrivateRedis start() throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = server(port);
		try {
			return new PrivateRedis(port, process);
		}
		catch (RuntimeException ex) {
			process.destroy();
			throw ex;
		}
	}

	/** A template on this server (a new one each call, over the same connections). */
	public StringRedisTemplate template() {
		return new StringRedisTemplate(this.connections);
	}

	/** Stops the server; {@code true} if it exited within ten seconds. */
	public boolean stop() throws InterruptedException {
		this.process.destroy();
		return this.process.waitFor(10, TimeUnit.SECONDS);
	}

	/** A new, empty server on the same port (a restart, after {@link #stop()}). */
	public void startAgain() throws IOException, InterruptedException {
		this.process = server(this.port);
	}

	@Override
	public void close() {
		this.connections.destroy();
		this.process.destroy();
	}

	/** Started connections to {@code 127.0.0.1:port}; port 1, where nothing listens, stands for a Redis that is down. */
	public static JedisConnectionFactory connect(int port) {
		JedisConnectionFactory factory = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	private static Process server(int port) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(RedisCluster.binary("redis-server"), "--port", Integer.toString(port),
				"--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			RedisCluster.awaitListening(port);
			return process;
		}
		catch (RuntimeException notStarted) {
			process.destroy();
			throw new IllegalStateException("redis-server did not start on port " + port, notStarted);
		}
	}

}
