package cn.wenming.practice.auth;

import java.util.List;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** What the staff console needs to know about this installation; it speaks only GraphQL. */
@Controller
class ConsoleSettingsController {

	private final ConsoleMapProperties map;

	ConsoleSettingsController(ConsoleMapProperties map) {
		this.map = map;
	}

	@QueryMapping
	ConsoleSettings consoleSettings() {
		return new ConsoleSettings(this.map.configured() ? new MapTiles(this.map.tileUrl(), this.map.subdomains(),
				this.map.attribution(), this.map.maxZoom(), this.map.datum()) : null);
	}

	record ConsoleSettings(MapTiles mapTiles) {
	}

	record MapTiles(String urlTemplate, List<String> subdomains, String attribution, int maxZoom,
			ConsoleMapProperties.Datum datum) {
	}

}
