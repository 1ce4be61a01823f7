package cn.wenming.practice;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.LocalDemoCity.Loaded;
import cn.wenming.practice.LocalDemoCity.Logins;
import cn.wenming.practice.LocalDemoData.Client;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local run's demo city ({@link LocalDemoCity}), loaded against the test server with fresh login
 * codes over a stand-in for the demo county (the test profile's bootstrap admin playing the demo's
 * {@code admin}): the city admin sees both counties in the org tree, the assessment and the boards,
 * with confirmed hours in the second county; the county admin still sees only their county, also
 * after logging in again (a bootstrap admin's login grants every new center unless revoked before).
 */
@IntegrationTest
class LocalDemoCityTest {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	Api api;

	@Test
	void theCityAdminSeesBothCountiesAndTheCountyAdminOnlyTheirs() {
		Fixtures.Tree county = new Fixtures(this.jdbc).tree();
		String suffix = Fixtures.unique("c").replaceAll("[^A-Za-z0-9]", "");
		Logins logins = new Logins("bootstrap-admin", "city" + suffix, "v" + suffix);
		var client = new Client(RestClient.builder().baseUrl("http://127.0.0.1:" + this.port + "/graphql").build());
		String birthDatePrefix = "19" + (60 + ThreadLocalRandom.current().nextInt(40)) + "0"
				+ (1 + ThreadLocalRandom.current().nextInt(9)) + (1 + ThreadLocalRandom.current().nextInt(2));
		Loaded city = LocalDemoCity.load(client, logins, Long.toString(county.center()), birthDatePrefix,
				ThreadLocalRandom.current().nextInt(900));

		Session cityAdmin = this.api.login(logins.cityAdmin());
		Session countyAdmin = this.api.login(logins.countyAdmin());
		this.api.as(cityAdmin).documentName("me").execute()
			.path("me.roleGrants[*].role").entityList(String.class).containsExactly("CITY_ADMIN")
			.path("me.roleGrants[*].orgUnitId").entityList(String.class).containsExactly(city.cityId());
		// Logged in again after the city was loaded: neither the city nor the new county came back.
		List<String> countyGrants = this.api.as(countyAdmin).documentName("me").execute()
			.path("me.roleGrants[*].orgUnitId").entityList(String.class).get();
		assertThat(countyGrants).contains(Long.toString(county.center()))
			.doesNotContain(city.cityId(), city.centerId());

		// The org tree: the county attached under the city beside the new county.
		List<String> tree = this.api.as(cityAdmin).documentName("orgTree").variable("rootId", city.cityId()).execute()
			.path("orgTree[*].unit.id").entityList(String.class).get();
		assertThat(tree).contains(city.cityId(), Long.toString(county.center()), Long.toString(county.station()),
				city.centerId(), city.instituteId(), city.stationIds().get(0), city.stationIds().get(1));

		// The assessment: the city admin over both counties, with the new county's confirmed hours.
		LocalDate today = LocalDate.now(CHINA);
		List<Map<String, Object>> units = assessment(cityAdmin, city.cityId(), today).path("assessment.units")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		assertThat(units).extracting(unit -> unit.get("orgUnitId"))
			.contains(city.cityId(), Long.toString(county.center()), Long.toString(county.station()), city.centerId(),
					city.stationIds().get(0), city.stationIds().get(1));
		assertThat(figure(units, city.centerId(), "VOLUNTEERS_WITH_HOURS", "numerator")).isEqualTo(3.0);
		assertThat(figure(units, city.cityId(), "VOLUNTEERS_WITH_HOURS", "numerator")).isGreaterThanOrEqualTo(3.0);
		// The county admin: their county only.
		assessment(countyAdmin, city.cityId(), today).errors().satisfy(errors -> assertThat(errors)
			.extracting(error -> error.getExtensions().get("code")).containsExactly("FORBIDDEN"));
		assessment(countyAdmin, city.centerId(), today).errors().satisfy(errors -> assertThat(errors)
			.extracting(error -> error.getExtensions().get("code")).containsExactly("FORBIDDEN"));
		assertThat(assessment(countyAdmin, Long.toString(county.center()), today).path("assessment.units[*].orgUnitId")
			.entityList(String.class).get()).contains(Long.toString(county.station()))
			.doesNotContain(city.cityId(), city.centerId(), city.stationIds().get(0));

		// A board scoped to the city ranks the new county's volunteers by their confirmed hours.
		List<Double> scores = this.api.as(cityAdmin).documentName("leaderboard").variable("kind", "VOLUNTEER_HOURS")
			.variable("period", "YEAR").variable("scopeId", city.centerId()).execute()
			.path("leaderboard.entries[*].score").entityList(Double.class).get();
		assertThat(scores).containsExactly(2.0, 2.0, 2.0);

		// 站互评 and the city's 抽查评估 are there for the city admin to look at.
		Map<?, ?> checks = client.call(cityAdmin.accessToken(),
				"{ spotChecks(orgUnitId: \"%s\") { edges { node { stationId } } } }".formatted(city.cityId()));
		assertThat(checks.toString()).contains(city.stationIds().get(1), Long.toString(county.station()));
		Map<?, ?> reviews = client.call(cityAdmin.accessToken(),
				"{ peerReviewSummary(orgUnitId: \"%s\") { stationId reviews } }".formatted(city.centerId()));
		assertThat(reviews.toString()).contains(city.stationIds().get(1));
	}

	private GraphQlTester.Response assessment(Session as, String unit, LocalDate day) {
		return this.api.as(as).documentName("assessment").variable("orgUnitId", unit)
			.variable("year", day.getYear()).variable("month", day.getMonthValue()).execute();
	}

	@SuppressWarnings("unchecked")
	private static Double figure(List<Map<String, Object>> units, String unitId, String kind, String field) {
		Map<String, Object> unit = units.stream().filter(u -> unitId.equals(u.get("orgUnitId"))).findFirst().orElseThrow();
		Map<String, Object> figure = ((List<Map<String, Object>>) unit.get("figures")).stream()
			.filter(f -> kind.equals(f.get("kind")))
			.findFirst()
			.orElseThrow();
		return ((Number) figure.get(field)).doubleValue();
	}

}
