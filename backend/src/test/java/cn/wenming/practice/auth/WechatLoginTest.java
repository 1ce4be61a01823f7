package cn.wenming.practice.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WechatLoginTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Scenario
	Api api;

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void loginCreatesUserAndReturnsWorkingTokens(CapturedOutput output) {
		String code = unique("alice");
		Session session = this.api.login(code);

		assertThat(session.accessToken()).isNotBlank();
		assertThat(session.refreshToken()).isNotBlank();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE openid = ?", Integer.class,
				"dev-" + code)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT unionid FROM app_user WHERE openid = ?", String.class,
				"dev-" + code)).isEqualTo("union-" + code);

		var response = this.api.as(session).documentName("me").execute();
		response.path("me.id").entity(String.class).isEqualTo(Long.toString(session.userId()));
		response.path("me.roles").entityList(String.class).containsExactly("RESIDENT");
		String body = response.returnResponse().toString();

		// session_key is not kept anywhere (nothing reads it): not in Redis, not in MySQL, not in any
		// response or log line.
		assertThat(this.redis.hasKey("auth:session-key:" + session.userId())).isFalse();
		assertThat(body).doesNotContain(WechatStub.SESSION_KEY_PREFIX);
		String raw = this.api.client()
			.post()
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "mutation { wxLogin(code: \"" + code + "\") { accessToken refreshToken user { id roles } } }"))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(raw).doesNotContain(WechatStub.SESSION_KEY_PREFIX).doesNotContain("session_key");
		// The log is really captured (an unparsable pattern would print nothing and pass vacuously) ...
		org.slf4j.LoggerFactory.getLogger(getClass()).info("probe session_key=" + WechatStub.SESSION_KEY_PREFIX + "x");
		assertThat(output.getAll()).contains("probe session_key=***");
		// ... and holds no WeChat secret.
		assertThat(output.getAll()).doesNotContain(WechatStub.SESSION_KEY_PREFIX)
			.doesNotContain(WechatStub.ACCESS_TOKEN)
			.doesNotContain("STUB-APP-SECRET");
		List<String> columns = this.jdbc.queryForList(
				"SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()", String.class);
		assertThat(columns).noneMatch(column -> column.toLowerCase().contains("session"));
	}

	@Test
	void secondLoginReusesTheUser() {
		String code = unique("bob");
		Session first = this.api.login(code);
		Session second = this.api.login(code);
		assertThat(second.userId()).isEqualTo(first.userId());
	}

	@Test
	void invalidCodeIsRejectedWithStableCode() {
		expectLoginError("invalid-" + UUID.randomUUID(), "WECHAT_CODE_INVALID");
	}

	@Test
	void rateLimitIsReported() {
		expectLoginError(unique("limited"), "WECHAT_RATE_LIMITED");
	}

	@Test
	void wechatDownCreatesNoUser() {
		String code = unique("down");
		expectLoginError(code, "UPSTREAM_UNAVAILABLE");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE openid = ?", Integer.class,
				"dev-" + code)).isZero();
	}

	private void expectLoginError(String code, String expected) {
		this.api.anonymous()
			.documentName("login")
			.variable("code", code)
			.execute()
			.errors()
			.satisfy(errors -> {
				assertThat(errors).hasSize(1);
				assertThat(errors.get(0).getExtensions()).containsEntry("code", expected);
				assertThat(errors.get(0).getMessage()).doesNotContain("Exception").doesNotContain("secret");
			});
	}

}
