package cn.wenming.practice.need;

import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Authorization across subtrees and assignees (IDOR), and bad input: clear codes, nothing stored. */
@IntegrationTest
class NeedAccessTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	NeedScenario s;

	Session foreignAdmin;

	Fixtures.Tree other;

	@BeforeEach
	void setUp() {
		this.other = this.s.fixtures.tree();
		this.foreignAdmin = this.s.api.login(Fixtures.unique("foreign-admin"));
		this.s.fixtures.grant(this.foreignAdmin.userId(), "STATION_ADMIN", this.other.station());
	}

	private String status(String needId) {
		return this.jdbc.queryForObject("SELECT status FROM need WHERE id = ?", String.class, Long.parseLong(needId));
	}

	private int historyRows(String needId) {
		return this.s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ?", Long.parseLong(needId));
	}

	private int needsBy(Session session) {
		return this.s.count("SELECT COUNT(*) FROM need WHERE created_by = ?", session.userId());
	}

	@Test
	void anAdminOfAnotherSubtreeCannotReviewOrDispatch() {
		String submitted = this.s.submitted("外站管理员不能审核");
		ApiErrors.expectCode(this.s.byNeed(this.foreignAdmin, "publishNeed", submitted), "FORBIDDEN");
		ApiErrors.expectCode(this.s.withReason(this.foreignAdmin, "rejectNeed", submitted, "越权"), "FORBIDDEN");
		ApiErrors.expectCode(this.s.byNeed(this.s.volunteer, "publishNeed", submitted), "FORBIDDEN");
		assertThat(status(submitted)).isEqualTo("SUBMITTED");
		assertThat(historyRows(submitted)).isEqualTo(1);

		String published = this.s.published("外站管理员不能派单");
		ApiErrors.expectCode(this.s.dispatch(this.foreignAdmin, published, this.s.teamId, null), "FORBIDDEN");
		ApiErrors.expectCode(this.s.dispatch(this.s.leader, published, this.s.teamId, null), "FORBIDDEN");
		assertThat(status(published)).isEqualTo("PUBLISHED");
		assertThat(historyRows(published)).isEqualTo(2);

		// The station's own admin cannot hand the work to a team of another subtree either.
		Session foreignLeader = this.s.api.login(Fixtures.unique("foreign-leader"));
		cn.wenming.practice.testinfra.Volunteers.register(this.s.api.as(foreignLeader), this.other.station());
		Map<String, Object> team = new java.util.HashMap<>();
		team.put("orgUnitId", Long.toString(this.other.station()));
		team.put("name", Fixtures.unique("外站服务队"));
		team.put("kind", "SQUAD");
		team.put("leaderUserId", Long.toString(foreignLeader.userId()));
		String foreignTeam = this.s.api.as(this.foreignAdmin).documentName("createTeam").variable("input", team)
			.execute().path("createTeam.id").entity(String.class).get();
		ApiErrors.expectCode(this.s.dispatch(this.s.admin, published, foreignTeam, null), "NEED_ASSIGNEE_NOT_ELIGIBLE");
		assertThat(status(published)).isEqualTo("PUBLISHED");

		// Nor enter an assisted order at a station outside their subtree.
		Map<String, Object> assisted = this.s.input("越权代录");
		assisted.put("source", "LEIFENG_MAILBOX");
		assisted.put("consentNote", "信件中同意");
		int before = needsBy(this.foreignAdmin);
		ApiErrors.expectCode(this.s.submit(this.foreignAdmin, assisted), "FORBIDDEN");
		assertThat(needsBy(this.foreignAdmin)).isEqualTo(before);
	}

	@Test
	void onlyTheAssigneeMovesADispatchedNeed() {
		String needId = this.s.published("只有被派的人能接单");
		this.s.dispatch(this.s.admin, needId, null, this.s.volunteer.userId());
		Session otherVolunteer = this.s.trainedVolunteer("other-vol");
		ApiErrors.expectCode(this.s.byNeed(otherVolunteer, "acceptNeed", needId), "FORBIDDEN");
		ApiErrors.expectCode(this.s.withReason(otherVolunteer, "declineNeed", needId, "替他拒绝"), "FORBIDDEN");
		ApiErrors.expectCode(this.s.byNeed(this.s.leader, "acceptNeed", needId), "FORBIDDEN");
		ApiErrors.expectCode(this.s.byNeed(this.s.admin, "acceptNeed", needId), "FORBIDDEN");
		assertThat(status(needId)).isEqualTo("DISPATCHED");

		this.s.byNeed(this.s.volunteer, "acceptNeed", needId);
		ApiErrors.expectCode(this.s.byNeed(otherVolunteer, "startNeed", needId), "FORBIDDEN");
		ApiErrors.expectCode(this.s.complete(otherVolunteer, needId, Map.of(otherVolunteer.userId(), 1.0)), "FORBIDDEN");
		assertThat(status(needId)).isEqualTo("ACCEPTED");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("acceptNeed").variable("needId", needId).execute(),
				"UNAUTHENTICATED");
	}

	@Test
	void badSubmissionsAreRefusedAndNothingIsStored() {
		int before = needsBy(this.s.resident);

		Map<String, Object> unknown = this.s.input("未知类别");
		unknown.put("categoryId", "987654321");
		ApiErrors.expectCode(this.s.submit(this.s.resident, unknown), "NEED_CATEGORY_UNKNOWN");

		Map<String, Object> huge = this.s.input("超长描述");
		huge.put("description", "长".repeat(1024 * 1024));
		ApiErrors.expectBadField(this.s.submit(this.s.resident, huge), "input.description");

		Map<String, Object> longTitle = this.s.input("题".repeat(51));
		ApiErrors.expectBadField(this.s.submit(this.s.resident, longTitle), "input.title");

		Map<String, Object> badPhone = this.s.input("错误电话");
		badPhone.put("contactPhone", "12345");
		ApiErrors.expectBadField(this.s.submit(this.s.resident, badPhone), "input.contactPhone");

		Map<String, Object> badDate = this.s.input("错误日期");
		badDate.put("desiredDate", "2026-13-45");
		ApiErrors.expectCode(this.s.submit(this.s.resident, badDate), "BAD_REQUEST");

		Map<String, Object> notAStation = this.s.input("不是站");
		notAStation.put("stationId", Long.toString(this.s.tree.institute()));
		ApiErrors.expectCode(this.s.submit(this.s.resident, notAStation), "BAD_REQUEST");

		assertThat(needsBy(this.s.resident)).isEqualTo(before);
	}

	@Test
	void badRatingsAreRefusedAndNothingIsStored() {
		String needId = this.s.published("评价校验");
		this.s.claim(this.s.volunteer, needId, null);
		this.s.byNeed(this.s.volunteer, "startNeed", needId);
		this.s.complete(this.s.volunteer, needId, Map.of(this.s.volunteer.userId(), 1.0));

		ApiErrors.expectBadField(this.s.rate(this.s.resident, needId, 6), "input.stars");
		ApiErrors.expectBadField(this.s.rate(this.s.resident, needId, 0), "input.stars");
		// Rating someone else's need, as another resident or as the admin.
		Session stranger = this.s.api.login(Fixtures.unique("stranger"));
		ApiErrors.expectCode(this.s.rate(stranger, needId, 1), "FORBIDDEN");
		ApiErrors.expectCode(this.s.rate(this.s.admin, needId, 1), "FORBIDDEN");

		assertThat(status(needId)).isEqualTo("COMPLETED");
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE id = ? AND rating_stars IS NULL AND rated_at IS NULL",
				Long.parseLong(needId))).isEqualTo(1);
		assertThat(this.s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ? AND to_status = 'RATED'",
				Long.parseLong(needId))).isZero();
	}

}
