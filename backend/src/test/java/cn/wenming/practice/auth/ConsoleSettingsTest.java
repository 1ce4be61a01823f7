package cn.wenming.practice.auth;

import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's settings over real HTTP: the test profile configures no tile provider, so a
 * logged-in user is told there are no map tiles (the console keeps its offline scatter), and an
 * anonymous caller is refused. The configured values are {@link ConsoleMapPropertiesTest}'s.
 */
@IntegrationTest
class ConsoleSettingsTest {

	private static final String QUERY = "{ consoleSettings { mapTiles { urlTemplate subdomains attribution maxZoom datum } } }";

	@Scenario
	Api api;

	@Test
	void withoutATileUrlTheConsoleIsToldToStayOffline() {
		Api.Session user = this.api.login(Fixtures.unique("console-settings"));
		Map<String, Object> settings = this.api.as(user)
			.document(QUERY)
			.execute()
			.path("consoleSettings")
			.entity(Map.class)
			.get();
		assertThat(settings).containsKey("mapTiles");
		assertThat(settings.get("mapTiles")).isNull();
	}

	@Test
	void anonymousCallersAreRefused() {
		this.api.anonymous().document(QUERY).execute().errors().satisfy(errors -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", "UNAUTHENTICATED");
		});
	}

}
