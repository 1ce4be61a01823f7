package cn.wenming.practice.project;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.activity.ActivityScenario;
import cn.wenming.practice.activity.Attendance;
import cn.wenming.practice.need.NeedScenario;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.wenming.practice.testinfra.AfterCommit.awaitListeners;
import static cn.wenming.practice.testinfra.AfterCommit.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's rating averages its activities' ratings together with the ratings of needs served
 * under it (dispatched or claimed with the project); the need's project at rating time counts and a
 * replayed {@link ServiceRated} counts once. (A need closed unrated: {@code NeedProjectTest}.)
 */
@IntegrationTest
class ProjectNeedRatingTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SqlCounter counter;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Scenario
	ActivityScenario s;

	NeedScenario n;

	@BeforeEach
	void setUp() {
		this.n = new NeedScenario(this.s.api, this.jdbc, this.s.tree, this.s.admin);
	}

	@Test
	void ratedNeedsCountWithActivityRatings() {
		// One activity rating: 2 stars.
		Session attendee = this.s.volunteer("attendee");
		String activityId = Attendance.attend(this.s, this.clock, "社区义诊", Duration.ofHours(1), attendee).activityId();
		this.s.api.as(attendee).documentName("rateActivity").variable("activityId", activityId).variable("stars", 2)
			.execute().path("rateActivity.stars").entity(Integer.class).isEqualTo(2);
		String other = this.s.createProject(this.s.admin, this.s.tree.station(), Fixtures.unique("另一项目"))
			.path("createProject.id").entity(String.class).get();
		assertThat(rating(this.s.projectId)).isEqualTo(Map.of("average", 2.0, "count", 1));

		// First dispatched under the other project, declined, re-dispatched under ours: ours counts.
		String needId = this.n.published("项目下的需求");
		this.n.dispatch(this.n.admin, needId, null, this.n.volunteer.userId(), other)
			.path("dispatchNeed.projectId").entity(String.class).isEqualTo(other);
		this.n.withReason(this.n.volunteer, "declineNeed", needId, "没空").path("declineNeed.status")
			.entity(String.class).isEqualTo("PUBLISHED");
		this.n.dispatch(this.n.admin, needId, null, this.n.volunteer.userId(), this.s.projectId)
			.path("dispatchNeed.projectId").entity(String.class).isEqualTo(this.s.projectId);
		serve(needId);
		// Completed but not rated yet: nothing counts.
		awaitListeners(this.jdbc);
		assertThat(rating(this.s.projectId)).isEqualTo(Map.of("average", 2.0, "count", 1));
		this.n.rate(this.n.resident, needId, 5).path("rateNeed.status").entity(String.class).isEqualTo("RATED");

		// (2 + 5) / 2, once the rating's after-commit listener ran.
		eventually(() -> assertThat(rating(this.s.projectId)).isEqualTo(Map.of("average", 3.5, "count", 2)));
		assertThat(rating(other)).containsEntry("count", 0).containsEntry("average", null);
		// Activity.rating stays the activity's own.
		this.s.api.anonymous().documentName("activityRating").variable("id", activityId).execute()
			.path("activity.rating.count").entity(Integer.class).isEqualTo(1);

		// A replayed event (even with other stars) counts once; published as the need feature does, in a transaction.
		ServiceRated replay = new ServiceRated(Long.parseLong(this.s.projectId), ServiceRated.Source.NEED,
				Long.parseLong(needId), 1, Instant.now());
		this.tx.executeWithoutResult(status -> this.events.publishEvent(replay));
		this.tx.executeWithoutResult(status -> this.events.publishEvent(replay));
		awaitListeners(this.jdbc);
		assertThat(rating(this.s.projectId)).isEqualTo(Map.of("average", 3.5, "count", 2));
	}

	@Test
	void projectRatingsWithNeedRatingsCostTheSameFor5And50Projects() {
		long base = ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 2_000_000_000_000L);
		for (int i = 0; i < 50; i++) {
			String projectId = this.s.createProject(this.s.admin, this.s.tree.station(), "项目" + i)
				.path("createProject.id").entity(String.class).get();
			// Stand-ins for rated needs: the project feature keeps only what the event carried.
			long needId = base + i;
			int stars = 1 + i % 5;
			this.tx.executeWithoutResult(status -> this.events.publishEvent(
					new ServiceRated(Long.parseLong(projectId), ServiceRated.Source.NEED, needId, stars, Instant.now())));
		}
		awaitListeners(this.jdbc);
		var five = this.counter.measure(() -> ratingCounts(5));
		var fifty = this.counter.measure(() -> ratingCounts(50));
		assertThat(five.result()).hasSize(5);
		assertThat(fifty.result()).hasSize(50).contains(1);
		assertThat(fifty.count()).as(String.join("\n", fifty.statements())).isEqualTo(five.count());
	}

	private List<Integer> ratingCounts(int first) {
		return this.s.api.anonymous().documentName("projectRatings")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).variable("first", first).execute()
			.path("projects.edges[*].node.rating.count").entityList(Integer.class).get();
	}

	/** Accepted if dispatched, started, completed by the scenario's volunteer. */
	private void serve(String needId) {
		String status = this.jdbc.queryForObject("SELECT status FROM need WHERE id = ?", String.class,
				Long.valueOf(needId));
		if ("DISPATCHED".equals(status)) {
			this.n.byNeed(this.n.volunteer, "acceptNeed", needId).path("acceptNeed.status").entity(String.class)
				.isEqualTo("ACCEPTED");
		}
		this.n.byNeed(this.n.volunteer, "startNeed", needId).path("startNeed.status").entity(String.class)
			.isEqualTo("IN_PROGRESS");
		this.n.complete(this.n.volunteer, needId, Map.of(this.n.volunteer.userId(), 2.0))
			.path("completeNeed.status").entity(String.class).isEqualTo("COMPLETED");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> rating(String projectId) {
		return this.s.api.anonymous().documentName("projectRatings")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).variable("first", 100).execute()
			.path("projects.edges[*].node").entityList(Map.class).get().stream()
			.map(m -> (Map<String, Object>) m)
			.filter(p -> p.get("id").equals(projectId))
			.findFirst()
			.map(p -> (Map<String, Object>) p.get("rating"))
			.orElseThrow();
	}

}
