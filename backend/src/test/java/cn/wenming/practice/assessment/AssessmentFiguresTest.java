package cn.wenming.practice.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must show 5: every assessment figure of a seeded subtree (中心 → 2 所 → 3 站) for June 2024
 * (Beijing time), checked against values computed by hand below — not by the code under test.
 * Data lies on both sides of each period boundary (Beijing midnight, not UTC) and includes what
 * must not count: cancelled, unfinished and draft activities, unconfirmed hours, hours of 2023 and
 * of July, a volunteer registered after the period, rejected needs.
 */
@IntegrationTest
class AssessmentFiguresTest {

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	AssessmentCounties counties;

	@Test
	void everyFigureOfASeededSubtreeMatchesTheHandComputedValue(@Scenario Fixtures fixtures) {
		long c = fixtures.unit(null, "CENTER", Fixtures.unique("西乡县中心"), 33.0, 107.7);
		long i1 = fixtures.unit(c, "INSTITUTE", Fixtures.unique("城北所"), 33.01, 107.71);
		long i2 = fixtures.unit(c, "INSTITUTE", Fixtures.unique("城南所"), 33.02, 107.72);
		long s1 = fixtures.unit(i1, "STATION", Fixtures.unique("一站"), 33.03, 107.73);
		long s2 = fixtures.unit(i1, "STATION", Fixtures.unique("二站"), 33.04, 107.74);
		long s3 = fixtures.unit(i2, "STATION", Fixtures.unique("三站"), 33.05, 107.75);
		AssessmentScenario s = this.counties.scenario(c);

		// Volunteers: party members v1 v2 (S1), v5 (S2), v7 (S3); v9 (S3, party) registers after the period.
		Session v1 = s.volunteer(s1, true);
		Session v2 = s.volunteer(s1, true);
		Session v3 = s.volunteer(s1, false);
		Session v4 = s.volunteer(s1, false);
		Session v5 = s.volunteer(s2, true);
		Session v6 = s.volunteer(s2, false);
		Session v7 = s.volunteer(s3, true);
		Session v8 = s.volunteer(s3, false);
		s.volunteer(s3, true);

		// 文明单位: CU1 with S1, CU2 with S2 (both registered at I1), CU3 with S3 (registered at the center).
		String cu1 = s.civilizedUnit(i1);
		String cu2 = s.civilizedUnit(i1);
		String cu3 = s.civilizedUnit(c);
		s.pair(cu1, s1);
		s.pair(cu2, s2);
		s.pair(cu3, s3);
		s.backdate(List.of(v1, v2, v3, v4, v5, v6, v7, v8), List.of(cu1, cu2, cu3), "2024-01-15T02:00:00Z");

		String pc = s.project(c);
		String pi1 = s.project(i1);
		String ps1 = s.project(s1);
		String ps2 = s.project(s2);
		String ps3 = s.project(s3);

		// Attribution to a paired civilized unit: only at a station it is paired with.
		s.createActivity(ps1, Instant.parse("2024-06-29T01:00:00Z"), java.time.Duration.ofHours(1), false, cu1)
			.path("createActivity.civilizedUnitId").entity(String.class).isEqualTo(cu1);
		ApiErrors.expectCode(s.createActivity(ps3, Instant.parse("2024-06-29T01:00:00Z"), java.time.Duration.ofHours(1),
				false, cu1), "CIVILIZED_UNIT_NOT_PAIRED");
		ApiErrors.expectCode(s.createActivity(pi1, Instant.parse("2024-06-29T01:00:00Z"), java.time.Duration.ofHours(1),
				false, cu1), "CIVILIZED_UNIT_NOT_PAIRED");

		// Center: June (Beijing) = [2024-05-31T16:00Z, 2024-06-30T16:00Z); the year from 2023-12-31T16:00Z.
		s.finished(pc, "2024-06-03T02:00:00Z", true); // June, theory
		s.finished(pc, "2024-05-31T17:00:00Z", false); // 1 June 01:00 Beijing: June
		s.finished(pc, "2024-03-10T02:00:00Z", false); // March: year only
		s.activity(pc, "2024-06-25T02:00:00Z", 2, false, null, "CANCELLED", Map.of(), List.of()); // not held
		s.finished(pc, "2024-06-30T16:30:00Z", false); // 1 July Beijing: outside
		s.finished(pc, "2023-12-31T15:00:00Z", false); // 31 Dec 2023 Beijing: outside the year

		// Institute 1.
		s.finished(pi1, "2024-06-12T02:00:00Z", true);
		s.finished(pi1, "2024-02-12T02:00:00Z", false);
		s.activity(pi1, "2024-06-15T02:00:00Z", 2, false, null, "PUBLISHED", Map.of(), List.of()); // not held

		// Station 1: A1 (theory, 3 h: v1 3 h, v3 3 h, v5 2 h), A2 (CU1; v4 2 h confirmed, v3 2 h NOT
		// confirmed), A3 in May (v1 4 h), A4 in December 2023 (v2 5 h).
		s.activity(ps1, "2024-06-05T01:00:00Z", 3, true, null, "FINISHED", Map.of(v1, 3, v3, 3, v5, 2),
				List.of(v1, v3, v5));
		s.activity(ps1, "2024-06-18T01:00:00Z", 2, false, cu1, "FINISHED", Map.of(v4, 2, v3, 2), List.of(v4));
		s.activity(ps1, "2024-05-08T01:00:00Z", 4, false, null, "FINISHED", Map.of(v1, 4), List.of(v1));
		s.activity(ps1, "2023-12-10T01:00:00Z", 5, false, null, "FINISHED", Map.of(v2, 5), List.of(v2));

		// Station 2: B1 (CU2; v6 2 h).
		s.activity(ps2, "2024-06-22T01:00:00Z", 2, false, cu2, "FINISHED", Map.of(v6, 2), List.of(v6));

		// Station 3: three held in June (one theory), a theory lecture still ONGOING, CU3's only one in May.
		s.finished(ps3, "2024-06-07T01:00:00Z", true);
		s.finished(ps3, "2024-06-14T01:00:00Z", false);
		s.finished(ps3, "2024-06-28T01:00:00Z", false);
		s.activity(ps3, "2024-06-21T01:00:00Z", 2, true, null, "ONGOING", Map.of(), List.of());
		s.activity(ps3, "2024-05-20T01:00:00Z", 2, false, cu3, "FINISHED", Map.of(), List.of());

		// Honor hours (补录): v7 6 h in June, v8 40 h in April, v2 8 h in July (outside).
		s.honorHours(v7, 6, "2024-06-09");
		s.honorHours(v8, 40, "2024-04-02");
		s.honorHours(v2, 8, "2024-07-05");

		// Needs. S1: n1 (June, done, 5★), n2 (June, done, 3★), n3 (June, open), n4 (June, rejected),
		// n5 (May, done in June, rated 1 July Beijing). S2: n6 (June, done exactly at 1 July 00:00 Beijing),
		// n7 (31 May 01:00 Beijing, done 1 June, 4★).
		s.need(s1, "2024-06-02T01:00:00Z", "RATED", "2024-06-10T01:00:00Z", 5, "2024-06-11T01:00:00Z");
		s.need(s1, "2024-06-05T01:00:00Z", "RATED", "2024-06-20T01:00:00Z", 3, "2024-06-21T01:00:00Z");
		s.need(s1, "2024-06-25T01:00:00Z", "PUBLISHED", null, null, null);
		s.need(s1, "2024-06-26T01:00:00Z", "REJECTED", null, null, null);
		s.need(s1, "2024-05-20T01:00:00Z", "RATED", "2024-06-03T01:00:00Z", 4, "2024-06-30T17:00:00Z");
		s.need(s2, "2024-06-08T01:00:00Z", "COMPLETED", "2024-06-30T16:00:00Z", null, null);
		s.need(s2, "2024-05-30T17:00:00Z", "RATED", "2024-06-01T01:00:00Z", 4, "2024-06-02T01:00:00Z");

		Map<String, Object> june = s.assessment(s.admin, c, 2024, 6).path("assessment").entity(Map.class).get();
		assertThat(((List<?>) june.get("units")).stream().map(u -> (Object) ((Map<?, ?>) u).get("orgUnitId")).toList())
			.containsExactly((Object) id(c), id(i1), id(i2), id(s1), id(s2), id(s3));
		assertThat(Instant.parse((String) june.get("yearFrom"))).isEqualTo(Instant.parse("2023-12-31T16:00:00Z"));
		assertThat(Instant.parse((String) june.get("monthFrom"))).isEqualTo(Instant.parse("2024-05-31T16:00:00Z"));
		assertThat(Instant.parse((String) june.get("periodTo"))).isEqualTo(Instant.parse("2024-06-30T16:00:00Z"));

		// Center. Activities it organised this year: 3 of 20 (pace to June: 10). Party members 2 of 4
		// (v1, v5; not v2 or v7). Hours 7+3+2+2+2+6+40 = 62 over 8 volunteers. With hours 7 of 8.
		// Pairings 2 of 3 held one in June. Needs: received 5, done 4, of June's 4 valid orders 2 done
		// in June, rated 3 (5, 3, 4): 2 satisfied, average 4.
		var center = AssessmentScenario.figuresOf(june, c);
		expect(center, "ACTIVITIES", "YEAR_TO_DATE", 3.0, null, null, 20.0, "YEAR", true, false, 10.0, false);
		expect(center, "THEORY_LECTURES", "MONTH", 1.0, null, null, null, null, false, null, null, null);
		expect(center, "PARTY_MEMBER_PARTICIPATION", "YEAR_TO_DATE", 50.0, 2.0, 4.0, 80.0, "YEAR", true, false, null,
				null);
		expect(center, "HOURS_PER_VOLUNTEER", "YEAR_TO_DATE", 7.75, 62.0, 8.0, 20.0, "YEAR", true, false, 10.0, false);
		expect(center, "VOLUNTEERS_WITH_HOURS", "YEAR_TO_DATE", 87.5, 7.0, 8.0, 50.0, "YEAR", true, true, null, null);
		expect(center, "CIVILIZED_UNIT_ACTIVITIES", "MONTH", 66.67, 2.0, 3.0, 100.0, "MONTH", true, false, null, null);
		expectNeeds(center, 5, 4, 50.0, 2, 4, 66.67, 2, 3, 4.0, 12);

		// Institute 1 (S1 + S2). Own activities 2 of 15 (pace 7.5), one theory lecture in June.
		// Party members v1, v2, v5: 2 attended. Hours 7+3+2+2+2 = 16 over 6. With hours 5 of 6.
		var institute1 = AssessmentScenario.figuresOf(june, i1);
		expect(institute1, "ACTIVITIES", "YEAR_TO_DATE", 2.0, null, null, 15.0, "YEAR", true, false, 7.5, false);
		expect(institute1, "THEORY_LECTURES", "MONTH", 1.0, null, null, 1.0, "MONTH", true, true, null, null);
		expect(institute1, "PARTY_MEMBER_PARTICIPATION", "YEAR_TO_DATE", 66.67, 2.0, 3.0, 80.0, "YEAR", true, false,
				null, null);
		expect(institute1, "HOURS_PER_VOLUNTEER", "YEAR_TO_DATE", 2.67, 16.0, 6.0, 20.0, "YEAR", true, false, 10.0,
				false);
		expect(institute1, "VOLUNTEERS_WITH_HOURS", "YEAR_TO_DATE", 83.33, 5.0, 6.0, 50.0, "YEAR", true, true, null,
				null);
		expect(institute1, "CIVILIZED_UNIT_ACTIVITIES", "MONTH", 100.0, 2.0, 2.0, 100.0, "MONTH", true, true, null,
				null);
		expectNeeds(institute1, 5, 4, 50.0, 2, 4, 66.67, 2, 3, 4.0, 12);

		// Institute 2 (S3). Nothing organised itself. v7 (party) has honor hours only: not participation.
		// Hours 6 + 40 = 46 over 2 (v9 registered later). No needs: no rates.
		var institute2 = AssessmentScenario.figuresOf(june, i2);
		expect(institute2, "ACTIVITIES", "YEAR_TO_DATE", 0.0, null, null, 15.0, "YEAR", true, false, 7.5, false);
		expect(institute2, "THEORY_LECTURES", "MONTH", 0.0, null, null, 1.0, "MONTH", true, false, null, null);
		expect(institute2, "PARTY_MEMBER_PARTICIPATION", "YEAR_TO_DATE", 0.0, 0.0, 1.0, 80.0, "YEAR", true, false, null,
				null);
		expect(institute2, "HOURS_PER_VOLUNTEER", "YEAR_TO_DATE", 23.0, 46.0, 2.0, 20.0, "YEAR", true, true, 10.0, true);
		expect(institute2, "VOLUNTEERS_WITH_HOURS", "YEAR_TO_DATE", 100.0, 2.0, 2.0, 50.0, "YEAR", true, true, null,
				null);
		expect(institute2, "CIVILIZED_UNIT_ACTIVITIES", "MONTH", 0.0, 0.0, 1.0, 100.0, "MONTH", true, false, null, null);
		expectNeeds(institute2, 0, 0, null, 0, 0, null, 0, 0, null, 0);

		// Station 1. June: A1 and A2 (2 of 2), A1 a theory lecture. Party v1 of v1, v2. Hours 7+3+2 = 12
		// over 4. With hours v1, v3, v4. CU1 held A2. Needs: 4 received (n1–n4), done n1 n2 n5; of the
		// valid June orders n1 n2 n3, 2 done; rated n1 (5★) n2 (3★).
		var station1 = AssessmentScenario.figuresOf(june, s1);
		expect(station1, "ACTIVITIES", "MONTH", 2.0, null, null, 2.0, "MONTH", true, true, null, null);
		expect(station1, "THEORY_LECTURES", "MONTH", 1.0, null, null, 1.0, "MONTH", true, true, null, null);
		expect(station1, "PARTY_MEMBER_PARTICIPATION", "YEAR_TO_DATE", 50.0, 1.0, 2.0, 80.0, "YEAR", true, false, null,
				null);
		expect(station1, "HOURS_PER_VOLUNTEER", "YEAR_TO_DATE", 3.0, 12.0, 4.0, 20.0, "YEAR", true, false, 10.0, false);
		expect(station1, "VOLUNTEERS_WITH_HOURS", "YEAR_TO_DATE", 75.0, 3.0, 4.0, 50.0, "YEAR", true, true, null, null);
		expect(station1, "CIVILIZED_UNIT_ACTIVITIES", "MONTH", 100.0, 1.0, 1.0, 100.0, "MONTH", true, true, null, null);
		expectNeeds(station1, 4, 3, 66.67, 2, 3, 50.0, 1, 2, 4.0, 8);

		// Station 2. June: B1 only. v5 (party) served at S1 and counts for S2, his home. Hours 2 + 2.
		// Needs: n6 received (done only at 1 July), n7 done and rated in June.
		var station2 = AssessmentScenario.figuresOf(june, s2);
		expect(station2, "ACTIVITIES", "MONTH", 1.0, null, null, 2.0, "MONTH", true, false, null, null);
		expect(station2, "THEORY_LECTURES", "MONTH", 0.0, null, null, 1.0, "MONTH", true, false, null, null);
		expect(station2, "PARTY_MEMBER_PARTICIPATION", "YEAR_TO_DATE", 100.0, 1.0, 1.0, 80.0, "YEAR", true, true, null,
				null);
		expect(station2, "HOURS_PER_VOLUNTEER", "YEAR_TO_DATE", 2.0, 4.0, 2.0, 20.0, "YEAR", true, false, 10.0, false);
		expect(station2, "VOLUNTEERS_WITH_HOURS", "YEAR_TO_DATE", 100.0, 2.0, 2.0, 50.0, "YEAR", true, true, null, null);
		expect(station2, "CIVILIZED_UNIT_ACTIVITIES", "MONTH", 100.0, 1.0, 1.0, 100.0, "MONTH", true, true, null, null);
		expectNeeds(station2, 1, 1, 0.0, 0, 1, 100.0, 1, 1, 4.0, 4);

		// Station 3. June: three held (the ONGOING lecture does not count), one theory lecture; CU3's
		// only activity was in May.
		var station3 = AssessmentScenario.figuresOf(june, s3);
		expect(station3, "ACTIVITIES", "MONTH", 3.0, null, null, 2.0, "MONTH", true, true, null, null);
		expect(station3, "THEORY_LECTURES", "MONTH", 1.0, null, null, 1.0, "MONTH", true, true, null, null);
		expect(station3, "PARTY_MEMBER_PARTICIPATION", "YEAR_TO_DATE", 0.0, 0.0, 1.0, 80.0, "YEAR", true, false, null,
				null);
		expect(station3, "HOURS_PER_VOLUNTEER", "YEAR_TO_DATE", 23.0, 46.0, 2.0, 20.0, "YEAR", true, true, 10.0, true);
		expect(station3, "VOLUNTEERS_WITH_HOURS", "YEAR_TO_DATE", 100.0, 2.0, 2.0, 50.0, "YEAR", true, true, null, null);
		expect(station3, "CIVILIZED_UNIT_ACTIVITIES", "MONTH", 0.0, 0.0, 1.0, 100.0, "MONTH", true, false, null, null);
		expectNeeds(station3, 0, 0, null, 0, 0, null, 0, 0, null, 0);

		// March 2024: the year so far holds only the center's March activity and I1's February one;
		// no hours yet (A3 is May, v8's honor hours April); pace 20 × 3 / 12 = 5.
		Map<String, Object> march = s.assessment(s.admin, c, 2024, 3).path("assessment").entity(Map.class).get();
		expect(AssessmentScenario.figuresOf(march, c), "ACTIVITIES", "YEAR_TO_DATE", 1.0, null, null, 20.0, "YEAR", true,
				false, 5.0, false);
		expect(AssessmentScenario.figuresOf(march, i1), "ACTIVITIES", "YEAR_TO_DATE", 1.0, null, null, 15.0, "YEAR",
				true, false, 3.75, false);
		expect(AssessmentScenario.figuresOf(march, c), "HOURS_PER_VOLUNTEER", "YEAR_TO_DATE", 0.0, 0.0, 8.0, 20.0,
				"YEAR", true, false, 5.0, false);
		expect(AssessmentScenario.figuresOf(march, s1), "ACTIVITIES", "MONTH", 0.0, null, null, 2.0, "MONTH", true,
				false, null, null);
	}

