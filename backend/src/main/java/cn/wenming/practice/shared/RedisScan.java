package cn.wenming.practice.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.redis.connection.DecoratedRedisConnection;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * SCAN that works on one Redis and on a Redis Cluster alike. Spring Data Redis refuses a plain
 * {@code SCAN} on a cluster connection ("not supported across multiple nodes"), because each
 * primary holds only its own slots; here every primary is scanned in turn. Never {@code KEYS}: a
 * scan never blocks Redis, and keys that move during it may be seen twice or (if added meanwhile)
 * not at all, which is what SCAN promises anyway. Callers must tolerate both.
 */
public final class RedisScan {

	private RedisScan() {
	}

	/** Calls {@code each} with every key matching the glob {@code pattern}. */
	public static void keys(StringRedisTemplate redis, String pattern, int count, Consumer<String> each) {
		ScanOptions options = ScanOptions.scanOptions().match(pattern).count(count).build();
		redis.execute((RedisCallback<Void>) used -> {
			// StringRedisTemplate hands callbacks a decorated connection; the cluster one is inside.
			RedisConnection connection = (used instanceof DecoratedRedisConnection decorated) ? decorated.getDelegate()
					: used;
			if (connection instanceof RedisClusterConnection cluster) {
				for (RedisClusterNode node : cluster.clusterGetNodes()) {
					if (node.isMaster() && node.isConnected()) {
						drain(cluster.scan(node, options), each);
					}
				}
			}
			else {
				drain(scanOf(connection, options), each);
			}
			return null;
		});
	}

	/** Every key matching {@code pattern}, collected. */
	public static List<String> keys(StringRedisTemplate redis, String pattern, int count) {
		List<String> keys = new ArrayList<>();
		keys(redis, pattern, count, keys::add);
		return keys;
	}

	private static Cursor<byte[]> scanOf(RedisConnection connection, ScanOptions options) {
		return connection.keyCommands().scan(options);
	}

	private static void drain(Cursor<byte[]> cursor, Consumer<String> each) {
		try (cursor) {
			cursor.forEachRemaining(key -> each.accept(new String(key, StandardCharsets.UTF_8)));
		}
	}

}
