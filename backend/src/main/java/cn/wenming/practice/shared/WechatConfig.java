package cn.wenming.practice.shared;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.common.util.http.apache.DefaultApacheHttpClientBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.StringUtils;

/**
 * WxJava built by hand from {@link WechatProperties}. The access token lives in Redis so that
 * every instance shares one token instead of each fetching (and invalidating) its own.
 */
@Configuration(proxyBeanMethods = false)
class WechatConfig {

	@Bean
	WxMaService wxMaService(WechatProperties properties, StringRedisTemplate redis) {
		WechatProperties.Miniapp miniapp = properties.miniapp();
		var config = new WxMaRedisBetterConfigImpl(new RedisTemplateWxRedisOps(redis), "wx:ma");
		config.setAppid(miniapp.appId());
		config.setSecret(miniapp.secret());
		if (StringUtils.hasText(miniapp.apiHostUrl())) {
			config.setApiHostUrl(miniapp.apiHostUrl());
		}
		// Fail fast: a user is waiting on the other side of every call.
		config.setMaxRetryTimes(2);
		config.setRetrySleepMillis(100);
		DefaultApacheHttpClientBuilder http = DefaultApacheHttpClientBuilder.get();
		http.setConnectionTimeout(2_000);
		http.setConnectionRequestTimeout(2_000);
		http.setSoTimeout(5_000);
		config.setApacheHttpClientBuilder(http);
		WxMaService service = new WxMaServiceImpl();
		service.setWxMaConfig(config);
		return service;
	}

}
