package cn.wenming.practice.need;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.SqlCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The 落实清单 costs the same number of SQL statements for 3 needs and for 30. */
@IntegrationTest
class FulfilmentStatementCountTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SqlCounter sql;

	@Test
	void liveListCostsTheSameFor3And30Needs(@Scenario NeedScenario s) {
		String otherCategory = s.category("助老服务");
		grow(s, 0, 3, otherCategory);
		List<String> of3 = statements(s, 3);
		grow(s, 3, 30, otherCategory);
		List<String> of30 = statements(s, 30);
		org.slf4j.LoggerFactory.getLogger(getClass()).info("SQL statements: fulfilmentList 3 -> {}, 30 -> {}", of3.size(), of30.size());
		assertThat(of3).hasSizeGreaterThanOrEqualTo(5);
		assertThat(of30.size()).as("statements for 30 needs %s vs 3 %s", of30, of3).isEqualTo(of3.size());
	}

	/** Needs in rotation: dispatched to the team, claimed by the volunteer, waiting for review. */
	private void grow(NeedScenario s, int from, int to, String otherCategory) {
		for (int i = from; i < to; i++) {
			var input = s.input("清单" + i);
			if (i % 2 == 1) {
				input.put("categoryId", otherCategory);
			}
			String id = s.submit(s.resident, input).path("submitNeed.id").entity(String.class).get();
			if (i % 3 == 0) {
				s.byNeed(s.admin, "publishNeed", id);
				s.dispatch(s.admin, id, s.teamId, null).path("dispatchNeed.status").entity(String.class)
					.isEqualTo("DISPATCHED");
			}
			else if (i % 3 == 1) {
				s.byNeed(s.admin, "publishNeed", id);
				s.claim(s.volunteer, id, null).path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
			}
		}
	}

	private List<String> statements(NeedScenario s, int expected) {
		String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
		String station = Long.toString(s.tree.station());
		var live = this.sql.measure(() -> s.api.as(s.admin).documentName("fulfilmentList")
			.variable("orgUnitId", station).variable("month", month).execute());
		live.result().path("fulfilmentList.total.received").entity(Integer.class).isEqualTo(expected);
		live.result().path("fulfilmentList.unfulfilled").entityList(Object.class).hasSize(expected);
		return live.statements();
	}

}
