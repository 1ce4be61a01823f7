package cn.wenming.practice.need;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.project.ServiceRated;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.PublishedEvents;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static cn.wenming.practice.testinfra.AfterCommit.awaitListeners;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A need may be dispatched or claimed as part of a service project (服务项目) of its station or of a
 * unit above it, never under another subtree's project or an archived one; a declined dispatch
 * drops the project with the assignee.
 */
@IntegrationTest
class NeedProjectTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	NeedDeadlines deadlines;

	@Autowired
	PublishedEvents events;

	@Scenario
	NeedScenario s;

	@Test
	void dispatchTakesAnActiveProjectOfTheStationOrAbove() {
		Fixtures.Tree otherCounty = this.s.fixtures.tree();
		String foreign = project(otherCounty.institute(), "ACTIVE");
		String archived = project(this.s.tree.station(), "ARCHIVED");
		String ofInstitute = project(this.s.tree.institute(), "ACTIVE");
		String needId = this.s.published("作为项目派单");
		int historyBefore = history(needId);

		for (String refused : new String[] { foreign, archived, "999999999" }) {
			ApiErrors.expectCode(this.s.dispatch(this.s.admin, needId, null, this.s.volunteer.userId(), refused),
					"PROJECT_NOT_APPLICABLE");
		}
		// Nothing changed: still on the wish wall, no project, no assignee, no timeline entry.
		assertThat(this.jdbc.queryForMap("SELECT status, project_id, assigned_user_id FROM need WHERE id = ?",
				Long.valueOf(needId)))
			.containsEntry("status", "PUBLISHED")
			.containsEntry("project_id", null)
			.containsEntry("assigned_user_id", null);
		assertThat(history(needId)).isEqualTo(historyBefore);

		this.s.dispatch(this.s.admin, needId, null, this.s.volunteer.userId(), ofInstitute)
			.path("dispatchNeed.status").entity(String.class).isEqualTo("DISPATCHED")
			.path("dispatchNeed.projectId").entity(String.class).isEqualTo(ofInstitute)
			.path("dispatchNeed.project.id").entity(String.class).isEqualTo(ofInstitute);
		this.s.need(this.s.admin, needId).path("need.projectId").entity(String.class).isEqualTo(ofInstitute);

		// Declining hands the need back for a new dispatch or claim, which chooses the project again.
		this.s.withReason(this.s.volunteer, "declineNeed", needId, "时间冲突")
			.path("declineNeed.status").entity(String.class).isEqualTo("PUBLISHED")
			.path("declineNeed.projectId").valueIsNull();
		String ofStation = project(this.s.tree.station(), "ACTIVE");
		this.s.dispatch(this.s.admin, needId, this.s.teamId, null, ofStation)
			.path("dispatchNeed.projectId").entity(String.class).isEqualTo(ofStation);
	}

	@Test
	void claimTakesAProjectByTheSameRules() {
		String foreign = project(this.s.fixtures.tree().station(), "ACTIVE");
		String ofCenter = project(this.s.tree.center(), "ACTIVE");
		String needId = this.s.published("作为项目认领");

		ApiErrors.expectCode(this.s.claim(this.s.volunteer, needId, null, foreign), "PROJECT_NOT_APPLICABLE");
		assertThat(this.jdbc.queryForMap("SELECT status, project_id FROM need WHERE id = ?", Long.valueOf(needId)))
			.containsEntry("status", "PUBLISHED")
			.containsEntry("project_id", null);

		this.s.claim(this.s.leader, needId, this.s.teamId, ofCenter)
			.path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED")
			.path("claimNeed.projectId").entity(String.class).isEqualTo(ofCenter);

		// Without a project, as before.
		String plain = this.s.published("不属于项目");
		this.s.claim(this.s.volunteer, plain, null).path("claimNeed.projectId").valueIsNull();
	}

	@Test
	void ratingANeedOfAProjectAnnouncesItAndClosingUnratedDoesNot() {
		String project = project(this.s.tree.station(), "ACTIVE");
		String rated = this.s.published("评价计入项目");
		String unrated = this.s.published("未评价不计入");
		String withoutProject = this.s.published("无项目");
		for (String id : new String[] { rated, unrated, withoutProject }) {
			this.s.claim(this.s.volunteer, id, null, (id.equals(withoutProject)) ? null : project)
				.path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
			this.s.byNeed(this.s.volunteer, "startNeed", id);
			this.s.complete(this.s.volunteer, id, Map.of(this.s.volunteer.userId(), 1.0))
				.path("completeNeed.status").entity(String.class).isEqualTo("COMPLETED");
		}
		this.s.rate(this.s.resident, rated, 4).path("rateNeed.status").entity(String.class).isEqualTo("RATED");
		this.s.rate(this.s.resident, withoutProject, 5).path("rateNeed.status").entity(String.class).isEqualTo("RATED");
		this.clock.shift(Duration.ofDays(8));
		this.deadlines.run();
		assertThat(this.jdbc.queryForObject("SELECT status FROM need WHERE id = ?", String.class, Long.valueOf(unrated)))
			.isEqualTo("CLOSED_UNRATED");

		assertThat(this.events.ofType(ServiceRated.class).stream()
			.filter(e -> e.projectId() == Long.parseLong(project) || e.sourceId() == Long.parseLong(withoutProject)))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.source()).isEqualTo(ServiceRated.Source.NEED);
				assertThat(e.sourceId()).isEqualTo(Long.parseLong(rated));
				assertThat(e.stars()).isEqualTo(4);
			});
		// The activity feature recorded it (after commit), and only it.
		awaitListeners(this.jdbc);
		assertThat(this.jdbc.queryForList("SELECT need_id FROM project_need_rating WHERE project_id = ?", Long.class,
				Long.valueOf(project))).containsExactly(Long.valueOf(rated));
	}

	private int history(String needId) {
		return this.s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ?", Long.valueOf(needId));
	}

	private String project(long orgUnitId, String status) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update(con -> {
			PreparedStatement ps = con.prepareStatement("""
					INSERT INTO project (org_unit_id, name, category, brand, status, created_by, created_at, updated_at)
					VALUES (?, ?, 'CULTURE', 0, ?, ?, ?, ?)
					""", Statement.RETURN_GENERATED_KEYS);
			ps.setLong(1, orgUnitId);
			ps.setString(2, Fixtures.unique("项目"));
			ps.setString(3, status);
			ps.setLong(4, this.s.admin.userId());
			ps.setTimestamp(5, now);
			ps.setTimestamp(6, now);
			return ps;
		}, keys);
		return Long.toString(keys.getKey().longValue());
	}

}
