package cn.wenming.practice.auth;

import java.time.Duration;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps WeChat's {@code session_key} server-side (Redis, with a TTL) for decrypting data the
 * mini-program sends later. It is never returned, logged or written to MySQL.
 */
@Component
class SessionKeyStore {

	private final StringRedisTemplate redis;

	private final Duration ttl;

	SessionKeyStore(StringRedisTemplate redis, AuthProperties properties) {
		this.redis = redis;
		this.ttl = properties.sessionKeyTtl();
	}

	void put(long userId, String sessionKey) {
		this.redis.opsForValue().set(key(userId), sessionKey, this.ttl);
	}

	String get(long userId) {
		return this.redis.opsForValue().get(key(userId));
	}

	void remove(long userId) {
		this.redis.delete(key(userId));
	}

	private static String key(long userId) {
		return "auth:session-key:" + userId;
	}

}
