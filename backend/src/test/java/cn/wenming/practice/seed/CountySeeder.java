package cn.wenming.practice.seed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

import cn.wenming.practice.shared.FieldCrypto;
import cn.wenming.practice.shared.Masking;
import org.flywaydb.core.Flyway;

/**
 * Loads a realistic county into a fresh database for benchmarks: 1 center, 18 institutes and 310
 * stations with coordinates, 470,000 volunteers (ID numbers encrypted as the application does),
 * 4,190 teams with their members, 90,000 activities with 3,000,000 sign-ups and attendance, about
 * 5,000,000 ledger entries whose running balances and account balances agree, and 50,000 needs
 * across every state with their history. {@code SEED_SCALE} scales the volumes (the org tree stays).
 *
 * <p>Rows are derived from their index by arithmetic, so every stage can be resumed: each stage
 * works in chunks of an id range, and a chunk's completion is recorded in {@code seed_progress} in
 * the same transaction as its rows. Bulk work runs in SQL ({@code INSERT … SELECT} over a numbers
 * table, window functions for running balances), which both MySQL 8 and MariaDB 10.11 run; only
 * volunteers go through JDBC batches, because their ID numbers are encrypted in Java.
 *
 * <p>Run: {@code ./mvnw -pl backend -Pseed} (see the README). Redis indexes (GEO, leaderboards,
 * balances) are rebuilt from these rows by the application when it finds them missing.
 */
public final class CountySeeder {

	static final int INSTITUTES = 18;

	static final int STATIONS = 310;

	/** Org unit ids: the center is 1, institutes 2..19, stations 20..329. */
	static final int FIRST_STATION = 2 + INSTITUTES;

