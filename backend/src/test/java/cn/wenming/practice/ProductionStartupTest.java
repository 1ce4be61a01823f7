package cn.wenming.practice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import cn.wenming.practice.testinfra.Infrastructure;
import me.chanjar.weixin.mp.api.WxMpService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without the local profile (which only exists in test sources) the application demands real
 * WeChat credentials and secrets: no configuration silently falls back to a stub.
 */
class ProductionStartupTest {

	private static Map<String, Object> servers() {
		// Real servers for everything but WeChat, so the failure can only come from the missing secrets.
		Map<String, Object> properties = new HashMap<>(Infrastructure.serverProperties());
		properties.put("server.port", "0");
		return properties;
	}

	@Test
	void refusesToStartWithoutWechatCredentials() {
		Map<String, Object> properties = servers();
		properties.put("app.auth.jwt-secret", "x".repeat(40));
		properties.put("app.crypto.key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
		assertThatThrownBy(() -> start(properties)).hasStackTraceContaining("WX_MINIAPP_APPID is required");
	}

	@Test
	void refusesToStartWithoutSecrets() {
		Map<String, Object> properties = servers();
		properties.put("app.wechat.miniapp.app-id", "wx123");
		properties.put("app.wechat.miniapp.secret", "s");
		assertThatThrownBy(() -> start(properties)).hasStackTraceContaining("APP_JWT_SECRET is required");
	}

	@Test
	void startsWhenEverythingIsConfigured() throws Exception {
		Map<String, Object> properties = servers();
		properties.put("app.wechat.miniapp.app-id", "wx123");
		properties.put("app.wechat.miniapp.secret", "s");
		properties.put("app.auth.jwt-secret", "x".repeat(40));
		properties.put("app.crypto.key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
		try (ConfigurableApplicationContext context = start(properties)) {
			assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
			assertThat(context.getEnvironment().getProperty("app.graphql.introspection")).isEqualTo("false");
			// No WX_MP_APPID: the official account is off, its portal does not exist.
			assertThat(context.getBeanProvider(WxMpService.class).getIfAvailable()).isNull();
			String port = context.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> portal = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wx/mp/portal?echostr=x")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(portal.statusCode()).isEqualTo(404);
		}
	}

	@Test
	void refusesToStartWithAHalfConfiguredPublicAccount() {
		Map<String, Object> properties = servers();
		properties.put("app.wechat.miniapp.app-id", "wx123");
		properties.put("app.wechat.miniapp.secret", "s");
		properties.put("app.auth.jwt-secret", "x".repeat(40));
		properties.put("app.crypto.key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
		properties.put("app.wechat.mp.app-id", "wx-mp-123");
		assertThatThrownBy(() -> start(properties))
			.hasStackTraceContaining("WX_MP_SECRET and WX_MP_TOKEN are required when WX_MP_APPID is set");
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		// As command-line arguments: they outrank application.yml, as the environment does in production.
		String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(BackendApplication.class).run(args);
	}

}
