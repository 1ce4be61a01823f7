package cn.wenming.practice.activity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activity ratings by attendees, once each, with the comment checked by WeChat first; a project's
 * rating is the average of its activities' ratings.
 */
@IntegrationTest
class ActivityRatingTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SqlCounter counter;

	@Scenario
	ActivityScenario s;

	@Test
	@SuppressWarnings("unchecked")
	void attendeesRateOnceAndTheProjectAveragesItsActivities() {
		Session a = this.s.volunteer("rater-a");
		Session b = this.s.volunteer("rater-b");
		Session c = this.s.volunteer("rater-c");
		String first = Attendance.attend(this.s, this.clock, "社区义诊", Duration.ofHours(1), a, b, c).activityId();
		String second = Attendance.attend(this.s, this.clock, "健康讲座", Duration.ofHours(1), a).activityId();

		rate(a, first, 5, "很有意义").path("rateActivity.stars").entity(Integer.class).isEqualTo(5)
			.path("rateActivity.comment").entity(String.class).isEqualTo("很有意义")
			.path("rateActivity.commentHeld").entity(Boolean.class).isEqualTo(false);
		ApiErrors.expectCode(rate(a, first, 1, null), "ACTIVITY_ALREADY_RATED");

		// WeChat asks for review: stored, held, shown to the author.
		rate(b, first, 4, "REVIEW 组织得好").path("rateActivity.commentHeld").entity(Boolean.class).isEqualTo(true)
			.path("rateActivity.comment").entity(String.class).isEqualTo("REVIEW 组织得好");
		// A risky comment stores nothing; the person may rate again without it.
		ApiErrors.expectCode(rate(c, first, 1, "RISKY 内容"), "CONTENT_REJECTED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity_rating WHERE user_id = ?", Integer.class,
				c.userId())).isZero();
		ApiErrors.expectBadField(rate(c, first, 6, null), "stars");
		rate(c, first, 3, null).path("rateActivity.comment").valueIsNull();
		rate(a, second, 2, "时间太短").path("rateActivity.stars").entity(Integer.class).isEqualTo(2);

		// A project with no ratings yet, in the same unit.
		String unrated = this.s.createProject(this.s.admin, this.s.tree.station(), Fixtures.unique("未评"))
			.path("createProject.id").entity(String.class).get();
		List<Map<String, Object>> projects = this.s.api.anonymous().documentName("projectRatings")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).variable("first", 10).execute()
			.path("projects.edges[*].node").entityList(Map.class).get().stream()
			.map(m -> (Map<String, Object>) m).toList();
		assertThat(projects).hasSize(2);
		Map<String, Object> rated = projects.stream().filter(p -> p.get("id").equals(this.s.projectId)).findFirst().orElseThrow();
		// (5 + 4 + 3 + 2) / 4
		assertThat(rated.get("rating")).isEqualTo(Map.of("average", 3.5, "count", 4));
		Map<String, Object> none = projects.stream().filter(p -> p.get("id").equals(unrated)).findFirst().orElseThrow();
		assertThat((Map<String, Object>) none.get("rating")).containsEntry("count", 0).containsEntry("average", null);
	}

	@Test
	void onlyPeopleWhoAttendedAFinishedActivityRate() {
		Session attended = this.s.volunteer("was-there");
		String finished = Attendance.attend(this.s, this.clock, "清洁家园", Duration.ofHours(1), attended).activityId();
		Session stranger = this.s.volunteer("not-there");
		ApiErrors.expectCode(rate(stranger, finished, 5, null), "NOT_SIGNED_UP");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("rateActivity").variable("activityId", finished)
			.variable("stars", 5).execute(), "UNAUTHENTICATED");

		String open = this.s.published(Duration.ofMinutes(30), Duration.ofHours(1), 5);
		Session early = this.s.volunteer("early");
		Session absent = this.s.volunteer("absent");
		this.s.signUp(early, open).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.signUp(absent, open).path("signUp.status").entity(String.class).isEqualTo("CONFIRMED");
		this.s.checkHere("checkIn", early, open, this.s.code(open)).path("checkIn.checkedInAt").hasValue();
		ApiErrors.expectCode(rate(absent, open, 5, null), "NOT_CHECKED_IN");
		ApiErrors.expectCode(rate(early, open, 5, null), "ACTIVITY_INVALID_STATE");
		rate(attended, finished, 4, null).path("rateActivity.stars").entity(Integer.class).isEqualTo(4);
	}

	@Test
	void projectRatingsOfAPageCostTheSameFor5And50Projects() {
		for (int i = 0; i < 50; i++) {
			this.jdbc.update("""
					INSERT INTO project (org_unit_id, name, category, brand, status, created_by, created_at, updated_at)
					VALUES (?, ?, 'CULTURE', 0, 'ACTIVE', ?, NOW(3), NOW(3))
					""", this.s.tree.station(), "项目" + i, this.s.admin.userId());
		}
		var five = this.counter.measure(() -> this.s.api.anonymous().documentName("projectRatings")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).variable("first", 5).execute()
			.path("projects.edges[*].node.rating.count").entityList(Integer.class).hasSize(5).get());
		var fifty = this.counter.measure(() -> this.s.api.anonymous().documentName("projectRatings")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).variable("first", 50).execute()
			.path("projects.edges[*].node.rating.count").entityList(Integer.class).hasSize(50).get());
		assertThat(fifty.count()).as(String.join("\n", fifty.statements())).isEqualTo(five.count());
	}

	private GraphQlTester.Response rate(Session as, String activityId, int stars, String comment) {
		return this.s.api.as(as).documentName("rateActivity").variable("activityId", activityId).variable("stars", stars)
			.variable("comment", comment).execute();
	}

}
