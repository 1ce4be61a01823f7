package cn.wenming.practice.shared;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances share one WeChat access token through Redis: a second, independently built
 * WxMaService (another instance) finds the token the first fetched and never calls WeChat for it.
 */
@IntegrationTest
class WechatTokenSharingTest {

	@Autowired
	WxMaService wechat;

	@Autowired
	WechatProperties properties;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void secondInstanceReusesTheTokenFromRedis() throws Exception {
		String token = this.wechat.getAccessToken();
		int callsBefore = WechatStub.shared().tokenCalls();

		WxMaService otherInstance = new WechatConfig().wxMaService(this.properties, this.redis);
		assertThat(otherInstance.getAccessToken()).isEqualTo(token).isEqualTo(WechatStub.ACCESS_TOKEN);
		assertThat(WechatStub.shared().tokenCalls()).isEqualTo(callsBefore);
		assertThat(this.redis.keys("wx:ma*")).isNotEmpty();
	}

}
