package cn.wenming.practice.need;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatch desk's order of {@code stationNeeds(order: DUE)}: escalated needs first, then by
 * the deadline of each need's current stage ({@code Need.stageDeadlineAt}), soonest first, finished
 * needs (no stage deadline) last; paged by offset.
 */
@IntegrationTest
class NeedDeskOrderTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	NeedScenario s;

	private void setInstant(String column, String needId, Instant value) {
		this.jdbc.update("UPDATE need SET " + column + " = ? WHERE id = ?", Timestamp.from(value), Long.parseLong(needId));
	}

	private GraphQlTester.Response page(Integer first, String after) {
		return this.s.api.as(this.s.admin).documentName("stationNeedsDue")
			.variable("orgUnitId", Long.toString(this.s.tree.station()))
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	@Test
	void escalatedFirstThenTheSoonestStageDeadline() {
		Instant now = Instant.now();
		String review = this.s.submitted("待审核，一天后到期");
		setInstant("created_at", review, now.minus(Duration.ofDays(1)));
		String dispatch = this.s.published("待派单，半天后到期");
		setInstant("stage_started_at", dispatch, now.minus(Duration.ofHours(36)));
		String accept = this.s.published("待接单，三天后到期");
		this.s.dispatch(this.s.admin, accept, this.s.teamId, null).path("dispatchNeed.status").entity(String.class)
			.isEqualTo("DISPATCHED");
		String escalated = this.s.submitted("已升级到所");
		this.jdbc.update("UPDATE need SET escalation_level = 'INSTITUTE', escalated_at = ? WHERE id = ?",
				Timestamp.from(now), Long.parseLong(escalated));
		String rejected = this.s.submitted("已驳回，没有期限");
		this.s.withReason(this.s.admin, "rejectNeed", rejected, "重复提交").path("rejectNeed.status")
			.entity(String.class).isEqualTo("REJECTED");

		List<Map<String, Object>> first = page(3, null).path("stationNeeds.edges[*].node").entityList(
				new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
				}).get();
		assertThat(first).extracting(n -> n.get("id")).containsExactly(escalated, dispatch, review);
		assertThat(Instant.parse((String) first.get(2).get("stageDeadlineAt")))
			.isCloseTo(Instant.parse((String) first.get(2).get("createdAt")).plus(Duration.ofDays(2)),
					org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS));

		var response = page(3, null);
		response.path("stationNeeds.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = response.path("stationNeeds.pageInfo.endCursor").entity(String.class).get();
		var second = page(3, cursor);
		second.path("stationNeeds.edges[*].node.id").entityList(String.class).containsExactly(accept, rejected);
		second.path("stationNeeds.edges[1].node.stageDeadlineAt").valueIsNull();
		second.path("stationNeeds.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		second.path("stationNeeds.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void aForeignCursorIsABadRequest() {
		page(3, "bm9wZQ").errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code",
				"BAD_REQUEST"));
	}

}
