package cn.wenming.practice.assessment;

import java.util.HashMap;
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
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 受益群众 (issue 18) of activities: recorded when finishing or after by an admin over the organising
 * unit, bounded, corrected only with a reason and kept in a trail; and the assessment's two figures
 * (month, year so far) per unit, rolled up the tree like the other subtree figures, from activities
 * and needs together. Expected values are worked out by hand from the rows below.
 */
@IntegrationTest
class AssessmentBeneficiariesTest {

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	AssessmentCounties counties;

	@Test
	void activityCountsAreValidatedScopedAndTrailedAndTheAssessmentAddsActivitiesAndNeeds() {
		AssessmentCounties.County county = this.counties.create(33.1, 106.6, "勉县中心", "武侯所", "一站", "二站");
		long c = county.center();
		long i = county.institute();
		long s1 = county.station(0);
		long s2 = county.station(1);
		AssessmentScenario s = county.scenario();
		Session s2Admin = s.grantee("s2-admin", "STATION_ADMIN", s2);
		Session stranger = this.api.login(Fixtures.unique("stranger"));

		String p1 = s.project(s1);
		String p2 = s.project(s2);
		String pi = s.project(i);
		String a1 = s.finished(p1, "2024-06-10T01:00:00Z", false);
		String a2 = s.finished(p1, "2024-03-05T01:00:00Z", false);
		String a3 = s.finished(pi, "2024-06-15T01:00:00Z", false);
		s.finished(p2, "2024-06-20T01:00:00Z", false);
		String ongoing = s.activity(p2, "2024-06-21T01:00:00Z", 2, false, null, "ONGOING", Map.of(), List.of());
		String lastYear = s.finished(p1, "2023-06-10T01:00:00Z", false);

		// Validation: bounded, refused before anything is written.
		ApiErrors.expectCode(record(s.admin, a1, -1, null), "ACTIVITY_BENEFICIARIES_INVALID");
		ApiErrors.expectCode(record(s.admin, a1, 100_001, null), "ACTIVITY_BENEFICIARIES_INVALID");
		assertThat(countOf(a1)).isNull();
		// Scope: only admins over the organising unit; only finished activities.
		ApiErrors.expectCode(record(s2Admin, a1, 30, null), "FORBIDDEN");
		ApiErrors.expectCode(record(stranger, a1, 30, null), "FORBIDDEN");
		ApiErrors.expectCode(record(s.admin, ongoing, 30, null), "ACTIVITY_INVALID_STATE");

		// First recording needs no reason; changing it does, and each change is kept.
		record(s.admin, a1, 30, null).path("recordActivityBeneficiaries.beneficiaries").entity(Integer.class)
			.isEqualTo(30);
		record(s.admin, a2, 12, null).path("recordActivityBeneficiaries.beneficiaries").entity(Integer.class)
			.isEqualTo(12);
		record(s.admin, a3, 100, null).path("recordActivityBeneficiaries.beneficiaries").entity(Integer.class)
			.isEqualTo(100);
		ApiErrors.expectCode(record(s.admin, a3, 80, " "), "BAD_REQUEST");
		record(s.admin, a3, 80, "名单核对后有重复").path("recordActivityBeneficiaries.beneficiaries")
			.entity(Integer.class).isEqualTo(80);
		record(s.admin, lastYear, 999, null);
		List<Map<String, Object>> trail = trail(s.admin, a3);
		assertThat(trail).hasSize(2);
		assertThat(trail.get(0)).containsEntry("fromCount", null).containsEntry("toCount", 100)
			.containsEntry("reason", "登记").containsEntry("correctedBy", Long.toString(s.admin.userId()))
			.containsEntry("correctedByName", nameOf(s.admin.userId()));
		assertThat(trail.get(1)).containsEntry("fromCount", 100).containsEntry("toCount", 80)
			.containsEntry("reason", "名单核对后有重复");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity_beneficiary_correction WHERE activity_id = ?",
				Integer.class, Long.valueOf(a3))).isEqualTo(2);
		// The trail is the organisers' business: others see the count only.
		assertThat(trail(s2Admin, a3)).isEmpty();

		// Needs (rows with the timestamps the figures need): counted when completed, 1 when no count.
		s.need(s1, "2024-06-01T02:00:00Z", "COMPLETED", "2024-06-12T02:00:00Z", null, null);
		s.need(s1, "2024-06-02T02:00:00Z", "COMPLETED", "2024-06-13T02:00:00Z", null, null);
		s.need(s1, "2024-01-20T02:00:00Z", "COMPLETED", "2024-02-01T02:00:00Z", null, null);
		s.need(s1, "2024-06-25T02:00:00Z", "COMPLETED", "2024-07-02T02:00:00Z", null, null);
		s.need(s2, "2024-06-01T02:00:00Z", "RATED", "2024-06-05T02:00:00Z", 5, "2024-06-06T02:00:00Z");
		s.need(s2, "2024-06-03T02:00:00Z", "IN_PROGRESS", null, null, null);
		List<Long> atS1 = needsOf(s1);
		List<Long> atS2 = needsOf(s2);
		setNeedCount(atS1.get(0), 5);
		setNeedCount(atS1.get(2), 7);
		setNeedCount(atS1.get(3), 50);
		setNeedCount(atS2.get(0), 3);

		Map<String, Object> june = s.assessment(s.admin, c, 2024, 6).path("assessment").entity(Map.class).get();
		// S1: activity 30 + needs 5 + 1 in June; the year adds March's 12 and February's 7.
		expect(june, s1, 36, 55);
		// S2: the finished activity without a count adds nothing; the rated need 3.
		expect(june, s2, 3, 3);
		// The 所's own activity (80 after the correction) plus its stations; the center the same.
		expect(june, i, 119, 138);
		expect(june, c, 119, 138);
		// March: only the March activity and February's need in the year so far.
		Map<String, Object> march = s.assessment(s.admin, c, 2024, 3).path("assessment").entity(Map.class).get();
		expect(march, s1, 12, 19);
		expect(march, c, 12, 19);
	}

	private GraphQlTester.Response record(Session as, String activityId, int count, String reason) {
		Map<String, Object> input = new HashMap<>();
		input.put("activityId", activityId);
		input.put("count", count);
		input.put("reason", reason);
		return this.api.as(as).document("""
				mutation($input: RecordActivityBeneficiariesInput!) {
				  recordActivityBeneficiaries(input: $input) { id beneficiaries }
				}""")
			.variable("input", input)
			.execute();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> trail(Session as, String activityId) {
		return (List<Map<String, Object>>) (List<?>) this.api.as(as).document("""
				query($id: ID!) {
				  activity(id: $id) { beneficiaryCorrections { fromCount toCount reason correctedBy correctedByName correctedAt } }
				}""").variable("id", activityId).execute().path("activity.beneficiaryCorrections")
			.entityList(Map.class).get();
	}

	private Integer countOf(String activityId) {
		return this.jdbc.queryForObject("SELECT beneficiaries FROM activity WHERE id = ?", Integer.class,
				Long.valueOf(activityId));
	}

	private List<Long> needsOf(long stationId) {
		return this.jdbc.queryForList("SELECT id FROM need WHERE station_id = ? ORDER BY id", Long.class, stationId);
	}

	private void setNeedCount(long needId, int count) {
		assertThat(this.jdbc.update("UPDATE need SET beneficiaries = ? WHERE id = ?", count, needId)).isEqualTo(1);
	}

	private static void expect(Map<String, Object> assessment, long unitId, int month, int year) {
		var figures = AssessmentScenario.figuresOf(assessment, unitId);
		assertThat(figures.get("BENEFICIARIES")).as("BENEFICIARIES of " + unitId)
			.containsEntry("period", "MONTH").containsEntry("value", (double) month).containsEntry("target", null)
			.containsEntry("met", null);
		assertThat(figures.get("BENEFICIARIES_YEAR")).as("BENEFICIARIES_YEAR of " + unitId)
			.containsEntry("period", "YEAR_TO_DATE").containsEntry("value", (double) year);
	}

	/** How the trail names a staff member who is no volunteer: their nickname, else 用户 id. */
	private String nameOf(long userId) {
		String nickname = this.jdbc.queryForObject("SELECT nickname FROM app_user WHERE id = ?", String.class, userId);
		return (nickname == null || nickname.isBlank()) ? "用户 " + userId : nickname.strip();
	}

}
