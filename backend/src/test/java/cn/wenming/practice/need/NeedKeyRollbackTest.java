package cn.wenming.practice.need;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.DeleteMarkedKey;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resends of an order wait on the first send's uncommitted key; when that first send rolls back (its
 * station closed meanwhile, a lost connection), the waiters all hold a share lock on the key and
 * deadlock inserting it. The victims run again and answer the need one of them made — they used to
 * answer the lock failure, and the resident was told the order failed although it was taken.
 */
@IntegrationTest
class NeedKeyRollbackTest {

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	NeedScenario s;

	@Test
	void resendsWaitingOnAFirstSendThatRollsBackMakeOneNeed() throws Exception {
		String title = Fixtures.unique("回滚");
		Map<String, Object> input = this.s.input(title);
		String template = this.s.submit(this.s.resident, this.s.input(Fixtures.unique("模板")))
			.path("submitNeed.id").entity(String.class).get();
		String key = "need-rollback-" + Fixtures.unique("k");
		input.put("idempotencyKey", key);
		// The first send, caught between its insert and its commit: a copy of the resident's earlier need
		// under the key, inserted and then rolled back.
		String columns = this.jdbc.queryForList("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
				+ "DATABASE() AND TABLE_NAME = 'need' AND COLUMN_NAME NOT IN ('id', 'idempotency_key') ORDER BY ORDINAL_POSITION",
				String.class).stream().collect(Collectors.joining(", "));
		String firstSend = "INSERT INTO need (" + columns + ", idempotency_key) SELECT " + columns + ", ? FROM need WHERE id = ?";
		Callable<String> resend = () -> {
			var answer = this.s.submit(this.s.resident, input);
			String code = ApiErrors.codeOf(answer);
			return (code != null) ? code : answer.path("submitNeed.id").entity(String.class).get();
		};
		List<String> outcomes;
		try (DeleteMarkedKey held = DeleteMarkedKey.hold(this.jdbc.getDataSource())) {
			outcomes = held.race(firstSend, List.of(key, Long.parseLong(template)), Collections.nCopies(4, resend));
		}
		assertThat(this.s.count("SELECT COUNT(*) FROM need WHERE title = ?", title)).isEqualTo(1);
		String made = this.jdbc.queryForObject("SELECT CAST(id AS CHAR) FROM need WHERE title = ?", String.class, title);
		assertThat(outcomes).as("every resend answers the need made").containsOnly(made);
	}

}
