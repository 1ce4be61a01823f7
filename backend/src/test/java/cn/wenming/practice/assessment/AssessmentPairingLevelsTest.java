package cn.wenming.practice.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 结对共建 with a 所 or the 中心, and 文明校园 (issue 18, seed 003): a pairing counts in the
 * 「文明单位结对活动」 figure of the unit it is with, whatever its level, and rolls up like the station
 * pairings do; an activity is attributed to the civilized unit only at a unit it is paired with.
 */
@IntegrationTest
class AssessmentPairingLevelsTest {

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	AssessmentCounties counties;

	@Test
	void pairingsWithAnInstituteTheCenterAndCampusesCount() {
		AssessmentCounties.County county = this.counties.create(33.0, 107.0, "汉台区中心", "北关所", "北关站");
		long c = county.center();
		long i = county.institute();
		long st = county.station();
		AssessmentScenario s = county.scenario();

		// U1 (文明单位) with the institute, K1 (文明校园, 中学) with the center, K2 (文明校园, 小学) with the
		// station and U2 with the station: four pairings, all made before June.
		String u1 = s.civilizedUnit(c);
		String k1 = s.campus(c, "MIDDLE");
		String k2 = s.campus(i, "PRIMARY");
		String u2 = s.civilizedUnit(i);
		s.pairWith(u1, i);
		s.pairWith(k1, c);
		s.pairWith(k2, st);
		s.pairWith(u2, st);
		// An ended pairing of the center does not count in a month after it ended.
		String ended = s.civilizedUnit(c);
		s.pairWith(ended, c);
		s.backdate(List.of(), List.of(u1, k1, k2, u2, ended), "2024-01-15T02:00:00Z");
		this.jdbc.update("UPDATE civilized_unit_pairing SET active = NULL, unpaired_at = ? WHERE civilized_unit_id = ?",
				java.sql.Timestamp.from(Instant.parse("2024-03-01T00:00:00Z")), Long.valueOf(ended));

		String pc = s.project(c);
		String pi = s.project(i);
		String ps = s.project(st);

		// June (Beijing): U1 holds one at the institute, K1 one at the center, K2 one at the station; U2
		// none (its only one is in May). Attribution only where paired: not K1 at the institute.
		s.activity(pi, "2024-06-10T01:00:00Z", 2, false, u1, "FINISHED", Map.of(), List.of());
		s.activity(pc, "2024-06-12T01:00:00Z", 2, false, k1, "FINISHED", Map.of(), List.of());
		s.activity(ps, "2024-06-14T01:00:00Z", 2, false, k2, "FINISHED", Map.of(), List.of());
		s.activity(ps, "2024-05-14T01:00:00Z", 2, false, u2, "FINISHED", Map.of(), List.of());
		ApiErrors.expectCode(s.createActivity(pi, Instant.parse("2024-06-20T01:00:00Z"), Duration.ofHours(1), false, k1),
				"CIVILIZED_UNIT_NOT_PAIRED");
		ApiErrors.expectCode(s.createActivity(pc, Instant.parse("2024-06-20T01:00:00Z"), Duration.ofHours(1), false,
				ended), "CIVILIZED_UNIT_NOT_PAIRED");

		Map<String, Object> june = s.assessment(s.admin, c, 2024, 6).path("assessment").entity(Map.class).get();
		// Station: K2 held, U2 did not: 1 of 2. Institute: its own U1 (held) plus the station's: 2 of 3.
		// Center: its own K1 (held; the ended pairing not) plus the institute's: 3 of 4.
		expectPairings(june, st, 1, 2, 50.0, false);
		expectPairings(june, i, 2, 3, 66.67, false);
		expectPairings(june, c, 3, 4, 75.0, false);

		// In February the ended pairing was live and nothing was held: 0 of 5 at the center.
		Map<String, Object> february = s.assessment(s.admin, c, 2024, 2).path("assessment").entity(Map.class).get();
		expectPairings(february, c, 0, 5, 0.0, false);
		expectPairings(february, i, 0, 3, 0.0, false);
	}

	private static void expectPairings(Map<String, Object> assessment, long unitId, int held, int pairings,
			double percent, boolean met) {
		Map<String, Object> figure = AssessmentScenario.figuresOf(assessment, unitId).get("CIVILIZED_UNIT_ACTIVITIES");
		assertThat(figure).as("unit " + unitId).isNotNull();
		assertThat(((Number) figure.get("numerator")).doubleValue()).as("held").isEqualTo(held);
		assertThat(((Number) figure.get("denominator")).doubleValue()).as("pairings").isEqualTo(pairings);
		assertThat(((Number) figure.get("value")).doubleValue()).as("percent").isEqualTo(percent);
		assertThat(figure.get("met")).isEqualTo(met);
	}

}
