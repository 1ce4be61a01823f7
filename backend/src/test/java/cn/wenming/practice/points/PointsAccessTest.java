package cn.wenming.practice.points;

import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see and correct points, and input that is refused without storing anything. */
@IntegrationTest
class PointsAccessTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Scenario
	PointsScenario s;

	@Test
	void onlyAdminsCoveringTheVolunteersStationCorrectPoints() {
		Session volunteer = this.s.volunteer("target");
		Session resident = this.s.api.login(Fixtures.unique("resident"));
		ApiErrors.expectCode(this.s.adjust(resident, volunteer.userId(), 100, "自己加分"), "FORBIDDEN");
		ApiErrors.expectCode(this.s.adjust(volunteer, volunteer.userId(), 100, "自己加分"), "FORBIDDEN");

		// An admin of another subtree (a station of another institute and another center).
		Fixtures.Tree other = this.s.fixtures.tree();
		Session otherAdmin = this.s.api.login(Fixtures.unique("other-admin"));
		this.s.fixtures.grant(otherAdmin.userId(), "STATION_ADMIN", other.station());
		Session otherCenter = this.s.api.login(Fixtures.unique("other-center"));
		this.s.fixtures.grant(otherCenter.userId(), "CENTER_ADMIN", other.center());
		ApiErrors.expectCode(this.s.adjust(otherAdmin, volunteer.userId(), 100, "越权"), "FORBIDDEN");
		ApiErrors.expectCode(this.s.adjust(otherCenter, volunteer.userId(), 100, "越权"), "FORBIDDEN");
		ApiErrors.expectCode(this.s.api.anonymous().documentName("adjustPoints")
			.variable("input", Map.of("userId", Long.toString(volunteer.userId()), "delta", 100, "reason", "匿名",
					"idempotencyKey", "anonymous-key"))
			.execute(), "UNAUTHENTICATED");

		// The station's admin and the institute's admin above it may; an admin not on themself.
		Session instituteAdmin = this.s.api.login(Fixtures.unique("institute-admin"));
		this.s.fixtures.grant(instituteAdmin.userId(), "INSTITUTE_ADMIN", this.s.tree.institute());
		String entryId = this.s.adjust(this.s.admin, volunteer.userId(), 100, "补录").path("adjustPoints.id")
			.entity(String.class).get();
		this.s.adjust(instituteAdmin, volunteer.userId(), -20, "扣减").path("adjustPoints.balanceAfter")
			.entity(Integer.class).isEqualTo(80);
		ApiErrors.expectCode(this.s.adjust(this.s.admin, this.s.admin.userId(), 100, "给自己加分"), "FORBIDDEN");

		ApiErrors.expectCode(this.s.reverse(otherAdmin, entryId, "越权冲正"), "FORBIDDEN");
		ApiErrors.expectCode(this.s.reverse(resident, entryId, "越权冲正"), "FORBIDDEN");

		// A user who is no volunteer has no station: only a center admin corrects their points.
		ApiErrors.expectCode(this.s.adjust(this.s.admin, resident.userId(), 10, "补录"), "FORBIDDEN");
		Session center = this.s.api.login(Fixtures.unique("center-admin"));
		this.s.fixtures.grant(center.userId(), "CENTER_ADMIN", this.s.tree.center());
		this.s.adjust(center, resident.userId(), 10, "补录").path("adjustPoints.balanceAfter").entity(Integer.class)
			.isEqualTo(10);

		assertThat(this.s.ledgerSum(volunteer.userId())).isEqualTo(80L);
		assertThat(this.s.accountBalance(volunteer.userId())).isEqualTo(80L);
	}

	@Test
	void everyoneSeesOnlyTheirOwnPoints() {
		Session volunteer = this.s.volunteer("own");
		this.s.adjust(this.s.admin, volunteer.userId(), 42, "补录");
		Session someoneElse = this.s.api.login(Fixtures.unique("else"));

		this.s.entries(volunteer, null, null).path("pointsEntries.edges[*].node.delta").entityList(Integer.class)
			.containsExactly(42);
		this.s.entries(someoneElse, null, null).path("pointsEntries.edges").entityList(Object.class).hasSize(0);
		ApiErrors.expectCode(this.s.api.anonymous().documentName("pointsEntries").execute(), "UNAUTHENTICATED");
		this.s.api.as(someoneElse).documentName("myPoints").execute().path("me.points.balance").entity(Integer.class)
			.isEqualTo(0);
	}

	@Test
	void badInputIsRefusedAndStoresNothing() {
		Session volunteer = this.s.volunteer("bad");
		ApiErrors.expectCode(this.s.adjust(this.s.admin, volunteer.userId(), 0, "零"), "BAD_REQUEST");
		ApiErrors.expectBadField(this.s.adjust(this.s.admin, volunteer.userId(), 10, "长".repeat(10_000)),
				"input.reason");
		ApiErrors.expectBadField(this.s.adjust(this.s.admin, volunteer.userId(), 10, "  "), "input.reason");
		ApiErrors.expectBadField(this.s.adjust(this.s.admin, volunteer.userId(), 2_000_000, "太多"), "input.delta");
		ApiErrors.expectBadField(this.s.adjust(this.s.admin, volunteer.userId(), 10, "补录", "short"),
				"input.idempotencyKey");
		ApiErrors.expectBadField(this.s.adjust(this.s.admin, volunteer.userId(), 10, "补录", "含中文的幂等键12345"),
				"input.idempotencyKey");
		ApiErrors.expectCode(this.s.entries(volunteer, 100_000, null), "BAD_REQUEST");
		ApiErrors.expectCode(this.s.entries(volunteer, 10, "not-a-cursor"), "BAD_REQUEST");
		ApiErrors.expectCode(this.s.reverse(this.s.admin, "999999999999", "不存在"), "NOT_FOUND");
		ApiErrors.expectBadField(this.s.reverse(this.s.admin, "1", "长".repeat(10_000)), "reason");
		assertThat(this.s.ledgerSum(volunteer.userId())).isZero();
		assertThat(this.s.accountBalance(volunteer.userId())).isNull();
	}

}
