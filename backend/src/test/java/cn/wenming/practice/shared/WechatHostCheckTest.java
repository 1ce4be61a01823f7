package cn.wenming.practice.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 17: {@code WX_MINIAPP_API_HOST} must be https outside the local and test profiles. */
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

}
