package cn.wenming.practice.shared;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17: {@code WX_MINIAPP_API_HOST} must be https outside the stub's profiles (local, test, bench). */
class WechatHostCheckTest {

	@Test
	void plainHttpIsRefusedOutsideLocalAndTest() {
		assertThatThrownBy(() -> WechatHostCheck.requireHttps("http://gateway.example.org", false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("WX_MINIAPP_API_HOST");
		assertThatCode(() -> WechatHostCheck.requireHttps("https://gateway.example.org", false)).doesNotThrowAnyException();
		assertThatCode(() -> WechatHostCheck.requireHttps("", false)).doesNotThrowAnyException();
		assertThatCode(() -> WechatHostCheck.requireHttps("http://127.0.0.1:1234", true)).doesNotThrowAnyException();
	}

	/**
	 * The benchmark ({@code ./mvnw -pl backend -Pbench}) serves in the bench profile against its
	 * plain-HTTP stub: refused there, its server never started unless test was added by hand.
	 */
	@Test
	void theStubsProfilesAndNoOther() {
		WechatProperties stub = new WechatProperties(new WechatProperties.Miniapp("wx-app", "secret", "http://127.0.0.1:1234"));
		for (String profile : new String[] { "local", "test", "bench" }) {
			assertThatCode(() -> new WechatHostCheck(stub, profile(profile)).afterPropertiesSet()).as(profile)
				.doesNotThrowAnyException();
		}
		for (String profile : new String[] { "default", "prod", "benchmark" }) {
			assertThatThrownBy(() -> new WechatHostCheck(stub, profile(profile)).afterPropertiesSet()).as(profile)
				.isInstanceOf(IllegalStateException.class);
		}
	}

	private static MockEnvironment profile(String profile) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(profile);
		return environment;
	}

}
