package cn.wenming.practice.seed;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import cn.wenming.practice.shared.FieldCrypto;
import cn.wenming.practice.testinfra.HeavyTest;
import cn.wenming.practice.testinfra.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark seeder at 1/100 scale in a database of its own on the test server: the county it
 * loads is internally consistent (ledger, balances, hours, memberships, histories), it can be read
 * by the application's crypto, and a second run (a resumed one) adds nothing.
 */
@HeavyTest
class CountySeederTest {

	private static final String KEY = "bG9jYWwtZGV2LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";

	static String url;

	static String user;

	static String password;

	static Connection db;

	static CountySeeder.Sizes sizes = CountySeeder.Sizes.of(0.01);

	/** Just before the seeder read its clock: what was due by then, the seeder settled. */
	static Instant seededAt;

	@BeforeAll
	static void seedSmallCounty() throws Exception {
		String base = System.getenv("SPRING_DATASOURCE_URL");
		user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "root");
		password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
		if (base == null) {
			Map<String, Object> server = Infrastructure.serverProperties();
			base = (String) server.get("spring.datasource.url");
			user = (String) server.get("spring.datasource.username");
			password = (String) server.get("spring.datasource.password");
		}
		URI uri = URI.create(base.substring("jdbc:".length()));
		String database = uri.getPath().substring(1) + "_seed";
		String server = "jdbc:" + uri.getScheme() + "://" + uri.getAuthority() + "/";
		try (Connection admin = DriverManager.getConnection(server, user, password); Statement s = admin.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS `" + database + "`");
			s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		try (Connection admin = DriverManager.getConnection(server, user, password); Statement s = admin.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS `" + database + "_schema`");
			s.execute("CREATE DATABASE `" + database + "_schema` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		CountySeeder.migrate(server + database + "_schema?useSSL=false&allowPublicKeyRetrieval=true", user, password);
		url = server + database + "?useSSL=false&allowPublicKeyRetrieval=true";
		CountySeeder.migrate(url, user, password);
		db = DriverManager.getConnection(CountySeeder.withBatching(url), user, password);
		seededAt = Instant.now();
		seeder().seed();
	}

	static CountySeeder seeder() {
		// Two connections: the stages that load chunks in parallel do so here too.
		return new CountySeeder(db, sizes, Instant.now(), FieldCrypto.withKey(KEY), (n) -> {
		}, () -> DriverManager.getConnection(CountySeeder.withBatching(url), user, password), 2);
	}

	@AfterAll
	static void dropIt() throws SQLException {
		if (db != null) {
			try (Statement s = db.createStatement()) {
				s.execute("DROP DATABASE IF EXISTS `" + db.getCatalog() + "_schema`");
				s.execute("DROP DATABASE IF EXISTS `" + db.getCatalog() + "`");
			}
			db.close();
		}
	}

	@Test
	void loadsTheCountyAtScale() throws SQLException {
		assertThat(one("SELECT COUNT(*) FROM org_unit WHERE level = 'STATION' AND latitude IS NOT NULL")).isEqualTo(310);
		assertThat(one("SELECT COUNT(*) FROM org_unit WHERE level = 'INSTITUTE'")).isEqualTo(18);
		assertThat(one("SELECT COUNT(*) FROM volunteer")).isEqualTo(sizes.volunteers());
		assertThat(one("SELECT COUNT(*) FROM team")).isEqualTo(sizes.teams());
		assertThat(one("SELECT COUNT(*) FROM activity")).isEqualTo(sizes.activities());
		assertThat(one("SELECT COUNT(*) FROM activity_sign_up")).isEqualTo(expectedSignUps());
		assertThat(expectedSignUps(CountySeeder.Sizes.of(1))).isEqualTo(3_000_000);
		assertThat(one("SELECT COUNT(*) FROM need")).isEqualTo(sizes.needs());
		assertThat(one("SELECT COUNT(DISTINCT status) FROM need")).isEqualTo(11);
		// One award per confirmed sign-up, two in three followed by a redemption, plus bonuses.
		assertThat(one("SELECT COUNT(*) FROM points_entry"))
			.isGreaterThan(one("SELECT COUNT(*) FROM activity_sign_up WHERE hours_confirmed_at IS NOT NULL") * 5 / 3);
	}

	@Test
	void idNumbersAreEncryptedAsTheApplicationReadsThem() throws SQLException {
		FieldCrypto crypto = FieldCrypto.withKey(KEY);
		try (Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("SELECT id_number_cipher, id_number_hash, id_number_masked FROM volunteer WHERE id = 77")) {
			rs.next();
			String plain = crypto.decrypt(rs.getString(1));
			assertThat(plain).matches("\\d{17}[\\dX]").isEqualTo(CountySeeder.idNumber(76));
			assertThat(crypto.blindIndex(plain)).isEqualTo(rs.getString(2));
			assertThat(rs.getString(3)).doesNotContain(plain.substring(6, 14));
		}
		assertThat(one("SELECT COUNT(DISTINCT id_number_hash) FROM volunteer")).isEqualTo(sizes.volunteers());
	}

	@Test
	void theLedgerBalancesAndNeverGoesNegative() throws SQLException {
		assertThat(one("""
				SELECT COUNT(*) FROM points_account a
				JOIN (SELECT user_id, SUM(delta) AS total FROM points_entry GROUP BY user_id) e ON e.user_id = a.user_id
				WHERE a.balance <> e.total""")).isZero();
		assertThat(one("SELECT COUNT(*) FROM points_entry WHERE balance_after < 0")).isZero();
		// Each entry's balance_after is the previous one's plus its delta.
		assertThat(one("""
				SELECT COUNT(*) FROM (
				  SELECT balance_after - delta - COALESCE(LAG(balance_after) OVER (PARTITION BY user_id ORDER BY created_at, id), 0) AS gap
				  FROM points_entry) g WHERE gap <> 0""")).isZero();
		assertThat(one("SELECT COUNT(*) FROM points_account")).isEqualTo(one("SELECT COUNT(DISTINCT user_id) FROM points_entry"));
		assertThat(one("SELECT COUNT(DISTINCT business_type) FROM points_entry")).isEqualTo(4);
		// The rollup adds the ledger up: every user's all-time row is their balance; earned is all but
		// the historical redemptions (negative adjustments) and registration bonuses (positive ones).
		assertThat(one("""
				SELECT COUNT(*) FROM points_account a LEFT JOIN points_rollup r
				  ON r.period = 'ALL' AND r.period_value = 'all' AND r.user_id = a.user_id
				WHERE r.delta IS NULL OR r.delta <> a.balance""")).isZero();
		assertThat(one("SELECT COALESCE(SUM(earned), 0) FROM points_rollup WHERE period = 'ALL'")).isEqualTo(one(
				"SELECT COALESCE(SUM(delta), 0) FROM points_entry WHERE business_type <> 'ADJUSTMENT'"));
		assertThat(one("SELECT COUNT(*) FROM points_rollup WHERE period = 'YEAR'")).isPositive();
	}

	/**
	 * The seeder builds the points rollup from an in-memory copy of each chunk's entries; what it wrote
	 * must be row for row what the application's own rebuild (PointsRollup's statement, over the
	 * ledger itself) writes, for every period.
	 */
	@Test
	void thePointsRollupIsTheApplicationsRebuild() throws SQLException {
		CountySeeder.MapperStatement rebuild = CountySeeder.ROLLUP_FROM_LEDGER;
		assertThat(rebuild.sql()).contains("INSERT INTO points_rollup ");
		String intoCopy = rebuild.sql().replace("INSERT INTO points_rollup ", "INSERT INTO points_rollup_rebuilt ");
		try (Statement s = db.createStatement()) {
			s.execute("DROP TABLE IF EXISTS points_rollup_rebuilt");
			s.execute("CREATE TABLE points_rollup_rebuilt LIKE points_rollup");
		}
		try {
			assertRebuildEquals(rebuild, intoCopy);
		}
		finally {
			try (Statement s = db.createStatement()) {
				s.execute("DROP TABLE points_rollup_rebuilt");
			}
		}
	}

	private static void assertRebuildEquals(CountySeeder.MapperStatement rebuild, String intoCopy) throws SQLException {
		long maxUser = one("SELECT MAX(user_id) FROM points_entry");
		for (String period : new String[] { "WEEK", "MONTH", "YEAR", "ALL" }) {
			Map<String, Object> args = Map.of("period", period, "from", 0L, "to", maxUser);
			try (java.sql.PreparedStatement insert = db.prepareStatement(intoCopy)) {
				int i = 1;
				for (String name : rebuild.parameters()) {
					insert.setObject(i++, args.get(name));
				}
				assertThat(insert.executeUpdate()).isPositive();
			}
		}
		String differing = """
				SELECT COUNT(*) FROM %s a LEFT JOIN %s b ON b.period = a.period AND b.period_value = a.period_value
				  AND b.user_id = a.user_id AND b.earned = a.earned AND b.delta = a.delta AND b.debt_change = a.debt_change
				  AND b.entries = a.entries
				WHERE b.user_id IS NULL""";
		assertThat(one("SELECT COUNT(*) FROM points_rollup")).isEqualTo(one("SELECT COUNT(*) FROM points_rollup_rebuilt"));
		assertThat(one(differing.formatted("points_rollup", "points_rollup_rebuilt"))).isZero();
		assertThat(one(differing.formatted("points_rollup_rebuilt", "points_rollup"))).isZero();
	}

	@Test
	void hoursMembershipsAndHistoriesAgree() throws SQLException {
		assertThat(one("""
				SELECT COUNT(*) FROM volunteer v
				LEFT JOIN (SELECT volunteer_id, SUM(hours) AS h FROM activity_sign_up WHERE hours_confirmed_at IS NOT NULL
				           GROUP BY volunteer_id) s ON s.volunteer_id = v.id
				WHERE v.credit_hours <> COALESCE(s.h, 0)""")).isZero();
		assertThat(one("SELECT COUNT(*) FROM volunteer WHERE credit_hours > 0")).isGreaterThan(sizes.volunteers() / 2L);
		// The hours rollups add the sign-ups up: a volunteer's all-time row is their credit hours, and the
		// projects' rows hold the same hours again.
		assertThat(one("""
				SELECT COUNT(*) FROM volunteer v LEFT JOIN activity_hours_rollup r
				  ON r.period = 'ALL' AND r.period_value = 'all' AND r.subject = 'U' AND r.subject_id = v.user_id
				WHERE COALESCE(r.hours, 0) <> v.credit_hours""")).isZero();
		assertThat(one("SELECT ROUND(SUM(hours) * 100) FROM activity_hours_rollup WHERE period = 'ALL' AND subject = 'P'"))
			.isEqualTo(one("SELECT ROUND(SUM(credit_hours) * 100) FROM volunteer"));
		assertThat(one("""
				SELECT ROUND(COALESCE(SUM(hours), 0) * 100) FROM need_hours_rollup WHERE period = 'YEAR' AND subject = 'U'"""))
			.isEqualTo(one("""
				SELECT ROUND(COALESCE(SUM(hours), 0) * 100) FROM need_participant
				WHERE hours_status = 'CONFIRMED' AND confirmed_at IS NOT NULL"""));
		// Volunteers serve at their own station's activities, never twice at one, within capacity.
		assertThat(one("""
				SELECT COUNT(*) FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
				JOIN volunteer v ON v.id = s.volunteer_id WHERE v.home_station_id <> a.org_unit_id""")).isZero();
		assertThat(one("SELECT COUNT(*) FROM activity WHERE confirmed_count > capacity")).isZero();
		assertThat(one("""
				SELECT COUNT(*) FROM team t LEFT JOIN team_member m ON m.team_id = t.id AND m.user_id = t.leader_user_id
				                                              AND m.role = 'LEADER'
				WHERE m.team_id IS NULL""")).isZero();
		assertThat(one("""
				SELECT COUNT(*) FROM team_member m JOIN team t ON t.id = m.team_id JOIN volunteer v ON v.id = m.volunteer_id
				WHERE t.kind = 'SQUAD' AND t.org_unit_id <> v.home_station_id""")).isZero();
		assertThat(one("""
				SELECT COUNT(*) FROM need n JOIN need_history h ON h.need_id = n.id
				WHERE h.id = (SELECT MAX(id) FROM need_history x WHERE x.need_id = n.id) AND h.to_status <> n.status""")).isZero();
		assertThat(one("SELECT COUNT(*) FROM need n WHERE NOT EXISTS (SELECT 1 FROM need_history h WHERE h.need_id = n.id)"))
			.isZero();
	}

	/**
	 * Foreign keys and unique checks are off while the seeder loads and big tables are loaded without
	 * their secondary indexes: the rows must still satisfy every constraint, every index must be back
	 * (with its uniqueness), and the counts the seeder computes by arithmetic must match the rows.
	 */
	@Test
	void constraintsHoldAndEveryIndexIsBack() throws SQLException {
		assertThat(one("SELECT COUNT(*) FROM seed_deferred_index")).isZero();
		// The schema's own indexes, as Flyway made them in a database the seeder never touched.
		assertThat(indexes(db.getCatalog())).isEqualTo(indexes(db.getCatalog() + "_schema"));
		assertThat(one("""
				SELECT COUNT(*) FROM activity a
				LEFT JOIN (SELECT activity_id, COUNT(*) AS c FROM activity_sign_up GROUP BY activity_id) s ON s.activity_id = a.id
				WHERE a.confirmed_count <> COALESCE(s.c, 0)""")).isZero();
		assertThat(one("""
				SELECT COUNT(*) FROM activity_sign_up s LEFT JOIN activity a ON a.id = s.activity_id
				LEFT JOIN volunteer v ON v.id = s.volunteer_id LEFT JOIN app_user u ON u.id = s.user_id
				WHERE a.id IS NULL OR v.id IS NULL OR u.id IS NULL""")).isZero();
		assertThat(one("SELECT COUNT(*) FROM points_entry e LEFT JOIN app_user u ON u.id = e.user_id WHERE u.id IS NULL"))
			.isZero();
		assertThat(one("""
				SELECT COUNT(*) FROM volunteer v LEFT JOIN app_user u ON u.id = v.user_id
				LEFT JOIN org_unit o ON o.id = v.home_station_id WHERE u.id IS NULL OR o.id IS NULL""")).isZero();
		assertThat(one("SELECT COUNT(*) FROM volunteer_tag t LEFT JOIN volunteer v ON v.id = t.volunteer_id WHERE v.id IS NULL"))
			.isZero();
	}

	@Test
	void aResumedRunAddsNothingAndRepairsAnUnfinishedStage() throws SQLException {
		long entries = one("SELECT COUNT(*) FROM points_entry");
		long balance = one("SELECT SUM(balance) FROM points_account");
		// As if the process died during the last stage: its rows and progress gone.
		long rollup = one("SELECT COUNT(*) FROM points_rollup");
		// As if the process died during the last stage: its rows and progress gone. And as if it had
		// died in the rollup's index build: the rollup loaded, its indexes dropped and still to build.
		try (Statement s = db.createStatement()) {
			s.execute("DELETE FROM points_account");
			s.execute("DELETE FROM seed_progress WHERE stage = 'accounts'");
			s.execute("INSERT INTO seed_deferred_index (table_name, index_name, definition) "
					+ "VALUES ('points_rollup', 'idx_points_rollup_user', 'ADD INDEX `idx_points_rollup_user` (`user_id`)')");
			s.execute("ALTER TABLE points_rollup DROP INDEX idx_points_rollup_user");
		}
		seeder().seed();
		assertThat(one("SELECT COUNT(*) FROM points_entry")).isEqualTo(entries);
		assertThat(one("SELECT SUM(balance) FROM points_account")).isEqualTo(balance);
		assertThat(one("SELECT COUNT(*) FROM points_rollup")).isEqualTo(rollup);
		assertThat(one("SELECT COUNT(*) FROM seed_deferred_index")).isZero();
		assertThat(indexes(db.getCatalog())).isEqualTo(indexes(db.getCatalog() + "_schema"));
		assertThat(one("SELECT COUNT(*) FROM activity_sign_up")).isEqualTo(expectedSignUps());
	}

	/** Index name, uniqueness and columns of every table of a schema. */
	private static java.util.List<String> indexes(String schema) throws SQLException {
		java.util.List<String> indexes = new java.util.ArrayList<>();
		try (java.sql.PreparedStatement query = db.prepareStatement("""
				SELECT CONCAT(table_name, '.', index_name, ' unique=', 1 - MAX(non_unique), ' (',
				              GROUP_CONCAT(column_name ORDER BY seq_in_index), ')')
				FROM information_schema.statistics WHERE table_schema = ? AND table_name NOT LIKE 'seed%'
				GROUP BY table_name, index_name ORDER BY table_name, index_name""")) {
			query.setString(1, schema);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					indexes.add(rs.getString(1));
				}
			}
		}
		return indexes;
	}

