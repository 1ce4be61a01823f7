package cn.wenming.practice.shared;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * {@code WX_MINIAPP_API_HOST} carries the app secret, {@code session_key} exchanges and every
 * resident's openid: outside the {@code local}, {@code test} and {@code bench} profiles (whose WeChat
 * stub is plain HTTP on this machine; {@code bench} is the benchmark's, docs/performance.md) it must be
 * {@code https://}, or start-up fails.
 */
@Component
class WechatHostCheck implements InitializingBean {

	private final WechatProperties properties;

	private final Environment environment;

	WechatHostCheck(WechatProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	/** The profiles whose WeChat is the plain-HTTP stub on this machine. */
	static final Profiles STUB_PROFILES = Profiles.of("local | test | bench");

	@Override
	public void afterPropertiesSet() {
		requireHttps(this.properties.miniapp().apiHostUrl(), this.environment.acceptsProfiles(STUB_PROFILES));
	}

	static void requireHttps(String apiHostUrl, boolean stubAllowed) {
		if (!StringUtils.hasText(apiHostUrl) || stubAllowed) {
			return;
		}
		if (!apiHostUrl.trim().toLowerCase(java.util.Locale.ROOT).startsWith("https://")) {
			throw new IllegalStateException("WX_MINIAPP_API_HOST must be an https:// URL (got a non-https address)");
		}
	}

}
