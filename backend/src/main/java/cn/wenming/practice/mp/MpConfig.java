package cn.wenming.practice.mp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.StringUtils;

/**
 * The official account's WxJava service, built by hand like the mini-program's. Only created when
 * {@code app.wechat.mp.app-id} has a value (an empty {@code ${WX_MP_APPID:}} counts as absent,
 * which {@code @ConditionalOnProperty} would not do). Its access token lives in Redis under
 * {@link #REDIS_PREFIX}, shared by every instance, fetched under a Redis lock.
 */
@Configuration(proxyBeanMethods = false)
class MpConfig {

	static final String REDIS_PREFIX = "wx:mp";

	/**
	 * WeChat's token lives {@code expires_in} seconds; this many are cut off so that a token read
	 * just before it expires is not sent after it has (WxJava's in-memory store does the same).
	 */
	static final int TOKEN_MARGIN_SECONDS = 200;

	@Bean
	@Conditional(Configured.class)
	WxMpService wxMpService(MpProperties properties, StringRedisTemplate redis) {
		return build(properties, redis);
	}

	static WxMpService build(MpProperties properties, StringRedisTemplate redis) {
		var config = new SharedTokenConfig(redis);
		config.setAppId(properties.appId().strip());
		config.setSecret(properties.secret().strip());
		config.setToken(properties.token().strip());
		if (properties.safeModeAvailable()) {
			config.setAesKey(properties.aesKey().strip());
		}
		if (StringUtils.hasText(properties.apiHostUrl())) {
			String host = properties.apiHostUrl().strip();
			config.setHostConfig(WxMpHostConfig.builder().apiHost(host).mpHost(host).openHost(host).build());
		}
		// Short timeouts and few retries: replies to a follower must be sent within WeChat's 5 s.
		DefaultApacheHttpClientBuilder http = DefaultApacheHttpClientBuilder.get();
		http.setConnectionTimeout(2_000);
		http.setConnectionRequestTimeout(2_000);
		http.setSoTimeout(5_000);
		config.setApacheHttpClientBuilder(http);
		WxMpServiceImpl service = new SharedTokenService();
		service.setMaxRetryTimes(2);
		service.setRetrySleepMillis(100);
		service.setWxMpConfigStorage(config);
		return service;
	}

	/**
	 * Fetches the token with double-checked locking done right. WxJava (4.7.9.B) checks whether the
	 * token is still expired only before each attempt to take the lock, so an instance that waited
	 * while another refreshed takes the lock afterwards and fetches a second token (measured: three
	 * instances, three fetches). Here the check is repeated once the lock is held.
	 */
	static final class SharedTokenService extends WxMpServiceImpl {

		private static final Duration LOCK_WAIT = Duration.ofSeconds(10);

		@Override
		public String getAccessToken(boolean forceRefresh) throws WxErrorException {
			WxMpConfigStorage config = getWxMpConfigStorage();
			if (!forceRefresh && !config.isAccessTokenExpired()) {
				return config.getAccessToken();
			}
			Lock lock = config.getAccessTokenLock();
			long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
			try {
				while (!lock.tryLock(100, TimeUnit.MILLISECONDS)) {
					if (!forceRefresh && !config.isAccessTokenExpired()) {
						return config.getAccessToken();
					}
					if (System.nanoTime() > deadline) {
						throw new WxRuntimeException("timed out waiting for the access token lock");
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new WxRuntimeException(ex);
			}
			try {
				if (!forceRefresh && !config.isAccessTokenExpired()) {
					return config.getAccessToken();
				}
				return extractAccessToken(doGetAccessTokenRequest());
			}
			catch (IOException ex) {
				throw new WxRuntimeException(ex);
			}
			finally {
				lock.unlock();
			}
		}

	}

	/** The Redis-backed token store, with the same safety margin as WxJava's in-memory one. */
	static final class SharedTokenConfig extends WxMpRedisConfigImpl {

		private static final long serialVersionUID = 1L;

		SharedTokenConfig(StringRedisTemplate redis) {
			super(new RedisTemplateWxRedisOps(redis), REDIS_PREFIX);
		}

		@Override
		public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
			super.updateAccessToken(accessToken, Math.max(expiresInSeconds - TOKEN_MARGIN_SECONDS, 1));
		}

	}

	/** True when the account has an app id. */
	static final class Configured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("app.wechat.mp.app-id"));
		}

	}

}
