package cn.wenming.practice.assessment;

import java.util.ArrayList;
import java.util.List;

import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where most assessment tests start: a center, one institute below it and stations below that, and
 * an {@link AssessmentScenario} over the center (its two center admins). Built for a test by
 * {@code @Scenario}.
 */
final class AssessmentCounties {

	/** The units of one county and the scenario over its center. */
	record County(long center, long institute, List<Long> stations, AssessmentScenario scenario) {

		/** The first (often the only) station. */
		long station() {
			return this.stations.get(0);
		}

		long station(int index) {
			return this.stations.get(index);
		}

	}

	private final Api api;

	private final JdbcTemplate jdbc;

	private final MutableClock clock;

	private final Fixtures fixtures;

	AssessmentCounties(Api api, JdbcTemplate jdbc, MutableClock clock) {
		this.api = api;
		this.jdbc = jdbc;
		this.clock = clock;
		this.fixtures = new Fixtures(jdbc);
	}

	/**
	 * A county whose center stands at ({@code latitude}, {@code longitude}) and whose institute and
	 * stations follow, in that order, each 0.01° further north and east than the unit before; the names
	 * are made unique from the prefixes given.
	 */
	County create(double latitude, double longitude, String center, String institute, String... stations) {
		long c = this.fixtures.unit(null, "CENTER", Fixtures.unique(center), latitude, longitude);
		long i = this.fixtures.unit(c, "INSTITUTE", Fixtures.unique(institute), latitude + 0.01, longitude + 0.01);
		List<Long> units = new ArrayList<>();
		for (String station : stations) {
			double offset = 0.01 * (units.size() + 2);
			units.add(this.fixtures.unit(i, "STATION", Fixtures.unique(station), latitude + offset, longitude + offset));
		}
		return new County(c, i, List.copyOf(units), scenario(c));
	}

	/** A scenario over a center the test arranged itself. */
	AssessmentScenario scenario(long center) {
		return new AssessmentScenario(this.api, this.jdbc, this.clock, center);
	}

}
