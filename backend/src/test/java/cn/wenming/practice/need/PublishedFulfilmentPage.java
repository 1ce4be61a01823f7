package cn.wenming.practice.need;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.MutableClock;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Last month's 落实清单 of a fresh station, published: two needs received (one completed and rated
 * 5★, one awaiting review) at a station whose name needs escaping, as a unit's name may. Shared by
 * the page test and its browser check.
 */
final class PublishedFulfilmentPage {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	final NeedScenario s;

	final YearMonth month;

	final String stationName;

	PublishedFulfilmentPage(NeedScenario s, JdbcTemplate jdbc, MutableClock clock) {
		this.s = s;
		this.month = YearMonth.now(SHANGHAI).minusMonths(1);
		this.stationName = Fixtures.unique("柴墟<b>站</b>&\"");
		jdbc.update("UPDATE org_unit SET name = ? WHERE id = ?", this.stationName, s.tree.station());

		clock.set(this.month.atDay(3).atTime(9, 0).atZone(SHANGHAI).toInstant());
		String done = s.published(Fixtures.unique("页面"));
		s.claim(s.volunteer, done, null).path("claimNeed.status").entity(String.class).isEqualTo("CLAIMED");
		s.byNeed(s.volunteer, "startNeed", done).path("startNeed.status").entity(String.class).isEqualTo("IN_PROGRESS");
		clock.shift(Duration.ofHours(5));
		s.complete(s.volunteer, done, Map.of(s.volunteer.userId(), 2.0)).path("completeNeed.status")
			.entity(String.class).isEqualTo("COMPLETED");
		s.rate(s.resident, done, 5).path("rateNeed.status").entity(String.class).isEqualTo("RATED");
		s.submitted(Fixtures.unique("待审核"));
		clock.reset();

		s.api.as(s.admin).documentName("publishFulfilmentList")
			.variable("orgUnitId", Long.toString(s.tree.station())).variable("month", this.month.toString())
			.execute().path("publishFulfilmentList.total.received").entity(Integer.class).isEqualTo(2);
	}

	/** The page's path for {@code month} of this station. */
	String path(YearMonth month) {
		return "/public/fulfilment/" + this.s.tree.station() + "/" + month;
	}

}