	static long expectedSignUps() {
		return expectedSignUps(sizes);
	}

	/** 33 or 34 per activity, but never more than its station has volunteers. */
	static long expectedSignUps(CountySeeder.Sizes sizes) {
		long total = 0;
		for (long a = 1; a <= sizes.activities(); a++) {
			long station = ((a - 1) % sizes.projects()) % CountySeeder.STATIONS;
			long volunteersThere = (sizes.volunteers() - 1 - station) / CountySeeder.STATIONS + 1;
			total += Math.min(33 + ((a % 3 == 0) ? 1 : 0), volunteersThere);
		}
		return total;
	}

	/**
	 * The county is as the deadline job would have left it: its three queries (overdue and not
	 * escalated, at the 所 for longer than {@code escalate-again-after}, completed and unrated past
	 * {@code rate-within}; application.yml's values) find nothing, while needs it escalated, with the
	 * job's history rows, and needs awaiting a rating are there. A freshly seeded county used to hand
	 * the first server some 10,000 escalations inside the benchmark's first phases.
	 */
	@Test
	void theDeadlineJobFindsNothingLeftToDo() throws SQLException {
		// The seeder's time, not the test's: a stage running out after seeding is the job's to escalate.
		Timestamp now = Timestamp.from(seededAt);
		assertThat(one("""
				SELECT COUNT(*) FROM need
				WHERE escalation_level IS NULL
				  AND ((status = 'SUBMITTED' AND created_at < DATE_SUB(?, INTERVAL 2 DAY))
				    OR (status = 'PUBLISHED' AND stage_started_at < DATE_SUB(?, INTERVAL 2 DAY))
				    OR (status = 'DISPATCHED' AND dispatched_at < DATE_SUB(?, INTERVAL 3 DAY))
				    OR (status IN ('ACCEPTED', 'CLAIMED', 'IN_PROGRESS') AND deadline_at < ?))""", now, now, now, now))
			.isZero();
		assertThat(one("SELECT COUNT(*) FROM need WHERE escalation_level = 'INSTITUTE' AND escalated_at < DATE_SUB(?, INTERVAL 2 DAY)",
				now))
			.isZero();
		assertThat(one("SELECT COUNT(*) FROM need WHERE status = 'COMPLETED' AND completed_at < DATE_SUB(?, INTERVAL 7 DAY)",
				now))
			.isZero();
		assertThat(one("SELECT COUNT(*) FROM need WHERE status = 'COMPLETED'")).isPositive();
		long atCenter = one("SELECT COUNT(*) FROM need WHERE escalation_level = 'CENTER'");
		assertThat(atCenter).isPositive();
		assertThat(one("SELECT COUNT(*) FROM need_history WHERE note IN ('逾期未审核，升级至中心', '逾期未完成，升级至中心')"))
			.isEqualTo(atCenter);
		assertThat(one("SELECT COUNT(*) FROM need_history WHERE note IN ('逾期未审核，升级至所', '逾期未完成，升级至所')"))
			.isEqualTo(one("SELECT COUNT(*) FROM need WHERE escalation_level IS NOT NULL"));
	}

	private static long one(String sql, Timestamp... args) throws SQLException {
		try (java.sql.PreparedStatement s = db.prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				s.setTimestamp(i + 1, args[i]);
			}
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

}