	private static String id(long id) {
		return Long.toString(id);
	}

	/**
	 * One figure: {@code hasMet} says whether {@code met} is expected at all (null means "not
	 * applicable"), so that a missing target and an unmet one are told apart.
	 */
	private static void expect(Map<String, Map<String, Object>> figures, String kind, String period, Double value,
			Double numerator, Double denominator, Double target, String targetPeriod, boolean hasMet, Boolean met,
			Double expectedToDate, Boolean onTrack) {
		Map<String, Object> f = figures.get(kind);
		assertThat(f).as(kind).isNotNull();
		assertThat(f.get("period")).as(kind + ".period").isEqualTo(period);
		assertThat(number(f.get("value"))).as(kind + ".value").isEqualTo(value);
		assertThat(number(f.get("numerator"))).as(kind + ".numerator").isEqualTo(numerator);
		assertThat(number(f.get("denominator"))).as(kind + ".denominator").isEqualTo(denominator);
		assertThat(number(f.get("target"))).as(kind + ".target").isEqualTo(target);
		assertThat(f.get("targetPeriod")).as(kind + ".targetPeriod").isEqualTo(targetPeriod);
		assertThat(f.get("met")).as(kind + ".met").isEqualTo(hasMet ? met : null);
		assertThat(number(f.get("expectedToDate"))).as(kind + ".expectedToDate").isEqualTo(expectedToDate);
		assertThat(f.get("onTrack")).as(kind + ".onTrack").isEqualTo(onTrack);
	}

	/** The five need figures of the month (no targets). */
	private static void expectNeeds(Map<String, Map<String, Object>> figures, int received, int fulfilled,
			Double fulfilmentRate, int receivedFulfilled, int receivedValid, Double satisfaction, int satisfied,
			int rated, Double averageRating, int starsTotal) {
		expect(figures, "NEEDS_RECEIVED", "MONTH", (double) received, null, null, null, null, false, null, null, null);
		expect(figures, "NEEDS_FULFILLED", "MONTH", (double) fulfilled, null, null, null, null, false, null, null, null);
		expect(figures, "NEED_FULFILMENT_RATE", "MONTH", fulfilmentRate, (double) receivedFulfilled,
				(double) receivedValid, null, null, false, null, null, null);
		expect(figures, "NEED_SATISFACTION", "MONTH", satisfaction, (double) satisfied, (double) rated, null, null, false,
				null, null, null);
		expect(figures, "NEED_AVERAGE_RATING", "MONTH", averageRating, (double) starsTotal, (double) rated, null, null,
				false, null, null, null);
	}

	private static Double number(Object value) {
		return (value == null) ? null : ((Number) value).doubleValue();
	}

}
