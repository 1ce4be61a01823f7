package cn.wenming.practice.need;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.Volunteers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** 认领 from the wish wall by 50 volunteers at once over HTTP: exactly one wins, the rest are told it is taken. */
@IntegrationTest
class NeedClaimRaceTest {

	static final int CLAIMANTS = 50;

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void fiftyConcurrentClaimsExactlyOneWins() throws Exception {
		NeedScenario s = new NeedScenario(this.api, this.jdbc);
		String needId = s.published("帮忙搬家具");
		List<Session> claimants = new ArrayList<>();
		for (int i = 0; i < CLAIMANTS; i++) {
			Session session = s.api.login(Fixtures.unique("racer"));
			Volunteers.register(s.api.as(session), s.tree.station(), "王五", List.of("搬运"), List.of("CULTURE"));
			// Training is not what this test is about: mark it directly.
			this.jdbc.update("UPDATE volunteer SET trained = 1 WHERE user_id = ?", session.userId());
			claimants.add(session);
		}

		ExecutorService pool = Executors.newFixedThreadPool(CLAIMANTS);
		CountDownLatch ready = new CountDownLatch(CLAIMANTS);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<String>> outcomes = new ArrayList<>();
		try {
			for (Session claimant : claimants) {
				Callable<String> claim = () -> {
					ready.countDown();
					go.await();
					String code = ApiErrors.codeOf(s.claim(claimant, needId, null));
					return (code == null) ? "WON:" + claimant.userId() : code;
				};
				outcomes.add(pool.submit(claim));
			}
			assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
			go.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get(60, TimeUnit.SECONDS));
			}
			Map<String, Long> byOutcome = results.stream()
				.map(r -> r.startsWith("WON:") ? "WON" : r)
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(byOutcome).containsEntry("WON", 1L).containsEntry("NEED_ALREADY_TAKEN", (long) CLAIMANTS - 1);

			long winner = Long.parseLong(results.stream().filter(r -> r.startsWith("WON:")).findFirst().orElseThrow().substring(4));
			long id = Long.parseLong(needId);
			assertThat(this.jdbc.queryForObject("SELECT assigned_user_id FROM need WHERE id = ? AND status = 'CLAIMED'",
					Long.class, id)).isEqualTo(winner);
			assertThat(s.count("SELECT COUNT(*) FROM need_history WHERE need_id = ? AND to_status = 'CLAIMED'", id))
				.isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
