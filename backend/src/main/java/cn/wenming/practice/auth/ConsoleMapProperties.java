package cn.wenming.practice.auth;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The staff console's station map ({@code app.console.map.*}). A blank {@code tileUrl} keeps the
 * console offline: the stations are drawn as a scatter of their coordinates, and no browser asks a
 * third party for anything. With a template such as
 * {@code https://webrd0{s}.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}} the console shows
 * the tiles with the stations on them. {@code datum} is the tiles' geodetic datum: 高德 draws in
 * GCJ-02, OpenStreetMap and 天地图 in WGS-84 (CGCS2000); the console converts the stations'
 * coordinates (GCJ-02, as WeChat's location gives them) when the two differ. Held in the auth module
 * because it owns the console's login and no feature owns console-wide settings.
 */
@Validated
@ConfigurationProperties("app.console.map")
record ConsoleMapProperties(@DefaultValue("") String tileUrl, @DefaultValue List<String> subdomains,
		@DefaultValue("") String attribution, @DefaultValue("18") @Min(1) @Max(22) int maxZoom,
		@DefaultValue("WGS84") @NotNull Datum datum) {

	enum Datum {

		WGS84, GCJ02

	}

	ConsoleMapProperties {
		tileUrl = (tileUrl == null) ? "" : tileUrl.strip();
		subdomains = (subdomains == null) ? List.of()
				: subdomains.stream().map(String::strip).filter((s) -> !s.isEmpty()).toList();
		attribution = (attribution == null) ? "" : attribution.strip();
	}

	boolean configured() {
		return !this.tileUrl.isEmpty();
	}

	/**
	 * A template the console can fill: an http(s) URL with {x}, {y} and {z}, subdomains when it
	 * names {s}, and an attribution, which every tile provider's terms ask to show.
	 */
	@AssertTrue(message = "app.console.map.tile-url must be an http(s) URL with {x}, {y} and {z}; {s} needs "
			+ "app.console.map.subdomains; a tile URL needs app.console.map.attribution")
	boolean isUsable() {
		if (!configured()) {
			return true;
		}
		return (this.tileUrl.startsWith("https://") || this.tileUrl.startsWith("http://"))
				&& this.tileUrl.contains("{x}") && this.tileUrl.contains("{y}") && this.tileUrl.contains("{z}")
				&& (!this.tileUrl.contains("{s}") || !this.subdomains.isEmpty()) && !this.attribution.isEmpty();
	}

}
