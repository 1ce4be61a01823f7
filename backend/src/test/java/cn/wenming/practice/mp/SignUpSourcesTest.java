package cn.wenming.practice.mp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up attribution: the {@code source} of each sign-up, counted per unit subtree and period. */
@IntegrationTest
class SignUpSourcesTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlCounter counter;

	@Scenario
	MpScenario s;

	@Test
	void signUpsAreCountedBySourceForTheUnitsSubtree() {
		Instant start = Instant.now().plus(2, ChronoUnit.DAYS);
		String first = this.s.published("活动一", start, 0);
		String second = this.s.published("活动二", start.plus(1, ChronoUnit.DAYS), 0);
		List<Session> volunteers = List.of(volunteer(), volunteer(), volunteer(), volunteer(), volunteer());
		Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
		signUp(volunteers.get(0), first, "menu");
		signUp(volunteers.get(1), first, "menu");
		signUp(volunteers.get(2), first, "mp_upcoming");
		signUp(volunteers.get(3), first, null);
		signUp(volunteers.get(4), first, "menu");
		this.s.api.as(volunteers.get(4)).documentName("cancelSignUp").variable("activityId", first).execute()
			.path("cancelSignUp.status").entity(String.class).isEqualTo("CANCELLED");
		signUp(volunteers.get(0), second, "qr_poster");
		signUp(volunteers.get(1), second, "menu");
		// Another county's activity with a menu sign-up: not in this subtree.
		MpScenario other = new MpScenario(this.s.api, this.s.fixtures);
		String elsewhere = other.published("别处活动", start, 0);
		Session outsider = this.s.api.login(Fixtures.unique("mp-outsider"));
		Volunteers.register(this.s.api.as(outsider), other.station);
		signUp(outsider, elsewhere, "menu");
		Instant to = Instant.now().plus(1, ChronoUnit.MINUTES);

		List<Map<String, Object>> expected = List.of(row("menu", 4, 1), row("direct", 1, 0), row("mp_upcoming", 1, 0),
				row("qr_poster", 1, 0));
		for (long unit : new long[] { this.s.tree.institute(), this.s.station }) {
			var measured = this.counter.measure(() -> sources(this.s.admin, unit, from, to)
				.path("signUpSources").entityList(Map.class).get());
			assertThat(measured.result()).isEqualTo(expected);
			assertThat(measured.statements().stream().filter(sql -> sql.contains("activity_sign_up")).count())
				.as(String.join("\n", measured.statements())).isEqualTo(1);
		}
		// The period is the sign-up's time: nothing was signed up in the hour to come.
		sources(this.s.admin, this.s.station, to, to.plus(1, ChronoUnit.HOURS)).path("signUpSources")
			.entityList(Object.class).hasSize(0);
	}

	@Test
	void onlyAdminsOverTheUnitSeeItsSources() {
		Instant from = Instant.now().minus(1, ChronoUnit.DAYS);
		Instant to = Instant.now();
		Session resident = this.s.api.login(Fixtures.unique("mp-resident"));
		Session otherAdmin = this.s.api.login(Fixtures.unique("mp-other-admin"));
		this.s.fixtures.grant(otherAdmin.userId(), "INSTITUTE_ADMIN", this.s.fixtures.tree().institute());
		ApiErrors.expectCode(sources(resident, this.s.station, from, to), "FORBIDDEN");
		ApiErrors.expectCode(sources(otherAdmin, this.s.station, from, to), "FORBIDDEN");
		// The scenario's institute admin is not over the center above it.
		ApiErrors.expectCode(sources(this.s.admin, this.s.tree.center(), from, to), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("signUpSources")
			.variable("orgUnitId", Long.toString(this.s.station)).variable("from", from.toString())
			.variable("to", to.toString()).execute(), "UNAUTHENTICATED");
		ApiErrors.expectCode(sources(this.s.admin, this.s.station, to, from), "BAD_REQUEST");
	}

	@Test
	void aSourceMustBeAShortLowercaseToken() {
		String activity = this.s.published("活动", Instant.now().plus(2, ChronoUnit.DAYS), 0);
		Session volunteer = volunteer();
		for (String bad : List.of("MENU", "menu button", "", "a".repeat(21), "menu;drop", "菜单")) {
			ApiErrors.expectCode(signUpRequest(volunteer, activity, bad), "BAD_REQUEST");
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity_sign_up WHERE activity_id = ?",
				Integer.class, Long.parseLong(activity))).isZero();
		signUp(volunteer, activity, "qr-2026_a".concat("b".repeat(11)));
	}

	private Session volunteer() {
		Session session = this.s.api.login(Fixtures.unique("mp-volunteer"));
		Volunteers.register(this.s.api.as(session), this.s.station);
		return session;
	}

	private GraphQlTester.Response signUpRequest(Session as, String activityId, String source) {
		return this.s.api.as(as).documentName("signUp").variable("activityId", activityId).variable("source", source)
			.execute();
	}

	private void signUp(Session as, String activityId, String source) {
		GraphQlTester.Response response = signUpRequest(as, activityId, source);
		response.path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		if (source == null) {
			response.path("signUp.source").valueIsNull();
		}
		else {
			response.path("signUp.source").entity(String.class).isEqualTo(source);
		}
	}

	private GraphQlTester.Response sources(Session as, long unitId, Instant from, Instant to) {
		return this.s.api.as(as).documentName("signUpSources").variable("orgUnitId", Long.toString(unitId))
			.variable("from", from.toString()).variable("to", to.toString()).execute();
	}

	private static Map<String, Object> row(String source, int signUps, int cancelled) {
		return Map.of("source", source, "signUps", signUps, "cancelled", cancelled);
	}

}
