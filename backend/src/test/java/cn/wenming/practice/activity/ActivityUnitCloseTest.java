package cn.wenming.practice.activity;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.ClosingUnit;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creating an activity races closing its unit: create checks the unit is open, then waits seconds
 * for msgSecCheck, while a close may lock the unit, find no unfinished activity and commit. The
 * insert then share-locks the unit ({@code OrgDirectory.lockIfOpen}): it waits for the close and is
 * refused, never a publishable draft in a CLOSED unit.
 */
@IntegrationTest
class ActivityUnitCloseTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	ActivityScenario s;

	@Test
	void anActivityCreatedWhileItsUnitClosesIsRefused() throws Exception {
		long station = this.s.tree.station();
		Instant start = Instant.now().plus(Duration.ofDays(1));

		String code = ClosingUnit.closeDuring(this.dataSource, station, "INSERT INTO activity",
				() -> ApiErrors.codeOf(this.s.createActivity(this.s.admin,
						this.s.activityInput(start, start.plus(Duration.ofHours(2)), 10))));

		assertThat(code).isEqualTo("ORG_UNIT_CLOSED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE org_unit_id = ?", Integer.class,
				station)).isZero();
	}

}
