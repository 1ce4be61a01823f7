package cn.wenming.practice.auth;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code app.console.map} bound the way the environment sets it (comma-separated subdomains), what
 * {@code consoleSettings} answers for it, and the templates start-up refuses.
 */
class ConsoleMapPropertiesTest {

	@Configuration
	@EnableConfigurationProperties(ConsoleMapProperties.class)
	@Import(ConsoleSettingsController.class)
	static class Config {

	}

	private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void aConfiguredProviderIsHandedToTheConsole() {
		this.contexts
			.withPropertyValues("app.console.map.tile-url=https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}",
					"app.console.map.subdomains=1, 2,3,4", "app.console.map.attribution=© 高德地图",
					"app.console.map.max-zoom=17", "app.console.map.datum=GCJ02")
			.run(context -> {
				ConsoleSettingsController.MapTiles tiles = context.getBean(ConsoleSettingsController.class)
					.consoleSettings()
					.mapTiles();
				assertThat(tiles).isNotNull();
				assertThat(tiles.urlTemplate()).startsWith("https://webrd0{s}.is.autonavi.com/").endsWith("&z={z}");
				assertThat(tiles.subdomains()).containsExactly("1", "2", "3", "4");
				assertThat(tiles.attribution()).isEqualTo("© 高德地图");
				assertThat(tiles.maxZoom()).isEqualTo(17);
				assertThat(tiles.datum()).isEqualTo(ConsoleMapProperties.Datum.GCJ02);
			});
	}

	@Test
	void blankByDefaultMeansNoTiles() {
		this.contexts.withPropertyValues("app.console.map.tile-url=  ").run(context -> {
			assertThat(context.getBean(ConsoleMapProperties.class).maxZoom()).isEqualTo(18);
			assertThat(context.getBean(ConsoleSettingsController.class).consoleSettings().mapTiles()).isNull();
		});
	}

	@Test
	void unusableTemplatesStopStartUp() {
		for (List<String> bad : List.of(
				List.of("app.console.map.tile-url=https://tile.openstreetmap.org/{z}/{x}.png", "app.console.map.attribution=© OSM"),
				List.of("app.console.map.tile-url=ftp://tile.example.org/{z}/{x}/{y}.png", "app.console.map.attribution=© OSM"),
				List.of("app.console.map.tile-url=https://{s}.tile.example.org/{z}/{x}/{y}.png", "app.console.map.attribution=© OSM"),
				List.of("app.console.map.tile-url=https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
				List.of("app.console.map.tile-url=https://tile.openstreetmap.org/{z}/{x}/{y}.png", "app.console.map.attribution=© OSM",
						"app.console.map.max-zoom=30"))) {
			String reason = bad.stream().anyMatch((p) -> p.contains("max-zoom")) ? "maxZoom" : "must be an http(s) URL";
			this.contexts.withPropertyValues(bad.toArray(String[]::new))
				.run(context -> assertThat(context).as("%s", bad).getFailure().hasStackTraceContaining(reason));
		}
		this.contexts
			.withPropertyValues("app.console.map.tile-url=https://tile.openstreetmap.org/{z}/{x}/{y}.png",
					"app.console.map.attribution=© OpenStreetMap")
			.run(context -> assertThat(context).hasNotFailed());
	}

}
