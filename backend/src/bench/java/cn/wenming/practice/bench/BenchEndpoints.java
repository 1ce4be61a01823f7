package cn.wenming.practice.bench;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import cn.wenming.practice.shared.Masking;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/**
 * The two baselines of the benchmark, served by the same GraphQL stack as the real queries: the
 * framework floor ({@code benchPing}, a constant from memory) and the SQL way to rank
 * ({@code benchSqlLeaderboard}: {@code GROUP BY … ORDER BY … LIMIT} for the top and {@code COUNT(*)}
 * for the caller's rank, on the same ledger rows the real board is built from). Bench profile only;
 * their schema is a bench resource added to this server's schema, never to the production one.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchEndpoints {

	@Bean
	GraphQlSourceBuilderCustomizer benchSchema() {
		return builder -> builder.schemaResources(new ClassPathResource("bench/bench.graphqls"));
	}

	/** GraphQL {@code LeaderboardEntry}. */
	record Row(int rank, String id, String name, double score) {
	}

	/** GraphQL {@code BenchLeaderboard}. */
	record Board(List<Row> entries, Row me) {
	}

	@Controller
	@Profile("bench")
	static class BenchController {

		private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

		/** Earned points of VOLUNTEER_POINTS (the seeded ledger has no reversals to net out). */
		private static final String EARNED = """
				FROM points_entry e
				JOIN volunteer v ON v.user_id = e.user_id
				JOIN org_unit u ON u.id = v.home_station_id
				WHERE e.created_at >= ? AND e.created_at < ?
				  AND e.business_type IN ('ACTIVITY_HOURS', 'NEED_COMPLETED', 'RATING_BONUS')
				  AND u.path LIKE ?""";

		private final JdbcTemplate jdbc;

		BenchController(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@QueryMapping
		String benchPing() {
			return "pong";
		}

		@QueryMapping
		Board benchSqlLeaderboard(@Argument String period, @Argument long scopeId, @Argument int first) {
			Instant[] window = window(period);
			Timestamp from = Timestamp.from(window[0]);
			Timestamp to = Timestamp.from(window[1]);
			String path = this.jdbc.queryForObject("SELECT path FROM org_unit WHERE id = ?", String.class, scopeId) + "%";
			List<Row> top = this.jdbc.query("SELECT e.user_id, v.real_name, SUM(e.delta) AS points " + EARNED
					+ " GROUP BY e.user_id, v.real_name HAVING SUM(e.delta) > 0 ORDER BY points DESC, e.user_id LIMIT ?",
					(rs, i) -> new Row(0, rs.getString(1), Masking.name(rs.getString(2)), rs.getLong(3)), from, to, path,
					first);
			// Standard competition ranking (1, 2, 2, 4) as the real board shows it.
			List<Row> ranked = new java.util.ArrayList<>();
			for (int i = 0; i < top.size(); i++) {
				Row row = top.get(i);
				int rank = (i > 0 && top.get(i - 1).score() == row.score()) ? ranked.get(i - 1).rank() : i + 1;
				ranked.add(new Row(rank, row.id(), row.name(), row.score()));
			}
			long caller = caller();
			List<Long> own = this.jdbc.queryForList("SELECT SUM(e.delta) " + EARNED + " AND e.user_id = ? HAVING SUM(e.delta) > 0",
					Long.class, from, to, path, caller);
			Row me = null;
			if (!own.isEmpty() && own.get(0) != null) {
				long score = own.get(0);
				Integer above = this.jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT e.user_id " + EARNED
						+ " GROUP BY e.user_id HAVING SUM(e.delta) > ?) x", Integer.class, from, to, path, score);
				me = new Row(above + 1, Long.toString(caller), "", score);
			}
			return new Board(ranked, me);
		}

		private static long caller() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return Long.parseLong(authentication.getName());
		}

		private static Instant[] window(String period) {
			LocalDate today = LocalDate.now(ZONE);
			LocalDate from = switch (period) {
				case "WEEK" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				case "MONTH" -> today.withDayOfMonth(1);
				case "YEAR" -> today.withDayOfYear(1);
				default -> LocalDate.of(1970, 1, 1);
			};
			LocalDate to = switch (period) {
				case "WEEK" -> from.plusWeeks(1);
				case "MONTH" -> from.plusMonths(1);
				case "YEAR" -> from.plusYears(1);
				default -> LocalDate.of(9999, 1, 1);
			};
			return new Instant[] { from.atStartOfDay(ZONE).toInstant(), to.atStartOfDay(ZONE).toInstant() };
		}

	}

}
