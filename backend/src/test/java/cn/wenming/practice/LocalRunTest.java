package cn.wenming.practice;

import java.util.Map;

import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command in miniature: the {@code local} profile with the demo county, the
 * WeChat stub's {@code code X → dev-X} login, GraphiQL and introspection on.
 */
@LocalProfileTest
@HeavyTest
class LocalRunTest {

	@LocalServerPort
	int port;

	@Test
	void demoCountyIsServedToTheStubbedAdmin(@Scenario Api api) {
		Session alice = api.login("alice");
		api.as(alice).documentName("me").execute().path("me.roles").entityList(String.class).containsExactly("RESIDENT");

		Session admin = api.login("admin");
		api.as(admin).documentName("me").execute().path("me.roles").entityList(String.class).contains("CENTER_ADMIN")
			.doesNotContain("CITY_ADMIN");
		// The demo city above the county (LocalDemoCity): its admin logs in with code "city".
		Session city = api.login("city");
		api.as(city).documentName("me").execute().path("me.roles").entityList(String.class).contains("CITY_ADMIN")
			.doesNotContain("CENTER_ADMIN");

		String tree = api.client().post().header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "{ nearbyStations(latitude: 31.3600, longitude: 119.8200, radiusMeters: 3000) { station { name } } }"))
			.exchange().expectBody(String.class).returnResult().getResponseBody();
		assertThat(tree).contains("城中社区新时代文明实践站", "东珠社区新时代文明实践站");
		String activities = api.client().post().header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "{ nearbyActivities(latitude: 31.3660, longitude: 119.8150, radiusMeters: 2000) { activity { title } } }"))
			.exchange().expectBody(String.class).returnResult().getResponseBody();
		assertThat(activities).contains("东珠社区义诊");

		String schema = api.client().post().header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "{ __schema { queryType { name } } }"))
			.exchange().expectBody(String.class).returnResult().getResponseBody();
		assertThat(schema).contains("\"Query\"");
		api.client().mutate().baseUrl("http://127.0.0.1:" + this.port).build().get().uri("/graphiql")
			.exchange().expectStatus().is3xxRedirection();

		// The official account is the stub's: its portal answers WeChat's URL check.
		String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
		String[] parts = { WechatStub.MP_TOKEN, timestamp, "4711" };
		java.util.Arrays.sort(parts);
		String signature = org.apache.commons.codec.digest.DigestUtils.sha1Hex(String.join("", parts));
		api.client().mutate().baseUrl("http://127.0.0.1:" + this.port).build().get()
			.uri("/wx/mp/portal?signature={s}&timestamp={t}&nonce=4711&echostr=local-echo", signature, timestamp)
			.exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("local-echo");
	}

}
