package cn.wenming.practice.mp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.WechatStub;
import me.chanjar.weixin.mp.api.WxMpService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official account's access token is fetched once and shared through Redis: three instances
 * (the application's service and two built independently, as other servers would), two callers
 * each, asking at the same moment make WeChat issue one token, and later instances reuse it.
 */
@IntegrationTest
class MpTokenSharingTest {

	@Autowired
	WxMpService wechat;

	@Autowired
	MpProperties properties;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void instancesAskingAtOnceFetchTheTokenOnce() throws Exception {
		String key = MpConfig.REDIS_PREFIX + ":access_token:" + WechatStub.MP_APPID;
		// Load WxJava's HTTP stack first: on a cold JVM and a busy machine that alone can outlast the
		// 3 s WxJava lets a waiter wait for the lock holder's fetch, which is not what is tested here.
		this.wechat.getAccessToken();
		this.redis.delete(key);
		int before = WechatStub.shared().mpTokenCalls();
		List<WxMpService> instances = List.of(this.wechat, MpConfig.build(this.properties, this.redis),
				MpConfig.build(this.properties, this.redis));

		// Two callers per instance; WxJava gives a waiter 3 s, so the burst is kept small for busy CI machines.
		int threads = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<String>> tokens = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				WxMpService instance = instances.get(i % instances.size());
				tokens.add(pool.submit(() -> {
					start.await();
					return instance.getAccessToken();
				}));
			}
			start.countDown();
			for (Future<String> token : tokens) {
				assertThat(token.get()).isEqualTo(WechatStub.MP_ACCESS_TOKEN);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(WechatStub.shared().mpTokenCalls()).isEqualTo(before + 1);
		// Stored for WeChat's 7200 s less the safety margin.
		assertThat(this.redis.getExpire(key)).isBetween(6900L, 7000L);

		// A later call by a fresh instance reads Redis, not WeChat.
		assertThat(MpConfig.build(this.properties, this.redis).getAccessToken()).isEqualTo(WechatStub.MP_ACCESS_TOKEN);
		assertThat(WechatStub.shared().mpTokenCalls()).isEqualTo(before + 1);
	}

}