	private static final String LOCAL_CRYPTO_KEY = "bG9jYWwtZGV2LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "高", "林", "罗" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
			"明", "超", "秀英", "霞", "平" };

	private static final String[] SKILLS = { "家电维修", "医疗护理", "心理咨询", "法律咨询", "文艺演出", "理论宣讲", "电脑教学", "农技指导",
			"应急救援", "书法绘画" };

	private static final String[] CATEGORIES = { "THEORY_LECTURE", "EDUCATION", "CULTURE", "SCIENCE_TECH", "HEALTH_SPORTS" };

	final Connection db;

	final Sizes sizes;

	final Instant now;

	final FieldCrypto crypto;

	final LongConsumer out;

	/** Opens further connections for stages that load chunks in parallel; null: one connection. */
	final Connections connections;

	final int threads;

	private final ThreadLocal<Connection> current = new ThreadLocal<>();

	private final List<Connection> extra = new ArrayList<>();

	interface Connections {

		Connection open() throws SQLException;

	}

	/** How much to load; {@link #of(double)} scales the defaults. */
	record Sizes(int volunteers, int residents, int teams, int projects, int activities, int needs) {

		static Sizes of(double scale) {
			return new Sizes(atLeast(470_000 * scale, STATIONS), atLeast(20_000 * scale, 10),
					atLeast(4_190 * scale, FIRST_STATION), atLeast(1_000 * scale, STATIONS),
					atLeast(90_000 * scale, STATIONS), atLeast(50_000 * scale, 20));
		}

		private static int atLeast(double value, int minimum) {
			return Math.max(minimum, (int) Math.round(value));
		}

		int admins() {
			return 1 + INSTITUTES + STATIONS;
		}

		/** User ids: volunteers 1..V, residents next, then one admin per org unit. */
		long firstResident() {
			return volunteers() + 1L;
		}

		long firstAdmin() {
			return firstResident() + residents();
		}

		long users() {
			return firstAdmin() + admins() - 1;
		}

	}

	CountySeeder(Connection db, Sizes sizes, Instant now, FieldCrypto crypto, LongConsumer out, Connections connections,
			int threads) {
		this.db = db;
		this.sizes = sizes;
		this.now = now.truncatedTo(ChronoUnit.SECONDS);
		this.crypto = crypto;
		this.out = out;
		this.connections = connections;
		this.threads = threads;
	}

	public static void main(String[] args) throws Exception {
		String url = env("SEED_JDBC_URL", "jdbc:mysql://127.0.0.1:3306/wenming_bench?createDatabaseIfNotExist=true");
		String user = env("SEED_JDBC_USER", "root");
		String password = env("SEED_JDBC_PASSWORD", "");
		double scale = Double.parseDouble(env("SEED_SCALE", "1"));
		int threads = Integer.parseInt(env("SEED_THREADS", Integer.toString(Runtime.getRuntime().availableProcessors())));
		String key = env("APP_CRYPTO_KEY", LOCAL_CRYPTO_KEY);
		Instant started = Instant.now();
		migrate(url, user, password);
		try (Connection db = DriverManager.getConnection(withBatching(url), user, password)) {
			CountySeeder seeder = new CountySeeder(db, Sizes.of(scale), Instant.now(), FieldCrypto.withKey(key), (n) -> {
			}, () -> DriverManager.getConnection(withBatching(url), user, password), threads);
			seeder.seed();
		}
		log("county seeded in %s", Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS));
	}

	static void migrate(String url, String user, String password) {
		Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
	}

	static String withBatching(String url) {
		return url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[seed] " + format + "%n", args);
	}

	/**
	 * Runs every stage; stages and chunks already recorded as done are skipped. The big tables are
	 * loaded without their secondary indexes, which are built once after their stage (see
	 * {@link #bulkStage}); foreign keys and unique checks are off for this session, as the rows are
	 * consistent by construction ({@code CountySeederTest} checks that they are).
	 */
	void seed() throws SQLException {
		try {
			seedStages();
		}
		finally {
			closeExtra();
		}
	}

	private void seedStages() throws SQLException {
		Instant started = Instant.now();
		this.db.setAutoCommit(true);
		prepare();
		stage("org units", 1, 1, this::orgUnits);
		stage("users", this.sizes.users(), 50_000, this::users);
		stage("admin roles", 1, 1, (from, to) -> adminRoles());
		bulkStage("volunteers", this.sizes.volunteers(), 10_000, this.threads, this::volunteers, "volunteer", "volunteer_tag");
		stage("teams", this.sizes.teams(), 5_000, this::teams);
		stage("team members", this.sizes.volunteers(), 50_000, this.threads, this::teamMembers);
		stage("projects", this.sizes.projects(), 5_000, this::projects);
		stage("activities", this.sizes.activities(), 10_000, this::activities);
		bulkStage("sign-ups", this.sizes.activities(), 3_000, 1, this::signUps, "activity_sign_up");
		stage("needs", this.sizes.needs(), 5_000, this::needs);
		bulkStage("ledger", this.sizes.users(), 20_000, 1, this::ledger, "points_entry");
		stage("accounts", this.sizes.users(), 50_000, this.threads, this::accounts);
		if (!started("points rollup") && count("points_rollup") > 0) {
			// V31's backfill of a ledger seeded before it: the stage below writes every row again.
			execute("TRUNCATE TABLE points_rollup");
		}
		bulkStage("points rollup", this.sizes.users(), 10_000, this.threads, this::pointsRollup, "points_rollup");
		if (!started("hours rollup")) {
			// V34/V35's backfill of sign-ups seeded before them: the stage below writes every user's rows
			// again. Done here once, not per chunk: two connections deleting neighbouring ranges each wait
			// for the row just past their range, which the other has inserted, and deadlock.
			execute("DELETE FROM activity_hours_rollup WHERE subject = 'U'");
			execute("DELETE FROM need_hours_rollup WHERE subject = 'U'");
		}
		// Chunks of disjoint users inserted (no AUTO_INCREMENT, read committed, nothing deleted): nothing
		// for two connections to wait for (it was the longest stage on one). Its 7 million rows went
		// into the rank indexes (period, period_value, subject, hours) as random inserts: 2 to 4 minutes
		// on a slow machine, the longest stage; built once after the stage, as the points rollup's are.
		bulkStage("hours rollup", this.sizes.users(), 10_000, this.threads, this::hoursRollup, "activity_hours_rollup",
				"need_hours_rollup");
		stage("project hours", this.sizes.projects(), 5_000, this::projectHoursRollup);
		stage("team hours", this.sizes.teams(), 5_000, this::teamHoursRollup);
		Instant analyzed = Instant.now();
		for (String table : new String[] { "app_user", "volunteer", "team_member", "activity", "activity_sign_up", "need",
				"need_history", "points_entry", "points_account", "points_rollup", "activity_hours_rollup", "need_hours_rollup" }) {
			execute("ANALYZE TABLE " + table);
		}
		log("%-13s done in %s", "analyze", since(analyzed));
		log("all stages done in %s", since(started));
		log("done: %,d users, %,d sign-ups, %,d ledger entries, %,d needs", count("app_user"),
				count("activity_sign_up"), count("points_entry"), count("need"));
	}

	private void prepare() throws SQLException {
		sessionSettings(this.db);
		execute("""
				CREATE TABLE IF NOT EXISTS seed_deferred_index (
				    table_name VARCHAR(64)   NOT NULL,
				    index_name VARCHAR(64)   NOT NULL,
				    definition VARCHAR(1000) NOT NULL,
				    PRIMARY KEY (table_name, index_name)
				) ENGINE = InnoDB""");
		execute("""
				CREATE TABLE IF NOT EXISTS seed_progress (
				    stage      VARCHAR(40) NOT NULL,
				    chunk_from BIGINT      NOT NULL,
				    done_at    DATETIME(3) NOT NULL,
				    PRIMARY KEY (stage, chunk_from)
				) ENGINE = InnoDB""");
		execute("CREATE TABLE IF NOT EXISTS seed_numbers (n INT NOT NULL, PRIMARY KEY (n)) ENGINE = InnoDB");
		if (count("seed_numbers") < 10_000) {
			execute("DELETE FROM seed_numbers");
			try (PreparedStatement insert = this.db.prepareStatement("INSERT INTO seed_numbers (n) VALUES (?)")) {
				for (int n = 0; n < 10_000; n++) {
					insert.setInt(1, n);
					insert.addBatch();
				}
				insert.executeBatch();
			}
		}
		boolean started = count("seed_progress") > 0;
		if (!started && count("app_user") > 0) {
			throw new IllegalStateException("the database already holds users that the seeder did not create: seed a fresh database");
		}
	}

	interface Chunk {

		void load(long from, long to) throws SQLException;

	}

	/** Loads ids 1..total in chunks; each chunk's rows and its progress row commit together. */
	private void stage(String name, long total, long chunkSize, Chunk chunk) throws SQLException {
		stage(name, total, chunkSize, 1, chunk);
	}

	/**
	 * As above, with up to {@code threads} chunks at a time, each on a connection of its own. Only
	 * for stages whose chunks touch disjoint rows and whose table has no AUTO_INCREMENT column (an
	 * {@code INSERT … SELECT} holds that table's AUTO-INC lock to its end, so such chunks would only
	 * queue). Chunks finish out of order; each still commits with its progress row, so a resumed
	 * run does exactly the missing ones.
	 */
	private void stage(String name, long total, long chunkSize, int threads, Chunk chunk) throws SQLException {
		Instant started = Instant.now();
		java.util.Deque<long[]> pending = new java.util.ArrayDeque<>();
		for (long from = 1; from <= total; from += chunkSize) {
			if (!done(name, from)) {
				pending.add(new long[] { from, Math.min(total, from + chunkSize - 1) });
			}
		}
		long loaded = pending.stream().mapToLong(range -> range[1] - range[0] + 1).sum();
		List<Connection> own = connections(Math.min(threads, pending.size()));
		int workers = own.size();
		if (workers <= 1) {
			for (long[] range : pending) {
				chunk(name, total, chunkSize, range, chunk);
			}
		}
		else {
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
			try {
				List<java.util.concurrent.Future<Void>> results = new ArrayList<>();
				for (Connection worker : own) {
					results.add(pool.submit(() -> {
						try {
							this.current.set(worker);
							for (long[] range = take(pending); range != null; range = take(pending)) {
								chunk(name, total, chunkSize, range, chunk);
							}
						}
						finally {
							this.current.remove();
						}
						return null;
					}));
				}
				// Every worker is waited for (one of them is on the seeder's own connection), then the
				// first failure is thrown; the others stop taking chunks once one has failed.
				Throwable failure = null;
				for (java.util.concurrent.Future<Void> result : results) {
					try {
						result.get();
					}
					catch (java.util.concurrent.ExecutionException ex) {
						synchronized (pending) {
							pending.clear();
						}
						failure = (failure == null) ? ex.getCause() : failure;
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(ex);
					}
				}
				if (failure instanceof SQLException sql) {
					throw sql;
				}
				if (failure != null) {
					throw new IllegalStateException(failure);
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
		log("%-13s done (%,d new) in %s%s", name, loaded, since(started), (workers > 1) ? " on " + workers + " connections" : "");
	}

	/**
	 * The seeder's connection and up to {@code wanted - 1} more, opened once and kept for the later
	 * stages. A server out of connections (a shared one) gives fewer: the stage then runs on those.
	 */
	private List<Connection> connections(int wanted) {
		while (this.connections != null && 1 + this.extra.size() < wanted) {
			try {
				Connection more = this.connections.open();
				sessionSettings(more);
				this.extra.add(more);
			}
			catch (SQLException ex) {
				log("no further connection (%s): %d", ex.getMessage(), 1 + this.extra.size());
				break;
			}
		}
		List<Connection> all = new ArrayList<>();
		all.add(this.db);
		all.addAll(this.extra.subList(0, Math.max(0, Math.min(this.extra.size(), wanted - 1))));
		return all;
	}

	/** Closes the further connections. */
	private void closeExtra() {
		for (Connection more : this.extra) {
			try {
				more.close();
			}
			catch (SQLException ex) {
				log("closing a connection: %s", ex.getMessage());
			}
		}
		this.extra.clear();
	}

	private static long[] take(java.util.Deque<long[]> pending) {
		synchronized (pending) {
			return pending.poll();
		}
	}

	private void chunk(String name, long total, long chunkSize, long[] range, Chunk chunk) throws SQLException {
		Connection db = conn();
		db.setAutoCommit(false);
		try {
			chunk.load(range[0], range[1]);
			try (PreparedStatement mark = db
				.prepareStatement("INSERT INTO seed_progress (stage, chunk_from, done_at) VALUES (?, ?, ?)")) {
				mark.setString(1, name);
				mark.setLong(2, range[0]);
				mark.setTimestamp(3, Timestamp.from(Instant.now()));
				mark.executeUpdate();
			}
			db.commit();
		}
		catch (SQLException | RuntimeException ex) {
			db.rollback();
			throw ex;
		}
		finally {
			db.setAutoCommit(true);
		}
		synchronized (this.out) {
			this.out.accept(range[1]);
		}
		if (total > chunkSize) {
			log("%-13s %,11d / %,d", name, range[1], total);
		}
	}

	/** The connection of the running chunk: a worker's own, else the seeder's. */
	private Connection conn() {
		Connection own = this.current.get();
		return (own != null) ? own : this.db;
	}

	/**
	 * Session settings only: the server's own configuration is left alone. Foreign keys and unique
	 * checks off (the rows are consistent by construction), read committed (an
	 * {@code INSERT … SELECT} then takes no locks on what it reads, so parallel chunks do not
	 * block each other), and in-memory temporary tables big enough for the ledger's window sort and
	 * the rollup's grouping.
	 */
	static void sessionSettings(Connection db) throws SQLException {
		try (Statement statement = db.createStatement()) {
			statement.execute("SET SESSION foreign_key_checks = 0, unique_checks = 0");
			statement.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
			statement.execute("SET SESSION tmp_table_size = 268435456, max_heap_table_size = 268435456, sort_buffer_size = 33554432");
		}
	}

	/**
	 * A stage that loads big tables: their secondary indexes are dropped before its first chunk and
	 * built after its last, one sorted build per index instead of a random B-tree insert per row
	 * (the server's default 128 MB buffer pool holds a small part of a county's indexes). The
	 * definitions are kept in {@code seed_deferred_index} until rebuilt, so a run stopped half-way
	 * rebuilds them when resumed. A server that refuses to drop an index (MySQL keeps those a foreign
	 * key needs) keeps it.
	 */
	private void bulkStage(String name, long total, long chunkSize, int threads, Chunk chunk, String... tables)
			throws SQLException {
		if (!finished(name, total, chunkSize)) {
			for (String table : tables) {
				dropSecondaryIndexes(table);
			}
		}
		stage(name, total, chunkSize, threads, chunk);
		for (String table : tables) {
			rebuildIndexes(table);
		}
	}

	private void dropSecondaryIndexes(String table) throws SQLException {
		Map<String, StringBuilder> indexes = new LinkedHashMap<>();
		try (PreparedStatement query = this.db.prepareStatement("""
				SELECT index_name, non_unique, column_name, sub_part FROM information_schema.statistics
				WHERE table_schema = DATABASE() AND table_name = ? AND index_name <> 'PRIMARY'
				ORDER BY index_name, seq_in_index""")) {
			query.setString(1, table);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					StringBuilder definition = indexes.get(rs.getString(1));
					if (definition == null) {
						definition = new StringBuilder(rs.getInt(2) == 0 ? "ADD UNIQUE INDEX `" : "ADD INDEX `")
							.append(rs.getString(1))
							.append("` (");
						indexes.put(rs.getString(1), definition);
					}
					else {
						definition.append(", ");
					}
					definition.append('`').append(rs.getString(3)).append('`');
					if (rs.getObject(4) != null) {
						definition.append('(').append(rs.getInt(4)).append(')');
					}
				}
			}
		}
		for (Map.Entry<String, StringBuilder> index : indexes.entrySet()) {
			update("INSERT IGNORE INTO seed_deferred_index (table_name, index_name, definition) VALUES (?, ?, ?)", table,
					index.getKey(), index.getValue().append(')').toString());
			try {
				execute("ALTER TABLE `" + table + "` DROP INDEX `" + index.getKey() + "`");
			}
			catch (SQLException ex) {
				log("%-13s keeps index %s (%s)", table, index.getKey(), ex.getMessage());
				update("DELETE FROM seed_deferred_index WHERE table_name = ? AND index_name = ?", table, index.getKey());
			}
		}
	}

	private void rebuildIndexes(String table) throws SQLException {
		List<String> definitions = new ArrayList<>();
		try (PreparedStatement query = this.db
			.prepareStatement("SELECT definition FROM seed_deferred_index WHERE table_name = ? ORDER BY index_name")) {
			query.setString(1, table);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					definitions.add(rs.getString(1));
				}
			}
		}
		if (definitions.isEmpty()) {
			return;
		}
		Instant started = Instant.now();
		execute("ALTER TABLE `" + table + "` " + String.join(", ", definitions));
		update("DELETE FROM seed_deferred_index WHERE table_name = ?", table);
		log("%-13s %d indexes built in %s", table, definitions.size(), since(started));
	}

	private boolean started(String stage) throws SQLException {
		try (PreparedStatement query = this.db.prepareStatement("SELECT COUNT(*) FROM seed_progress WHERE stage = ?")) {
			query.setString(1, stage);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getLong(1) > 0;
			}
		}
	}

	private boolean finished(String stage, long total, long chunkSize) throws SQLException {
		try (PreparedStatement query = this.db.prepareStatement("SELECT COUNT(*) FROM seed_progress WHERE stage = ?")) {
			query.setString(1, stage);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getLong(1) >= (total + chunkSize - 1) / chunkSize;
			}
		}
	}

	private static Duration since(Instant started) {
		return Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.MILLIS);
	}

	private boolean done(String stage, long from) throws SQLException {
		try (PreparedStatement query = this.db
			.prepareStatement("SELECT COUNT(*) FROM seed_progress WHERE stage = ? AND chunk_from = ?")) {
			query.setString(1, stage);
			query.setLong(2, from);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getLong(1) > 0;
			}
		}
	}

	// ---- stages ---------------------------------------------------------------------------------

	/** 宜兴-like geography: stations spread over a 0.4° × 0.5° box around the county seat. */
	private void orgUnits(long from, long to) throws SQLException {
		Timestamp t = ts(this.now.minus(Duration.ofDays(800)));
		try (PreparedStatement insert = this.db.prepareStatement("""
				INSERT INTO org_unit (id, parent_id, level, name, address, region_code, latitude, longitude, path, status,
				                      version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, '320282', ?, ?, ?, 'OPEN', 0, ?, ?)""")) {
			unit(insert, 1, null, "CENTER", "县新时代文明实践中心", 31.3403, 119.8233, "/1/", t);
			for (int i = 0; i < INSTITUTES; i++) {
				int id = 2 + i;
				unit(insert, id, 1L, "INSTITUTE", "第" + (i + 1) + "镇街新时代文明实践所", 31.15 + 0.4 * ((i * 7) % INSTITUTES) / INSTITUTES,
						119.55 + 0.5 * ((i * 11) % INSTITUTES) / INSTITUTES, "/1/" + id + "/", t);
			}
			for (int s = 0; s < STATIONS; s++) {
				int id = FIRST_STATION + s;
				int institute = 2 + s % INSTITUTES;
				unit(insert, id, (long) institute, "STATION", "第" + (s + 1) + "村（社区）新时代文明实践站", 31.15 + 0.4 * fraction(s, 7919),
						119.55 + 0.5 * fraction(s, 104729), "/1/" + institute + "/" + id + "/", t);
			}
			insert.executeBatch();
		}
	}

	private void unit(PreparedStatement insert, long id, Long parent, String level, String name, double lat, double lng,
			String path, Timestamp t) throws SQLException {
		insert.setLong(1, id);
		insert.setObject(2, parent);
		insert.setString(3, level);
		insert.setString(4, name);
		insert.setString(5, name + "办公室");
		insert.setDouble(6, Math.round(lat * 1e6) / 1e6);
		insert.setDouble(7, Math.round(lng * 1e6) / 1e6);
		insert.setString(8, path);
		insert.setTimestamp(9, t);
		insert.setTimestamp(10, t);
		insert.addBatch();
	}

	private void users(long from, long to) throws SQLException {
		update("""
				INSERT INTO app_user (id, openid, nickname, created_at, updated_at)
				SELECT x.id, CONCAT('seed-', x.id), NULL, ?, ?
				FROM (SELECT a.n * 10000 + b.n + ? AS id FROM seed_numbers a JOIN seed_numbers b
				      WHERE a.n <= ? AND a.n * 10000 + b.n <= ?) x""", ts(this.now.minus(Duration.ofDays(760))),
				ts(this.now.minus(Duration.ofDays(760))), from, (to - from) / 10000, to - from);
	}

	/** One admin per org unit: 中心管理员, 所长, 站长 over their own subtree. */
	private void adminRoles() throws SQLException {
		long first = this.sizes.firstAdmin();
		update("""
				INSERT INTO user_role (user_id, role, org_unit_id, scope_key, granted_by, created_at)
				SELECT ? + u.id - 1,
				       CASE u.level WHEN 'CENTER' THEN 'CENTER_ADMIN' WHEN 'INSTITUTE' THEN 'INSTITUTE_ADMIN' ELSE 'STATION_ADMIN' END,
				       u.id, u.id, NULL, ?
				FROM org_unit u""", first, ts(this.now.minus(Duration.ofDays(700))));
		// Each standing grant has its line in the 角色变更记录, as V61 gave the grants it found.
		update("""
				INSERT INTO user_role_event (user_id, role, org_unit_id, kind, actor_user_id, cause, reason, created_at)
				SELECT user_id, role, org_unit_id, 'GRANTED', granted_by, 'BEFORE_HISTORY', NULL, created_at
				FROM user_role ORDER BY id""");
	}

	/** Volunteer index x = user id - 1; home station FIRST_STATION + x % 310. */
	private void volunteers(long from, long to) throws SQLException {
		Timestamp t = ts(this.now.minus(Duration.ofDays(750)));
		try (PreparedStatement insert = conn().prepareStatement("""
				INSERT INTO volunteer (id, user_id, real_name, id_number_cipher, id_number_hash, id_number_masked, home_station_id,
				                       party_member, trained, credit_hours, honor_hours, version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)""");
				PreparedStatement tag = conn()
					.prepareStatement("INSERT INTO volunteer_tag (volunteer_id, kind, value) VALUES (?, 'SKILL', ?)")) {
			// Encryption (a cipher and a MAC per row) is the Java side's cost: done on every core first.
			String[][] secrets = new String[(int) (to - from + 1)][];
			java.util.stream.IntStream.range(0, secrets.length).parallel().forEach(i -> {
				String idNumber = idNumber(from + i - 1);
				secrets[i] = new String[] { this.crypto.encrypt(idNumber), this.crypto.blindIndex(idNumber),
						Masking.idNumber(idNumber) };
			});
			for (long id = from; id <= to; id++) {
				long x = id - 1;
				String[] secret = secrets[(int) (id - from)];
				insert.setLong(1, id);
				insert.setLong(2, id);
				insert.setString(3, SURNAMES[(int) (x % SURNAMES.length)] + GIVEN[(int) ((x / SURNAMES.length) % GIVEN.length)]);
				insert.setString(4, secret[0]);
				insert.setString(5, secret[1]);
				insert.setString(6, secret[2]);
				insert.setLong(7, FIRST_STATION + x % STATIONS);
				insert.setBoolean(8, x % 7 == 0);
				insert.setBoolean(9, x % 5 != 0);
				insert.setTimestamp(10, t);
				insert.setTimestamp(11, t);
				insert.addBatch();
				tag.setLong(1, id);
				tag.setString(2, SKILLS[(int) ((x * 31) % SKILLS.length)]);
				tag.addBatch();
			}
			insert.executeBatch();
			tag.executeBatch();
		}
	}

	/**
	 * Team 1 is the 总队 at the center, 2..19 the 支队 of the institutes, the rest 分队 of the stations:
	 * squad t belongs to station index (t - 20) % 310 as that station's j-th squad, j = (t - 20) / 310,
	 * led by the station's j-th volunteer, x = stationIndex + 310 * j.
	 */
	private void teams(long from, long to) throws SQLException {
		long squads = this.sizes.teams() - FIRST_STATION + 1;
		update("""
				INSERT INTO team (id, org_unit_id, name, kind, description, leader_user_id, status, active_flag, created_by,
				                  created_at, updated_at)
				SELECT x.id,
				       CASE WHEN x.id = 1 THEN 1 WHEN x.id < ? THEN x.id ELSE ? + MOD(x.id - ?, ?) END,
				       CASE WHEN x.id = 1 THEN '志愿服务总队' WHEN x.id < ? THEN CONCAT('志愿服务支队', x.id)
				            ELSE CONCAT('志愿服务分队', FLOOR((x.id - ?) / ?) + 1) END,
				       CASE WHEN x.id = 1 THEN 'GENERAL' WHEN x.id < ? THEN 'BRANCH' ELSE 'SQUAD' END,
				       NULL,
				       CASE WHEN x.id < ? THEN ? + x.id ELSE MOD(x.id - ?, ?) + ? * FLOOR((x.id - ?) / ?) + 1 END,
				       'ACTIVE', 1, ?, ?, ?
				FROM (SELECT a.n * 10000 + b.n + ? AS id FROM seed_numbers a JOIN seed_numbers b
				      WHERE a.n <= ? AND a.n * 10000 + b.n <= ?) x""", FIRST_STATION, FIRST_STATION, FIRST_STATION, STATIONS,
				FIRST_STATION, FIRST_STATION, STATIONS, FIRST_STATION,
				// leaders of the 总队 and 支队: volunteers of the last station indexes, never a squad leader
				FIRST_STATION, this.sizes.volunteers() - FIRST_STATION - 1, FIRST_STATION, STATIONS, STATIONS, FIRST_STATION, STATIONS,
				this.sizes.firstAdmin(), ts(this.now.minus(Duration.ofDays(740))), ts(this.now.minus(Duration.ofDays(740))), from,
				(to - from) / 10000, to - from);
		if (squads < 1) {
			throw new IllegalStateException("at least one squad is needed");
		}
		// The leaders of the 总队 and 支队 are members of them too (squad leaders join below).
		update("""
				INSERT INTO team_member (team_id, user_id, volunteer_id, role, joined_at)
				SELECT t.id, t.leader_user_id, t.leader_user_id, 'LEADER', t.created_at
				FROM team t WHERE t.id BETWEEN ? AND ? AND t.id < ?""", from, to, FIRST_STATION);
	}

	/**
	 * Every volunteer joins one squad of their home station: the j-th, j = (x / 310) mod J where J is
	 * the number of squads at that station; the j-th volunteer of a station therefore leads squad j.
	 */
	private void teamMembers(long from, long to) throws SQLException {
		long squads = this.sizes.teams() - FIRST_STATION + 1;
		update("""
				INSERT INTO team_member (team_id, user_id, volunteer_id, role, joined_at)
				SELECT ? + s.idx + ? * MOD(FLOOR(s.x / ?), s.j), s.x + 1, s.x + 1,
				       CASE WHEN FLOOR(s.x / ?) < s.j THEN 'LEADER' ELSE 'MEMBER' END, ?
				FROM (SELECT v.x, MOD(v.x, ?) AS idx,
				             CASE WHEN MOD(v.x, ?) < ? THEN FLOOR((? - 1 - MOD(v.x, ?)) / ?) + 1 ELSE 0 END AS j
				      FROM (SELECT a.n * 10000 + b.n + ? - 1 AS x FROM seed_numbers a JOIN seed_numbers b
				            WHERE a.n <= ? AND a.n * 10000 + b.n <= ?) v) s
				WHERE s.j > 0""", FIRST_STATION, STATIONS, STATIONS, STATIONS, ts(this.now.minus(Duration.ofDays(730))), STATIONS,
				STATIONS, squads, squads, STATIONS, STATIONS, from, (to - from) / 10000, to - from);
	}

	/** Project p belongs to station index (p - 1) % 310 and its first squad. */
	private void projects(long from, long to) throws SQLException {
		update("""
				INSERT INTO project (id, org_unit_id, team_id, name, category, description, brand, status, created_by, created_at,
				                     updated_at)
				SELECT x.id, ? + MOD(x.id - 1, ?), IF(MOD(x.id - 1, ?) < ?, ? + MOD(x.id - 1, ?), NULL), CONCAT('志愿服务项目', x.id),
				       ELT(MOD(x.id, 5) + 1, 'THEORY_LECTURE', 'EDUCATION', 'CULTURE', 'SCIENCE_TECH', 'HEALTH_SPORTS'),
				       '面向群众的常态化志愿服务', MOD(x.id, 10) = 0, 'ACTIVE', ?, ?, ?
				FROM (SELECT a.n * 10000 + b.n + ? AS id FROM seed_numbers a JOIN seed_numbers b
				      WHERE a.n <= ? AND a.n * 10000 + b.n <= ?) x""", FIRST_STATION, STATIONS, STATIONS,
				this.sizes.teams() - FIRST_STATION + 1, FIRST_STATION, STATIONS, this.sizes.firstAdmin(),
				ts(this.now.minus(Duration.ofDays(735))), ts(this.now.minus(Duration.ofDays(735))),
				from, (to - from) / 10000, to - from);
	}

	/**
	 * Activities spread from two years ago to two months ahead; past ones are finished, future ones
	 * open for sign-up. Activity a belongs to project 1 + (a - 1) % P, hence to that project's station.
	 */
	private void activities(long from, long to) throws SQLException {
		long spanMinutes = Duration.ofDays(790).toMinutes();
		Instant first = this.now.minus(Duration.ofDays(730));
		update("""
				INSERT INTO activity (id, project_id, org_unit_id, category, title, description, starts_at, ends_at,
				                      sign_up_deadline, address, latitude, longitude, geofence_meters, capacity,
				                      confirmed_count, waitlist_seq, training_required, theory_lecture, contact_name,
				                      contact_phone, status, created_by, created_at, updated_at)
				SELECT y.id, y.project_id, p.org_unit_id, p.category, CONCAT(p.name, '·第', y.id, '场'), '常态化志愿服务活动',
				       y.starts_at, DATE_ADD(y.starts_at, INTERVAL 3 HOUR), y.starts_at, CONCAT(u.name, '广场'),
				       u.latitude, u.longitude, 500, 40, 0, 0, 0, MOD(y.id, 10) = 0, '联系人', '0510-87000000',
				       CASE WHEN y.starts_at < ? THEN 'FINISHED' ELSE 'PUBLISHED' END, ?,
				       DATE_SUB(y.starts_at, INTERVAL 7 DAY), DATE_SUB(y.starts_at, INTERVAL 7 DAY)
				FROM (SELECT x.id, 1 + MOD(x.id - 1, ?) AS project_id,
				             DATE_ADD(?, INTERVAL MOD(x.id * 7919, ?) MINUTE) AS starts_at
				      FROM (SELECT a.n * 10000 + b.n + ? AS id FROM seed_numbers a JOIN seed_numbers b
				            WHERE a.n <= ? AND a.n * 10000 + b.n <= ?) x) y
				JOIN project p ON p.id = y.project_id
				JOIN org_unit u ON u.id = p.org_unit_id""", ts(this.now.minus(Duration.ofHours(3))), this.sizes.firstAdmin(),
				this.sizes.projects(), ts(first), spanMinutes, from, (to - from) / 10000, to - from);
	}

	/**
	 * 33 or 34 sign-ups per activity (3,000,000 for 90,000 activities) by distinct volunteers of its
	 * station: the i-th is station volunteer (base + i) mod V_s. Finished activities have attendance:
	 * checked in and out, 2–4 hours confirmed the day after.
	 */
	private void signUps(long from, long to) throws SQLException {
		long v = this.sizes.volunteers();
		update("""
				INSERT INTO activity_sign_up (activity_id, user_id, volunteer_id, status, live_flag, waitlist_position, source,
				                              checked_in_at, checked_out_at, hours, hours_confirmed_at, hours_confirmed_by,
				                              created_at, updated_at)
				SELECT q.id, q.x + 1, q.x + 1, 'CONFIRMED', 1, NULL,
				       ELT(MOD(q.id + q.i, 4) + 1, 'menu', 'article', 'qr', NULL),
				       IF(q.finished, q.starts_at, NULL), IF(q.finished, q.ends_at, NULL),
				       IF(q.finished, 2 + MOD(q.id, 3), NULL), IF(q.finished, DATE_ADD(q.ends_at, INTERVAL 1 DAY), NULL),
				       IF(q.finished, ?, NULL), DATE_SUB(q.starts_at, INTERVAL 2 DAY), DATE_SUB(q.starts_at, INTERVAL 2 DAY)
				FROM (SELECT w.*, w.idx + ? * MOD(w.base + w.i, w.vs) AS x
				      FROM (SELECT a.id, a.starts_at, a.ends_at, a.status = 'FINISHED' AS finished, a.org_unit_id - ? AS idx,
				                   FLOOR((? - 1 - (a.org_unit_id - ?)) / ?) + 1 AS vs, MOD(a.id * 7919, 1000003) AS base, i.n AS i
				            FROM activity a JOIN seed_numbers i ON i.n < 33 + (MOD(a.id, 3) = 0)
				            WHERE a.id BETWEEN ? AND ?) w
				      WHERE w.i < w.vs) q""", this.sizes.firstAdmin(), STATIONS, FIRST_STATION, v, FIRST_STATION, STATIONS,
				from, to);
		// The count the statement above inserted, by the same arithmetic: sign-ups are loaded without
		// their activity index, so counting them per activity would scan the table for every chunk.
		update("""
				UPDATE activity a
				SET a.confirmed_count = LEAST(33 + (MOD(a.id, 3) = 0), FLOOR((? - 1 - (a.org_unit_id - ?)) / ?) + 1),
				    a.capacity = GREATEST(a.capacity, LEAST(33 + (MOD(a.id, 3) = 0), FLOOR((? - 1 - (a.org_unit_id - ?)) / ?) + 1))
				WHERE a.id BETWEEN ? AND ?""", v, FIRST_STATION, STATIONS, v, FIRST_STATION, STATIONS, from, to);
	}

	/*
	 * The outer range on the updated table matters: without it MariaDB 10.11 picks a LATERAL DERIVED
	 * plan that scans every volunteer (activity) for each chunk, which made these stages quadratic.
	 */
	/**
	 * What {@code NeedDeadlines} would have done to these needs, had it run every minute since they
	 * were made (with {@code application.yml}'s deadlines: review within 2 days, again after 2 more):
	 * an overdue stage escalated to the 所 at its deadline and to the 中心 two days later, with the job's
	 * history rows. Without it the first server on a freshly seeded county spends its first minutes
	 * escalating some 10,000 year-old needs and sending their notifications, inside whatever the
	 * benchmark measures then. The COMPLETED needs are made in the last three days of the others' window
	 * (made 8 to 11 days ago, completed 3 to 6 days ago: a day inside their 7 days to be rated), as the
	 * job would have closed older ones.
	 */
	private void settleDeadlines(long from, long to) throws SQLException {
		Timestamp now = ts(this.now);
		String deadline = "IF(status = 'SUBMITTED', DATE_ADD(created_at, INTERVAL 2 DAY), deadline_at)";
		update("""
				UPDATE need SET escalation_level = IF(DATE_ADD(%1$s, INTERVAL 2 DAY) < ?, 'CENTER', 'INSTITUTE'),
				                escalated_at = IF(DATE_ADD(%1$s, INTERVAL 2 DAY) < ?, DATE_ADD(%1$s, INTERVAL 2 DAY), %1$s)
				WHERE id BETWEEN ? AND ? AND status IN ('SUBMITTED', 'ACCEPTED', 'CLAIMED', 'IN_PROGRESS') AND %1$s < ?""".formatted(deadline),
				now, now, from, to, now);
		// The job's rows: the stage stays what it was (from = to), no actor, its note.
		String note = "CONCAT('逾期未', IF(n.status = 'SUBMITTED', '审核', '完成'), '，升级至')";
		update("""
				INSERT INTO need_history (need_id, from_status, to_status, actor_user_id, note, created_at)
				SELECT n.id, n.status, n.status, NULL, CONCAT(%s, '所'),
				       IF(n.escalation_level = 'CENTER', DATE_SUB(n.escalated_at, INTERVAL 2 DAY), n.escalated_at)
				FROM need n WHERE n.id BETWEEN ? AND ? AND n.escalation_level IS NOT NULL""".formatted(note), from, to);
		update("""
				INSERT INTO need_history (need_id, from_status, to_status, actor_user_id, note, created_at)
				SELECT n.id, n.status, n.status, NULL, CONCAT(%s, '中心'), n.escalated_at
				FROM need n WHERE n.id BETWEEN ? AND ? AND n.escalation_level = 'CENTER'""".formatted(note), from, to);
	}

	/**
	 * Needs over the last year at every station, in every state; finished ones were done by the
	 * station's first squad with its leader as the participant. Each need has one history row per
	 * transition on its way to its state.
	 */
	private void needs(long from, long to) throws SQLException {
		long squads = this.sizes.teams() - FIRST_STATION + 1;
		update("""
				INSERT INTO need (id, category_id, title, description, beneficiary_type, urgency, address, latitude, longitude,
				                  contact_name, contact_phone, desired_date, station_id, source, consent_note, resident_user_id,
				                  created_by, status, assigned_team_id, assigned_user_id, deadline_at, published_at,
				                  completed_at, completion_note, rating_stars, rating_comment, rated_at, version, created_at,
				                  updated_at)
				SELECT y.id, 1 + MOD(y.id, 13), CONCAT('群众需求', y.id), '需要志愿者上门帮忙', 
				       ELT(MOD(y.id, 5) + 1, 'ELDERLY', 'LEFT_BEHIND_CHILDREN', 'DISABLED', 'NEEDY', 'OTHER'),
				       ELT(MOD(y.id, 3) + 1, 'NORMAL', 'URGENT', 'CRITICAL'), CONCAT(u.name, '附近'), u.latitude, u.longitude,
				       CONCAT(ELT(MOD(y.id, 5) + 1, '张', '李', '王', '赵', '陈'), '阿姨'), '13800138000', NULL, u.id, 'ONLINE',
				       NULL, y.resident, y.resident, y.status,
				       IF(y.assigned AND y.idx < ?, ? + y.idx, NULL), NULL,
				       IF(y.assigned, DATE_ADD(y.created_at, INTERVAL 10 DAY), NULL),
				       IF(y.status NOT IN ('SUBMITTED', 'REJECTED'), DATE_ADD(y.created_at, INTERVAL 1 DAY), NULL),
				       IF(y.done, DATE_ADD(y.created_at, INTERVAL 5 DAY), NULL), IF(y.done, '已完成服务', NULL),
				       IF(y.status = 'RATED', 3 + MOD(y.id, 3), NULL), NULL,
				       IF(y.status = 'RATED', DATE_ADD(y.created_at, INTERVAL 6 DAY), NULL), 0, y.created_at, y.created_at
				FROM (SELECT x.id, MOD(x.id, ?) AS idx, ? + MOD(x.id, ?) AS resident,
				             DATE_SUB(?, INTERVAL MOD(x.id * 7919, IF(MOD(x.id, 20) = 7, 4320, 525600)) MINUTE) AS created_at,
				             ELT(1 + MOD(x.id, 20), 'SUBMITTED', 'PUBLISHED', 'REJECTED', 'DISPATCHED', 'CLAIMED', 'ACCEPTED',
				                 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'CLOSED_UNRATED', 'RATED', 'RATED', 'RATED', 'RATED',
				                 'RATED', 'RATED', 'RATED', 'RATED', 'RATED', 'RATED') AS status,
				             MOD(x.id, 20) IN (3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19) AS assigned,
				             MOD(x.id, 20) IN (7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19) AS done
				      FROM (SELECT a.n * 10000 + b.n + ? AS id FROM seed_numbers a JOIN seed_numbers b
				            WHERE a.n <= ? AND a.n * 10000 + b.n <= ?) x) y
				JOIN org_unit u ON u.id = ? + y.idx""", squads, FIRST_STATION, STATIONS, this.sizes.firstResident(),
				this.sizes.residents(), ts(this.now.minus(Duration.ofDays(8))), from, (to - from) / 10000, to - from, FIRST_STATION);
		// The path to each state, one history row per step.
		String[][] paths = { { "SUBMITTED" }, { "SUBMITTED", "PUBLISHED" }, { "SUBMITTED", "REJECTED" },
				{ "SUBMITTED", "PUBLISHED", "DISPATCHED" }, { "SUBMITTED", "PUBLISHED", "CLAIMED" },
				{ "SUBMITTED", "PUBLISHED", "DISPATCHED", "ACCEPTED" },
				{ "SUBMITTED", "PUBLISHED", "DISPATCHED", "ACCEPTED", "IN_PROGRESS" },
				{ "SUBMITTED", "PUBLISHED", "DISPATCHED", "ACCEPTED", "IN_PROGRESS", "COMPLETED" },
				{ "SUBMITTED", "CANCELLED" },
				{ "SUBMITTED", "PUBLISHED", "DISPATCHED", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "CLOSED_UNRATED" },
				{ "SUBMITTED", "PUBLISHED", "DISPATCHED", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "RATED" } };
		for (String[] path : paths) {
			String state = path[path.length - 1];
			for (int step = 0; step < path.length; step++) {
				update("""
						INSERT INTO need_history (need_id, from_status, to_status, actor_user_id, note, created_at)
						SELECT n.id, ?, ?, IF(? = 0, n.resident_user_id, ?), NULL, DATE_ADD(n.created_at, INTERVAL ? HOUR)
						FROM need n WHERE n.id BETWEEN ? AND ? AND n.status = ?""", step == 0 ? null : path[step - 1], path[step],
						step, this.sizes.firstAdmin(), step * 12, from, to, state);
			}
		}
		settleDeadlines(from, to);
		// Finished needs: the assigned squad's leader served 2 hours, confirmed at completion (history
		// before confirmation existed, as V26 backfills it; the ledger below awards them).
		update("""
				INSERT INTO need_participant (need_id, user_id, volunteer_id, hours, hours_status, confirmed_at)
				SELECT n.id, t.leader_user_id, t.leader_user_id, 2.0, 'CONFIRMED', n.completed_at
				FROM need n JOIN team t ON t.id = n.assigned_team_id
				WHERE n.id BETWEEN ? AND ? AND n.completed_at IS NOT NULL""", from, to);
	}

	/**
	 * Ledger entries per user, in time order, with running balances computed by a window function:
	 * a registration bonus, points for confirmed activity hours (10 per hour) for completed needs and
	 * their good ratings, and 爱心超市 redemptions taken by the stores before this system (recorded as negative
	 * adjustments, half of an earlier award, so no running balance ever goes below zero).
	 */
	private void ledger(long from, long to) throws SQLException {
		long volunteersEnd = this.sizes.volunteers();
		update("""
				INSERT INTO points_entry (user_id, delta, balance_after, business_type, business_id, reason, operator_id, created_at)
				SELECT e.user_id, e.delta, SUM(e.delta) OVER (PARTITION BY e.user_id ORDER BY e.created_at, e.k, e.business_id),
				       e.business_type, e.business_id, e.reason, NULL, e.created_at
				FROM (
				    SELECT v.user_id, 50 AS delta, 'ADJUSTMENT' AS business_type, 'seed-registration' AS business_id,
				           '注册奖励' AS reason, v.created_at, 0 AS k
				    FROM volunteer v WHERE v.user_id BETWEEN ? AND ? AND v.user_id <= ?
				    UNION ALL
				    SELECT s.user_id, IF(t.k = 1, ROUND(s.hours * 10), -ROUND(s.hours * 5)),
				           IF(t.k = 1, 'ACTIVITY_HOURS', 'ADJUSTMENT'),
				           IF(t.k = 1, CAST(s.id AS CHAR), CONCAT('seed-redemption-', s.id)),
				           IF(t.k = 1, '活动服务时长', '爱心超市兑换（历史数据）'),
				           IF(t.k = 1, s.hours_confirmed_at, DATE_ADD(s.hours_confirmed_at, INTERVAL 2 DAY)), t.k
				    FROM activity_sign_up s JOIN (SELECT 1 AS k UNION ALL SELECT 2) t ON t.k = 1 OR MOD(s.id, 3) <> 0
				    WHERE s.user_id BETWEEN ? AND ? AND s.hours_confirmed_at IS NOT NULL
				    UNION ALL
				    SELECT p.user_id, ROUND(p.hours * 10), 'NEED_COMPLETED', CAST(p.need_id AS CHAR), '完成群众需求', n.completed_at, 3
				    FROM need_participant p JOIN need n ON n.id = p.need_id WHERE p.user_id BETWEEN ? AND ?
				    UNION ALL
				    SELECT p.user_id, 20, 'RATING_BONUS', CAST(p.need_id AS CHAR), '群众好评', n.rated_at, 4
				    FROM need_participant p JOIN need n ON n.id = p.need_id
				    WHERE p.user_id BETWEEN ? AND ? AND n.rating_stars >= 4
				) e""", from, to, volunteersEnd, from, to, from, to, from, to);
	}

	private void accounts(long from, long to) throws SQLException {
		update("""
				INSERT INTO points_account (user_id, balance, version, created_at, updated_at)
				SELECT user_id, SUM(delta), COUNT(*), MIN(created_at), MAX(created_at)
				FROM points_entry WHERE user_id BETWEEN ? AND ? GROUP BY user_id""", from, to);
	}

	private static final String[][] PERIODS = { { "WEEK", "DATE_FORMAT(%s + INTERVAL 8 HOUR, '%%x-W%%v')" },
			{ "MONTH", "DATE_FORMAT(%s + INTERVAL 8 HOUR, '%%Y-%%m')" },
			{ "YEAR", "DATE_FORMAT(%s + INTERVAL 8 HOUR, '%%Y')" }, { "ALL", "'all'" } };

	/**
	 * The hours rollups of the users' confirmed sign-ups and need participations (what the application
	 * writes with every confirmation): the statements of V34/V35's backfill and the rollups' rebuilds;
	 * and the volunteers' credit hours, their confirmed activity hours.
	 */
	private void hoursRollup(long from, long to) throws SQLException {
		// A chunk's rows commit with its progress row, so one that died half-way left none.
		// The chunk's confirmed sign-ups read once into a session's in-memory table, then grouped per
		// period from there: read per period, each of the four passes fetched every sign-up row again
		// through idx_sign_up_user, random reads the default 128 MB buffer pool mostly misses.
		update("""
				CREATE TEMPORARY TABLE IF NOT EXISTS seed_user_hours (user_id BIGINT NOT NULL, volunteer_id BIGINT NOT NULL,
				  hours DECIMAL(6, 2) NOT NULL, ends_at DATETIME(3) NOT NULL) ENGINE = MEMORY""");
		update("DELETE FROM seed_user_hours");
		update("""
				INSERT INTO seed_user_hours (user_id, volunteer_id, hours, ends_at)
				SELECT s.user_id, s.volunteer_id, COALESCE(s.hours, 0), a.ends_at
				FROM activity_sign_up s JOIN activity a ON a.id = s.activity_id
				WHERE s.user_id BETWEEN ? AND ? AND s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL""", from,
				to);
		// The volunteers' credit hours from the same copy (they were a stage of their own, a third pass of
		// random reads over the sign-ups: 33 s on a slow machine).
		update("""
				UPDATE volunteer v JOIN (SELECT volunteer_id, SUM(hours) AS h FROM seed_user_hours GROUP BY volunteer_id) s
				  ON s.volunteer_id = v.id
				SET v.credit_hours = s.h""");
		for (String[] period : PERIODS) {
			update("""
					INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
					SELECT '%s', %s AS period_value, 'U', s.user_id, MAX(s.volunteer_id), SUM(s.hours)
					FROM seed_user_hours s
					GROUP BY s.user_id, period_value""".formatted(period[0], period[1].formatted("s.ends_at")));
			update("""
					INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
					SELECT '%s', %s AS period_value, 'U', p.user_id, MAX(p.volunteer_id), SUM(p.hours)
					FROM need_participant p
					WHERE p.user_id BETWEEN ? AND ? AND p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL
					GROUP BY p.user_id, period_value""".formatted(period[0], period[1].formatted("p.confirmed_at")), from,
					to);
		}
	}

	private void projectHoursRollup(long from, long to) throws SQLException {
		update("DELETE FROM activity_hours_rollup WHERE subject = 'P' AND subject_id BETWEEN ? AND ?", from, to);
		// The sign-ups added up per activity once (an activity has one end, so one period value each),
		// then per project and period from those: one pass over the sign-ups instead of four.
		update("""
				CREATE TEMPORARY TABLE IF NOT EXISTS seed_activity_hours (project_id BIGINT NOT NULL,
				  hours DECIMAL(12, 2) NOT NULL, ends_at DATETIME(3) NOT NULL) ENGINE = MEMORY""");
		update("DELETE FROM seed_activity_hours");
		update("""
				INSERT INTO seed_activity_hours (project_id, hours, ends_at)
				SELECT a.project_id, SUM(COALESCE(s.hours, 0)), a.ends_at
				FROM activity a JOIN activity_sign_up s ON s.activity_id = a.id
				WHERE a.project_id BETWEEN ? AND ? AND s.hours_confirmed_at IS NOT NULL AND s.hours_revoked_at IS NULL
				GROUP BY a.id, a.project_id, a.ends_at""", from, to);
		for (String[] period : PERIODS) {
			update("""
					INSERT INTO activity_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
					SELECT '%s', %s AS period_value, 'P', h.project_id, NULL, SUM(h.hours)
					FROM seed_activity_hours h
					GROUP BY h.project_id, period_value""".formatted(period[0], period[1].formatted("h.ends_at")));
		}
	}

	private void teamHoursRollup(long from, long to) throws SQLException {
		update("DELETE FROM need_hours_rollup WHERE subject = 'T' AND subject_id BETWEEN ? AND ?", from, to);
		for (String[] period : PERIODS) {
			update("""
					INSERT INTO need_hours_rollup (period, period_value, subject, subject_id, volunteer_id, hours)
					SELECT '%s', %s AS period_value, 'T', n.assigned_team_id, NULL, SUM(p.hours)
					FROM need n JOIN need_participant p ON p.need_id = n.id
					WHERE n.assigned_team_id BETWEEN ? AND ? AND p.hours_status = 'CONFIRMED' AND p.confirmed_at IS NOT NULL
					GROUP BY n.assigned_team_id, period_value""".formatted(period[0], period[1].formatted("p.confirmed_at")),
					from, to);
		}
	}

	/**
	 * The points rollup of the users' ledger (what the application writes with every entry), by the
	 * application's own rebuild statement ({@link #ROLLUP_FROM_LEDGER}), one per period, per chunk of users
	 * — reading the chunk's entries from a session's in-memory copy ({@link #ROLLUP_FROM_CHUNK}).
	 */
	private void pointsRollup(long from, long to) throws SQLException {
		// A chunk's rows commit with its progress row, so a chunk that died half-way left none (and a
		// rollup written by V31's backfill was emptied before the stage).
		// Read from points_entry, each of the four periods' statements fetched every entry of the chunk
		// again through idx_points_entry_user: four passes of random reads the default 128 MB buffer
		// pool mostly misses (1 min 34 s of a 9 min 47 s seeding on a slow machine). The chunk's
		// entries are copied once (the columns the statement reads; ~10 per user, ~100,000 a chunk,
		// ids as ASCII to keep the rows small), and the statement's four passes read the copy; the
		// original of a reversal is still joined from points_entry, by primary key (the session's
		// max_heap_table_size, 256 MB, holds a chunk's copy many times over).
		update("""
				CREATE TEMPORARY TABLE IF NOT EXISTS seed_chunk_entry (user_id BIGINT NOT NULL, delta INT NOT NULL,
				  debt_change INT NOT NULL, business_type VARCHAR(24) CHARACTER SET ascii NOT NULL,
				  business_id VARCHAR(64) CHARACTER SET ascii NOT NULL, created_at DATETIME(3) NOT NULL) ENGINE = MEMORY""");
		update("DELETE FROM seed_chunk_entry");
		update("""
				INSERT INTO seed_chunk_entry (user_id, delta, debt_change, business_type, business_id, created_at)
				SELECT user_id, delta, debt_change, business_type, business_id, created_at
				FROM points_entry WHERE user_id BETWEEN ? AND ?""", from, to);
		for (String period : new String[] { "WEEK", "MONTH", "YEAR", "ALL" }) {
			Map<String, Object> args = Map.of("period", period, "from", from, "to", to);
			update(ROLLUP_FROM_CHUNK.sql(), ROLLUP_FROM_CHUNK.parameters().stream().map(args::get).toArray());
		}
	}

	/** {@link #ROLLUP_FROM_LEDGER} reading its entries from the chunk's copy; the reversal's original from the ledger. */
	static final MapperStatement ROLLUP_FROM_CHUNK;

	/**
	 * {@code PointsRollup.RollupMapper#insertFromLedger}'s statement, read from its annotation, so the
	 * seeder and the application's rebuild cannot drift apart (V31 holds the third copy, as a landed
	 * migration it stays as it is).
	 */
	static final MapperStatement ROLLUP_FROM_LEDGER = MapperStatement.of("cn.wenming.practice.points.PointsRollup$RollupMapper",
			"insertFromLedger");

	static {
		String entries = "FROM points_entry x";
		if (!ROLLUP_FROM_LEDGER.sql().contains(entries)) {
			// The application's statement changed shape: say so rather than seed a rollup it would not build.
			throw new IllegalStateException("PointsRollup's rebuild no longer reads '" + entries + "': adapt the seeder");
		}
		ROLLUP_FROM_CHUNK = new MapperStatement(ROLLUP_FROM_LEDGER.sql().replace(entries, "FROM seed_chunk_entry x"),
				ROLLUP_FROM_LEDGER.parameters());
	}

	/** A MyBatis annotation's SQL with its {@code #{name}} parameters turned into JDBC's, in order. */
	record MapperStatement(String sql, List<String> parameters) {

		private static final java.util.regex.Pattern PARAMETER = java.util.regex.Pattern.compile("#\\{(\\w+)}");

		static MapperStatement of(String mapper, String method) {
			try {
				for (java.lang.reflect.Method candidate : Class.forName(mapper).getDeclaredMethods()) {
					org.apache.ibatis.annotations.Insert insert = candidate.getAnnotation(org.apache.ibatis.annotations.Insert.class);
					if (candidate.getName().equals(method) && insert != null) {
						String sql = String.join(" ", insert.value());
						List<String> parameters = new ArrayList<>();
						java.util.regex.Matcher matcher = PARAMETER.matcher(sql);
						while (matcher.find()) {
							parameters.add(matcher.group(1));
						}
						return new MapperStatement(matcher.replaceAll("?"), List.copyOf(parameters));
					}
				}
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
			throw new IllegalStateException("no @Insert " + mapper + "#" + method);
		}

	}

	// ---- helpers --------------------------------------------------------------------------------

	/** A valid, unique 18-digit ID number for volunteer index x (GB 11643 check digit). */
	static String idNumber(long x) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		String checks = "10X98765432";
		int year = 1950 + (int) (x % 50);
		int month = 1 + (int) ((x / 50) % 12);
		int day = 1 + (int) ((x / 600) % 28);
		long sequence = (x / 16_800) % 1000;
		String body = String.format(Locale.ROOT, "320282%04d%02d%02d%03d", year, month, day, sequence);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + checks.charAt(sum % 11);
	}

	private static double fraction(long n, long prime) {
		return ((n * prime) % 1000) / 1000.0;
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.db.createStatement()) {
			statement.execute(sql);
		}
	}

	private int update(String sql, Object... args) throws SQLException {
		try (PreparedStatement statement = conn().prepareStatement(sql)) {
			for (int i = 0; i < args.length; i++) {
				statement.setObject(i + 1, args[i]);
			}
			return statement.executeUpdate();
		}
	}

	long count(String table) throws SQLException {
		try (Statement statement = this.db.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
