package cn.wenming.practice.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * {@code ./mvnw -pl backend -Pbench}: the whole benchmark in one command. Starts {@link BenchServer}
 * in its own JVM on the seeded county, times its start-up, mints access tokens for seeded users
 * with the server's JWT secret (seeded users have openids {@code seed-<id>} that no WeChat login
 * code maps to), prepares a reward and picks an activity, warms up (which also builds the Redis
 * boards and indexes from MySQL), runs {@link BenchSimulation} with Gatling in another JVM while
 * sampling the server's resident memory, checks the ledger invariants by SQL afterwards and prints
 * the result table. Settings (environment) are listed in docs/performance.md.
 */
public final class BenchRunner {

	private static final String ISSUER = "wenming-practice";

	/** warm-redeem's reward: callers cycle at capacity, so the stock never runs out within a warm-up. */
	private static final int WARM_REWARD_STOCK = 1_000_000;

	/** The framework floor's request (the warm-up's and the training's). */
	private static final String PING = "{\"query\":\"{ benchPing }\"}";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Map<String, String> settings = new LinkedHashMap<>();

	private final Path dir;

	private final String baseUrl;

	private final byte[] secret;

	private final Random random = new Random(7);

	/** With BENCH_SERVER_JAR: what docker/Dockerfile runs the production jar with; null otherwise. */
	private final Image image;

	/** What docker/Dockerfile runs the production jar with. */
	record Image(String jvmOptions, String mallocArenaMax) {

		static Image read() {
			Path dockerfile = Path.of("..", "docker", "Dockerfile");
			String text;
			try {
				text = Files.readString(dockerfile);
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot read " + dockerfile.toAbsolutePath(), ex);
			}
			Matcher options = Pattern.compile("JDK_JAVA_OPTIONS=\"([^\"]+)\"").matcher(text);
			Matcher arenas = Pattern.compile("MALLOC_ARENA_MAX=(\\d+)").matcher(text);
			if (!options.find() || !arenas.find()) {
				throw new IllegalStateException(dockerfile.toAbsolutePath() + " sets no JDK_JAVA_OPTIONS or MALLOC_ARENA_MAX");
			}
			return new Image(options.group(1).trim(), arenas.group(1));
		}

	}

	private BenchRunner() throws IOException {
		setting("BENCH_JDBC_URL", "jdbc:mysql://127.0.0.1:3306/wenming_bench");
		setting("BENCH_JDBC_USER", "root");
		setting("BENCH_JDBC_PASSWORD", "");
		setting("BENCH_REDIS_HOST", "127.0.0.1");
		setting("BENCH_REDIS_PORT", "6379");
		setting("BENCH_REDIS_DB", "9");
		setting("BENCH_PORT", "18089");
		// The server's JDK (a java.home); e.g. a JDK 21+ to serve on virtual threads.
		setting("BENCH_SERVER_JAVA", System.getProperty("java.home"));
		// The production jar to serve from (e.g. target/backend-0.1.0-SNAPSHOT.jar, after ./mvnw package):
		// extracted as the Docker image does, with the bench's endpoints and profile in a jar appended to
		// its class path and WeChat stubbed in this JVM. Empty: BenchServer on the test class path.
		setting("BENCH_SERVER_JAR", "");
		// With the production jar, the image's own JVM flags (JDK_JAVA_OPTIONS in docker/Dockerfile, read
		// at each run so the measured server cannot drift from the image's); on the test class path the
		// larger heap that class path needs.
		this.image = get("BENCH_SERVER_JAR").isBlank() ? null : Image.read();
		setting("BENCH_SERVER_OPTS", (this.image == null) ? "-Xms256m -Xmx384m" : this.image.jvmOptions());
		// With BENCH_SERVER_JAR: "cds" trains a class-data-sharing archive first, as docker/Dockerfile
		// does (-XX:ArchiveClassesAtExit, -Dspring.context.exit=onRefresh), and serves with it; "aot"
		// does the same with JDK 24+'s AOT cache (-XX:AOTCacheOutput / -XX:AOTCache); "none" neither.
		// "aot-served": the AOT cache trained by a server that served BENCH_TRAIN_REQUESTS redemptions,
		// leaderboard reads and home pages before it exited, so it holds their classes and method
		// profiles (JDK 25, JEP 515) — unlike the Dockerfile's, which exits at refresh. No gain measured
		// for a cold server on JDK 25 (docs/performance.md §7, runs F1–F7): kept for a JDK whose cache
		// holds compiled code.
		setting("BENCH_SERVER_ARCHIVE", "none");
		setting("BENCH_TRAIN_REQUESTS", "1500");
		// > 0: only time that many start-ups of the server, no load.
		setting("BENCH_STARTS", "0");
		setting("BENCH_JWT_SECRET", "bench-jwt-secret-not-for-production-0123456789");
		setting("BENCH_RATE", "1000");
		setting("BENCH_HOME_RATE", "200");
		setting("BENCH_NEED_RATE", "50");
		setting("BENCH_SIGNUP_RATE", "400");
		setting("BENCH_REDEEM_RATE", "400");
		setting("BENCH_CONCURRENCY", "8");
		setting("BENCH_REDEEM_CONCURRENCY", "32");
		setting("BENCH_CAPACITY_SECONDS", "15");
		// warm-floor and warm-leaderboard: with 15 s each the floor was still speeding up through the
		// measured phases (runs S19–S22: the second floor 2–51 % above the first).
		setting("BENCH_WARM_SECONDS", "30");
		setting("BENCH_SQL_SECONDS", "30");
		setting("BENCH_PHASE_SECONDS", "20");
		setting("BENCH_BURST_SECONDS", "10");
		// warm-redeem's length (closed, at capacity): how warm the burst meets the JIT.
		setting("BENCH_WARM_REDEEM_SECONDS", "30");
		setting("BENCH_WARMUP", "1000");
		setting("BENCH_PERIODS", "WEEK,MONTH,YEAR,ALL");
		// Leaderboard kinds in the mix (every kind × scope × period is read; station boards at the 中心/所).
		setting("BENCH_KINDS", "VOLUNTEER_POINTS,VOLUNTEER_HOURS,TEAM_HOURS,STATION_ACTIVITIES");
		// Phases of BenchSimulation to run (comma-separated, in its order); empty: all of them.
		setting("BENCH_PHASES", "");
		this.dir = Path.of("target", "bench").toAbsolutePath();
		Files.createDirectories(this.dir);
		this.baseUrl = "http://127.0.0.1:" + get("BENCH_PORT");
		// Since issue 17 access tokens are signed with a key derived from the secret, never the secret.
		this.secret = new cn.wenming.practice.shared.SigningKeys(get("BENCH_JWT_SECRET"))
			.key(cn.wenming.practice.shared.SigningKeys.Purpose.ACCESS_TOKEN);
	}

	public static void main(String[] args) throws Exception {
		int status = 0;
		try {
			new BenchRunner().run();
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			status = 1;
		}
		// The WeChat stub (started here for a production-jar server) keeps non-daemon threads.
		System.exit(status);
	}

	private void setting(String name, String fallback) {
		String value = System.getenv(name);
		this.settings.put(name, (value == null || value.isBlank()) ? fallback : value);
	}

	private String get(String name) {
		return this.settings.get(name);
	}

	private static void log(String format, Object... args) {
		System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
	}

	private void run() throws Exception {
		log("machine: %d cores, java %s; settings %s", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"), this.settings);
		try (Connection db = DriverManager.getConnection(get("BENCH_JDBC_URL"), get("BENCH_JDBC_USER"),
				get("BENCH_JDBC_PASSWORD"))) {
			log("county: %,d users, %,d volunteers, %,d activities, %,d sign-ups, %,d ledger entries, %,d needs",
					count(db, "app_user"), count(db, "volunteer"), count(db, "activity"), count(db, "activity_sign_up"),
					count(db, "points_entry"), count(db, "need"));
			killLeftoverQueries(db, "before the run");
			List<String> command = serverCommand();
			int starts = Integer.parseInt(get("BENCH_STARTS"));
			if (starts > 0) {
				startUps(command, starts);
				return;
			}
			Process server = startServer(command);
			try {
				prepareAndRun(db, server);
			}
			finally {
				server.destroy();
				server.waitFor();
			}
		}
	}

	/**
	 * BENCH_STARTS=n: only start the server n times, one after another, and print its start-up
	 * times and resident memory (for choosing JVM flags; see docs/performance.md).
	 */
	private void startUps(List<String> command, int starts) throws Exception {
		List<String> rows = new ArrayList<>();
		for (int i = 1; i <= starts; i++) {
			double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
			long launched = System.nanoTime();
			Process server = startServer(command);
			long firstOk = (System.nanoTime() - launched) / 1_000_000;
			Thread.sleep(3000);
			long rss = rssMb(server.pid());
			server.destroy();
			server.waitFor();
			Matcher spring = Pattern.compile("Started \\S+ in ([0-9.]+) seconds")
				.matcher(Files.readString(this.dir.resolve("server.log")));
			rows.add(String.format(Locale.ROOT, "| %d | %s | %,d | %,d | %.1f |", i, spring.find() ? spring.group(1) : "?", firstOk,
					rss, load));
		}
		String table = "| start | Spring \"Started … in\" s | first 200 on /graphql, ms after launch | RSS 3 s later, MB | load average (1 min) at launch |\n"
				+ "|---:|---:|---:|---:|---:|\n" + String.join("\n", rows) + "\n";
		System.out.println(table);
		Files.writeString(this.dir.resolve("startups.md"), "server: " + String.join(" ", command) + "\n\n" + table);
	}

	private List<String> serverCommand() throws Exception {
		List<String> command = new ArrayList<>();
		String java = Path.of(get("BENCH_SERVER_JAVA"), "bin", "java").toString();
		log("server JVM: %s", serverJavaVersion(java));
		command.add(java);
		command.addAll(Arrays.asList(get("BENCH_SERVER_OPTS").trim().split("\\s+")));
		// Every collection with its wall-clock time, to set beside results.csv's phase times: a full
		// collection inside a burst is what a tail figure alone cannot show.
		command.add("-Xlog:gc:file=" + this.dir.resolve("gc.log") + ":time,uptime");
		if (get("BENCH_SERVER_JAR").isBlank()) {
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName()));
		}
		else {
			command.addAll(productionJar(java));
		}
		return command;
	}

	private Process startServer(List<String> command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve("server.log").toFile());
		serverEnvironment(builder.environment());
		long started = System.nanoTime();
		Process server = builder.start();
		while (true) {
			if (!server.isAlive()) {
				throw new IllegalStateException("the server exited, see " + this.dir.resolve("server.log"));
			}
			try {
				// The first 200 of the API itself (the health endpoint can answer earlier).
				HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("Query")) {
					break;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		Matcher spring = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)")
			.matcher(Files.readString(this.dir.resolve("server.log")));
		log("start-up: first 200 on /graphql %,d ms after launch (%s); RSS %,d MB", millis,
				spring.find() ? "Spring: started in " + spring.group(1) + " s, JVM up " + spring.group(2) + " s" : "",
				rssMb(server.pid()));
		return server;
	}

	/**
	 * The production jar as docker/Dockerfile runs it: extracted ({@code -Djarmode=tools extract}),
	 * the application's jar on the class path with its {@code lib/}, optionally with the archive trained the
	 * way the image trains it. The bench's endpoints ({@code benchPing}, the SQL baseline) and its
	 * profile come in a small jar appended to the class path (an archive accepts a longer class path
	 * than it was trained with, so the image's archive stays valid); WeChat is the test stub, started
	 * in this JVM.
	 */
	private List<String> productionJar(String java) throws Exception {
		Path app = this.dir.resolve("app");
		deleteTree(app);
		run(List.of(java, "-Djarmode=tools", "-jar", Path.of(get("BENCH_SERVER_JAR")).toAbsolutePath().toString(), "extract",
				"--destination", app.toString()), "extract");
		Path extras = this.dir.resolve("bench-extras.jar");
		Path classes = Path.of("target", "test-classes").toAbsolutePath();
		try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(Files.newOutputStream(extras))) {
			// Directory entries too: component scanning finds a package in a jar by its directory entry.
			for (String directory : List.of("cn/", "cn/wenming/", "cn/wenming/practice/", "cn/wenming/practice/bench/", "bench/")) {
				jar.putNextEntry(new java.util.jar.JarEntry(directory));
				jar.closeEntry();
			}
			for (String entry : List.of("cn/wenming/practice/bench/BenchEndpoints.class",
					"cn/wenming/practice/bench/BenchServer$LongAsyncRequests.class", "application-bench.yml",
					"bench/bench.graphqls")) {
				jar.putNextEntry(new java.util.jar.JarEntry(entry));
				jar.write(Files.readAllBytes(classes.resolve(entry)));
				jar.closeEntry();
			}
			try (var nested = Files.list(classes.resolve("cn/wenming/practice/bench"))) {
				for (Path inner : nested.filter(f -> f.getFileName().toString().startsWith("BenchEndpoints$")).toList()) {
					jar.putNextEntry(new java.util.jar.JarEntry("cn/wenming/practice/bench/" + inner.getFileName()));
					jar.write(Files.readAllBytes(inner));
					jar.closeEntry();
				}
			}
		}
		String archive = get("BENCH_SERVER_ARCHIVE");
		List<String> flags = new ArrayList<>();
		String appJar;
		try (var files = Files.list(app)) {
			appJar = files.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow().toString();
		}
		if (archive.equals("aot-served")) {
			Path file = app.resolve("app.aot");
			long started = System.nanoTime();
			trainServing(java, file, appJar + File.pathSeparator + extras);
			log("aot archive trained by serving in %,d ms: %,d KB", (System.nanoTime() - started) / 1_000_000,
					Files.size(file) / 1024);
			flags.add("-XX:AOTCache=" + file);
		}
		else if (!archive.equals("none")) {
			Path file = app.resolve(archive.equals("aot") ? "app.aot" : "app.jsa");
			// Trained with the serving flags (heap, GC), as the image does through JDK_JAVA_OPTIONS.
			List<String> training = new ArrayList<>(List.of(java));
			training.addAll(Arrays.asList(get("BENCH_SERVER_OPTS").trim().split("\\s+")));
			training.addAll(List.of(archive.equals("aot") ? "-XX:AOTCacheOutput=" + file : "-XX:ArchiveClassesAtExit=" + file,
					"-Dspring.context.exit=onRefresh", "-cp", appJar, "cn.wenming.practice.BackendApplication"));
			training.addAll(trainingArguments());
			long started = System.nanoTime();
			run(training, "training");  // on the bench database and Redis (serverEnvironment)
			log("%s archive trained in %,d ms: %,d KB", archive, (System.nanoTime() - started) / 1_000_000,
					Files.size(file) / 1024);
			flags.add(archive.equals("aot") ? "-XX:AOTCache=" + file : "-XX:SharedArchiveFile=" + file);
		}
		flags.addAll(application(appJar + File.pathSeparator + extras));
		return flags;
	}

	/** The application on {@code classPath} in the bench profile, with WeChat stubbed in this JVM. */
	private static List<String> application(String classPath) {
		List<String> arguments = new ArrayList<>(List.of("-cp", classPath, "cn.wenming.practice.BackendApplication",
				"--spring.profiles.active=bench"));
		cn.wenming.practice.testinfra.WechatStub.shared()
			.properties()
			.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		return arguments;
	}

	/**
	 * BENCH_SERVER_ARCHIVE=aot-served: the server as it will serve (same class path, flags and
	 * profile), recording with -XX:AOTCacheOutput while it answers redemptions of a reward of its own,
	 * leaderboard reads and home pages, then stopped (SIGTERM, a graceful shutdown): the JVM writes the
	 * cache as it exits. Redis is flushed afterwards, so the measured server meets cold boards as ever
	 * (what training left there is rebuildable from MySQL).
	 */
	private void trainServing(String java, Path file, String classPath) throws Exception {
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(Arrays.asList(get("BENCH_SERVER_OPTS").trim().split("\\s+")));
		command.add("-XX:AOTCacheOutput=" + file);
		command.addAll(application(classPath));
		log("training server (its start-up below is not the measured one):");
		Process server = startServer(command);
		try (Connection db = DriverManager.getConnection(get("BENCH_JDBC_URL"), get("BENCH_JDBC_USER"),
				get("BENCH_JDBC_PASSWORD"))) {
			serveTrainingLoad(db, Integer.parseInt(get("BENCH_TRAIN_REQUESTS")));
		}
		finally {
			server.destroy();
			if (!server.waitFor(5, TimeUnit.MINUTES)) {
				server.destroyForcibly();
				throw new IllegalStateException("the training server did not exit, see " + this.dir.resolve("server.log"));
			}
			Files.copy(this.dir.resolve("server.log"), this.dir.resolve("training.log"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("no AOT cache written, see " + this.dir.resolve("training.log"));
		}
		try (redis.clients.jedis.Jedis redis = new redis.clients.jedis.Jedis(get("BENCH_REDIS_HOST"),
				Integer.parseInt(get("BENCH_REDIS_PORT")))) {
			redis.select(Integer.parseInt(get("BENCH_REDIS_DB")));
			redis.flushDB();
		}
	}

	/** {@code n} redemptions (distinct users, from the top of the county), leaderboard reads and home pages, 8 at a time. */
	private void serveTrainingLoad(Connection db, int n) throws Exception {
		long admin = longQuery(db, "SELECT user_id FROM user_role WHERE role = 'CENTER_ADMIN' ORDER BY user_id LIMIT 1");
		long station = longQuery(db, "SELECT id FROM org_unit WHERE level = 'STATION' ORDER BY id LIMIT 1");
		List<Long> users = new ArrayList<>();
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT user_id FROM points_account WHERE balance >= 10 ORDER BY user_id DESC LIMIT " + n)) {
			while (rs.next()) {
				users.add(rs.getLong(1));
			}
		}
		long reward = createReward(token(admin), station, "训练礼品", n * 2, 5);
		String[] periods = get("BENCH_PERIODS").split(",");
		String[] kinds = get("BENCH_KINDS").split(",");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> answers = new ArrayList<>();
		long started = System.nanoTime();
		try {
			for (int i = 0; i < users.size(); i++) {
				String token = token(users.get(i));
				String kind = kinds[i % kinds.length];
				String period = periods[(i / kinds.length) % periods.length];
				answers.add(pool.submit(() -> graphql(token, """
						{"query":"mutation($r: ID!, $k: String!) { redeem(rewardId: $r, quantity: 1, idempotencyKey: $k) { id status points } }","variables":{"r":"%d","k":"train-%s"}}"""
					.formatted(reward, UUID.randomUUID()))));
				answers.add(pool.submit(() -> graphql(token, leaderboardBody(kind, period, "1"))));
				answers.add(pool.submit(() -> graphql(token, homeBody("31.36", "119.82"))));
				answers.add(pool.submit(() -> graphql(token, PING)));
			}
			int failed = 0;
			for (Future<String> answer : answers) {
				if (answer.get().contains("\"errors\"")) {
					failed++;
				}
			}
			log("training load: %,d requests in %,d ms, %,d with errors", answers.size(),
					(System.nanoTime() - started) / 1_000_000, failed);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * What docker/Dockerfile's training run is given besides its throwaway database and Redis: secrets
	 * and WeChat ids that only need to be present (nothing is signed, encrypted or sent while the
	 * context refreshes).
	 */
	static List<String> trainingArguments() {
		return List.of("--app.auth.jwt-secret=training-only-secret-0123456789abcdef0123",
				"--app.crypto.key=dHJhaW5pbmctb25seS1rZXktMDEyMzQ1Njc4OWFiY2Q=", "--app.wechat.miniapp.app-id=training",
				"--app.wechat.miniapp.secret=training");
	}

	private void run(List<String> command, String what) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.dir.resolve(what + ".log").toFile());
		serverEnvironment(builder.environment());
		Process process = builder.start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(what + " failed, see " + this.dir.resolve(what + ".log"));
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (Files.exists(root)) {
			try (var paths = Files.walk(root)) {
				for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	private void serverEnvironment(Map<String, String> environment) {
		String url = get("BENCH_JDBC_URL");
		environment.put("SPRING_DATASOURCE_URL", url + (url.contains("?") ? "&" : "?") + "useSSL=false&allowPublicKeyRetrieval=true");
		environment.put("SPRING_DATASOURCE_USERNAME", get("BENCH_JDBC_USER"));
		environment.put("SPRING_DATASOURCE_PASSWORD", get("BENCH_JDBC_PASSWORD"));
		environment.put("SPRING_DATA_REDIS_HOST", get("BENCH_REDIS_HOST"));
		environment.put("SPRING_DATA_REDIS_PORT", get("BENCH_REDIS_PORT"));
		environment.put("SPRING_DATA_REDIS_DATABASE", get("BENCH_REDIS_DB"));
		environment.put("SERVER_PORT", get("BENCH_PORT"));
		// The actuator's own port (8081 in production) next to the API's, unless set: a server on this
		// machine already holding 8081 would otherwise stop the benchmark's at start-up.
		environment.putIfAbsent("MANAGEMENT_SERVER_PORT", Integer.toString(Integer.parseInt(get("BENCH_PORT")) + 1));
		if (this.image != null) {
			// The image's allocator setting (ENV in docker/Dockerfile), part of its measured RSS.
			environment.putIfAbsent("MALLOC_ARENA_MAX", this.image.mallocArenaMax());
		}
		environment.put("BENCH_JWT_SECRET", get("BENCH_JWT_SECRET"));
	}

	private static String serverJavaVersion(String java) throws Exception {
		Process version = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
		String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		version.waitFor();
		return text.lines().findFirst().orElse("?");
	}

	private void prepareAndRun(Connection db, Process server) throws Exception {
		long admin = longQuery(db, "SELECT user_id FROM user_role WHERE role = 'CENTER_ADMIN' ORDER BY user_id LIMIT 1");
		long volunteers = count(db, "volunteer");
		Map<Long, double[]> stations = new LinkedHashMap<>();
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT id, latitude, longitude FROM org_unit WHERE level = 'STATION' ORDER BY id")) {
			while (rs.next()) {
				stations.put(rs.getLong(1), new double[] { rs.getDouble(2), rs.getDouble(3) });
			}
		}
		long firstStation = stations.keySet().iterator().next();
		int stationCount = stations.size();

		// Leaderboard and home-page callers: volunteers of ten stations, reading the boards of their
		// station, its 所 or the 中心, for every period and kind (built once in warm-up). A station board
		// (STATION_ACTIVITIES) has no station scope: those callers read their 所's.
		String[] periods = get("BENCH_PERIODS").split(",");
		String[] kinds = get("BENCH_KINDS").split(",");
		List<String> readers = new ArrayList<>(List.of("token,user,scope,period,lat,lng,kind"));
		for (int i = 0; i < 4000; i++) {
			int stationIndex = i % 10;
			long x = stationIndex + (long) stationCount * this.random.nextInt((int) (volunteers / stationCount));
			long user = x + 1;
			long station = firstStation + stationIndex;
			long institute = 2 + stationIndex % 18;
			String kind = kinds[(i / (3 * periods.length)) % kinds.length];
			long scope = switch (i % 3) {
				case 0 -> 1;
				case 1 -> institute;
				default -> "STATION_ACTIVITIES".equals(kind) ? institute : station;
			};
			double[] at = stations.get(station);
			readers.add(String.join(",", token(user), Long.toString(user), Long.toString(scope), periods[(i / 3) % periods.length],
					Double.toString(at[0] + 0.002), Double.toString(at[1] + 0.002), kind));
		}
		Files.write(this.dir.resolve("readers.csv"), readers);

		int needs = (int) (Double.parseDouble(get("BENCH_NEED_RATE")) * Integer.parseInt(get("BENCH_PHASE_SECONDS")) * 1.2) + 10;
		List<String> needers = new ArrayList<>(List.of("token,category,lat,lng"));
		for (int i = 0; i < needs; i++) {
			long user = volunteers / 2 + i;
			double[] at = stations.get(firstStation + (user - 1) % stationCount);
			needers.add(String.join(",", token(user), Integer.toString(1 + i % 10), Double.toString(at[0] + 0.001),
					Double.toString(at[1] + 0.001)));
		}
		Files.write(this.dir.resolve("needers.csv"), needers);

		long activity = longQuery(db, "SELECT id FROM activity WHERE status = 'PUBLISHED' ORDER BY starts_at DESC, id LIMIT 1");
		int signUps = (int) (Double.parseDouble(get("BENCH_SIGNUP_RATE")) * Integer.parseInt(get("BENCH_BURST_SECONDS")) * 1.2) + 10;
		List<String> signers = new ArrayList<>(List.of("token,activity"));
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT v.user_id FROM volunteer v WHERE v.user_id > " + (volunteers / 4)
						+ " AND NOT EXISTS (SELECT 1 FROM activity_sign_up s WHERE s.activity_id = " + activity
						+ " AND s.user_id = v.user_id) ORDER BY v.user_id LIMIT " + signUps)) {
			while (rs.next()) {
				signers.add(token(rs.getLong(1)) + "," + activity);
			}
		}
		Files.write(this.dir.resolve("signers.csv"), signers);

		int redemptions = (int) (Double.parseDouble(get("BENCH_REDEEM_RATE")) * Integer.parseInt(get("BENCH_BURST_SECONDS")) * 1.2) + 10;
		// warm-redeem's callers: first-time redeemers, then cycling (a high per-person limit; each holds
		// at least 10 points, so 5,000 of them cover 50,000 redemptions, several times a warm-up's).
		int warmRedemptions = 5_000;
		String adminToken = token(admin);
		long reward = createReward(adminToken, firstStation, "压力测试礼品", redemptions * 2, 5);
		long warmReward = createReward(adminToken, firstStation, "预热礼品", WARM_REWARD_STOCK, 1000);
		List<String> redeemers = new ArrayList<>(List.of("token,reward,key"));
		List<String> warmRedeemers = new ArrayList<>(List.of("token,reward,key"));
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT user_id FROM points_account WHERE balance >= 10 AND user_id > "
						+ (volunteers * 3 / 4) + " ORDER BY user_id LIMIT " + (redemptions + warmRedemptions))) {
			while (rs.next()) {
				boolean warm = redeemers.size() > redemptions;
				(warm ? warmRedeemers : redeemers).add(token(rs.getLong(1)) + "," + (warm ? warmReward : reward) + ",bench-"
						+ UUID.randomUUID());
			}
		}
		Files.write(this.dir.resolve("redeemers.csv"), redeemers);
		Files.write(this.dir.resolve("warm-redeemers.csv"), warmRedeemers);
		// cap-redeem: another reward, callers from the middle of the county (they cycle; a high limit).
		long capReward = createReward(adminToken, firstStation, "容量测试礼品", 1_000_000, 1000);
		List<String> capRedeemers = new ArrayList<>(List.of("token,reward"));
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT user_id FROM points_account WHERE balance >= 20 AND user_id > "
						+ (volunteers / 4) + " AND user_id <= " + (volunteers * 3 / 4) + " ORDER BY user_id LIMIT 5000")) {
			while (rs.next()) {
				capRedeemers.add(token(rs.getLong(1)) + "," + capReward);
			}
		}
		Files.write(this.dir.resolve("cap-redeemers.csv"), capRedeemers);
		log("prepared: reward %d (stock %d; warm-up reward %d), sign-up activity %d, %d readers, %d needers, %d signers, %d redeemers (%d for the warm-up)",
				reward, redemptions * 2, warmReward, activity, readers.size() - 1, needers.size() - 1, signers.size() - 1,
				redeemers.size() - 1, warmRedeemers.size() - 1);

		String phases = get("BENCH_PHASES");
		if (phases.isBlank() || Arrays.stream(phases.split(",")).anyMatch(p -> !p.contains("redeem"))) {
			warmUp(readers.subList(1, readers.size()), stations.size());
		}
		else {
			log("only redemption phases (%s): no leaderboard warm-up", phases);
		}

		AtomicLong maxRss = new AtomicLong();
		CpuSampler cpu = new CpuSampler(server.pid());
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				maxRss.accumulateAndGet(rssMb(server.pid()), Math::max);
				cpu.sample();
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		long ledgerBefore = count(db, "points_entry");
		int status = gatling();
		sampler.interrupt();
		log("gatling exited with %d; server RSS now %,d MB, peak during the load %,d MB", status, rssMb(server.pid()),
				maxRss.get());
		killLeftoverQueries(db, "after the run");
		drain(db, List.of(reward, warmReward, capReward));
		report(db, reward, redemptions * 2, activity, ledgerBefore, cpu);
		rewardInvariants(db, warmReward, WARM_REWARD_STOCK, "warm-up reward");
		rewardInvariants(db, capReward, 1_000_000, "capacity reward");
	}

	/**
	 * Requests Gatling gave up on (60 s) may still be running in the server: the invariants are read
	 * once no redemption of the run's rewards is in flight (no PENDING claim, Redis's in-flight
	 * count 0), at most five minutes later.
	 */
	private void drain(Connection db, List<Long> rewards) throws Exception {
		String ids = rewards.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
		long started = System.nanoTime();
		while (System.nanoTime() - started < Duration.ofMinutes(5).toNanos()) {
			long pending = longQuery(db, "SELECT COUNT(*) FROM redemption WHERE status = 'PENDING' AND reward_id IN (" + ids + ")");
			long inFlight = 0;
			try (redis.clients.jedis.Jedis redis = new redis.clients.jedis.Jedis(get("BENCH_REDIS_HOST"),
					Integer.parseInt(get("BENCH_REDIS_PORT")))) {
				redis.select(Integer.parseInt(get("BENCH_REDIS_DB")));
				for (long reward : rewards) {
					String p = redis.hget("points:reward:{r" + reward + "}", "p");
					inFlight += (p == null) ? 0 : Long.parseLong(p);
				}
			}
			if (pending == 0 && inFlight == 0) {
				log("no redemption in flight %,d ms after the load", (System.nanoTime() - started) / 1_000_000);
				return;
			}
			Thread.sleep(1000);
		}
		log("redemptions still in flight 5 minutes after the load: the invariants below are read anyway");
	}

	private long createReward(String adminToken, long station, String name, int stock, int limit) throws Exception {
		String created = graphql(adminToken, """
				{"query":"mutation($i: CreateRewardInput!) { createReward(input: $i) { id stock } }",
				 "variables":{"i":{"stationId":"%d","name":"%s","kind":"GOODS","pricePoints":1,"stock":%d,"perPersonLimit":%d}}}"""
			.formatted(station, name, stock, limit));
		Matcher id = Pattern.compile("\"id\":\"(\\d+)\"").matcher(created);
		if (!id.find()) {
			throw new IllegalStateException("createReward failed: " + created);
		}
		return Long.parseLong(id.group(1));
	}

	/**
	 * SQL-baseline statements whose HTTP requests Gatling timed out keep running inside MariaDB for
	 * minutes after their request is gone; left there they would load the next run (its start-up
	 * and warm-up included). Every other statement still running on the bench database is ended.
	 */
	private static void killLeftoverQueries(Connection db, String when) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id FROM information_schema.processlist "
						+ "WHERE command = 'Query' AND db = DATABASE() AND id <> CONNECTION_ID()")) {
			while (rows.next()) {
				ids.add(rows.getLong(1));
			}
		}
		for (long id : ids) {
			try (Statement statement = db.createStatement()) {
				statement.execute("KILL QUERY " + id);
			}
			catch (SQLException gone) {
				// Finished meanwhile.
			}
		}
		if (!ids.isEmpty()) {
			log("ended %d statements still running %s (timed-out SQL baseline requests)", ids.size(), when);
		}
	}

	/** JIT warm-up, and the first read of each board and index builds it in Redis from MySQL (timed). */
	private void warmUp(List<String> readers, int stations) throws Exception {
		long started = System.nanoTime();
		Map<String, String> seen = new LinkedHashMap<>();
		for (String line : readers) {
			String[] cells = line.split(",");
			String board = cells[6] + "/" + cells[2] + "/" + cells[3];
			if (seen.containsKey(board)) {
				continue;
			}
			long t = System.nanoTime();
			String answer = graphql(cells[0], leaderboardBody(cells[6], cells[3], cells[2]));
			if (answer.contains("\"errors\"")) {
				throw new IllegalStateException("leaderboard failed: " + answer);
			}
			seen.put(board, (System.nanoTime() - t) / 1_000_000 + " ms");
		}
		log("cold boards (scope/period: first read, which builds the board in Redis): %s", seen);
		log("all %d boards built in %,d ms", seen.size(), (System.nanoTime() - started) / 1_000_000);
		started = System.nanoTime();
		for (int i = 0, n = Integer.parseInt(get("BENCH_WARMUP")); i < n; i++) {
			String[] cells = readers.get(i % readers.size()).split(",");
			graphql(cells[0], PING);
			graphql(cells[0], leaderboardBody(cells[6], cells[3], cells[2]));
			if (i % 3 == 0) {
				String home = graphql(cells[0], homeBody(cells[4], cells[5]));
				if (home.contains("\"errors\"")) {
					throw new IllegalStateException("home failed: " + home);
				}
			}
			if (i % 250 == 0) {
				String sql = graphql(cells[0], """
						{"query":"{ benchSqlLeaderboard(period: %s, scopeId: \\"%s\\") { entries { rank } me { rank } } }"}"""
					.formatted(cells[3], cells[2]));
				if (sql.contains("\"errors\"")) {
					throw new IllegalStateException("sql leaderboard failed: " + sql);
				}
			}
		}
		log("JIT warm-up done in %,d ms", (System.nanoTime() - started) / 1_000_000);
	}

	/** The home page's request near a point. */
	private static String homeBody(String latitude, String longitude) {
		return """
				{"query":"query { nearbyActivities(latitude: %s, longitude: %s, radiusMeters: 5000, first: 20) { distanceMeters activity { id title } } me { id points { balance } } myActivities(first: 3) { edges { node { id } } } }"}"""
			.formatted(latitude, longitude);
	}

	private static String leaderboardBody(String kind, String period, String scope) {
		return """
				{"query":"{ leaderboard(kind: %s, period: %s, scopeId: \\"%s\\", first: 100) { periodValue entries { rank id name score } me { rank id score } } }"}"""
			.formatted(kind, period, scope);
	}

	/** One of the mini-program's own documents (miniprogram-stub/graphql), found from the working directory up. */
	private static Path clientDocument(String name) {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path document = dir.resolve("miniprogram-stub").resolve("graphql").resolve(name);
			if (Files.isRegularFile(document)) {
				return document;
			}
		}
		throw new IllegalStateException("miniprogram-stub/graphql/" + name + " not found above " + Path.of("").toAbsolutePath());
	}

	private int gatling() throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-XX:+UseG1GC", "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
				"--add-opens=java.base/java.lang=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "-Dbench.dir=" + this.dir,
				"-Dbench.baseUrl=" + this.baseUrl, "-Dbench.rate=" + get("BENCH_RATE"),
				"-Dbench.homeRate=" + get("BENCH_HOME_RATE"), "-Dbench.needRate=" + get("BENCH_NEED_RATE"),
				"-Dbench.signUpRate=" + get("BENCH_SIGNUP_RATE"), "-Dbench.redeemRate=" + get("BENCH_REDEEM_RATE"),
				"-Dbench.concurrency=" + get("BENCH_CONCURRENCY"),
				"-Dbench.redeemConcurrency=" + get("BENCH_REDEEM_CONCURRENCY"), "-Dbench.capacitySeconds=" + get("BENCH_CAPACITY_SECONDS"),
				"-Dbench.warmSeconds=" + get("BENCH_WARM_SECONDS"),
				"-Dbench.sqlSeconds=" + get("BENCH_SQL_SECONDS"), "-Dbench.phaseSeconds=" + get("BENCH_PHASE_SECONDS"),
				"-Dbench.burstSeconds=" + get("BENCH_BURST_SECONDS"),
				"-Dbench.leaderboardDocument=" + clientDocument("Leaderboard.graphql"),
				"-Dbench.warmRedeemSeconds=" + get("BENCH_WARM_REDEEM_SECONDS"), "-Dbench.phases=" + get("BENCH_PHASES"),
				"io.gatling.app.Gatling", "-s",
				BenchSimulation.class.getName(), "-rf", Path.of("target", "gatling").toAbsolutePath().toString()));
		return new ProcessBuilder(command).inheritIO().start().waitFor();
	}

	private void report(Connection db, long reward, long stock, long activity, long ledgerBefore, CpuSampler cpu)
			throws Exception {
		List<String> lines = Files.readAllLines(this.dir.resolve("results.csv"));
		Map<String, double[]> throughput = new LinkedHashMap<>();
		StringBuilder table = new StringBuilder(
				"| phase | model | requests | OK | KO | error % | throughput (OK/s) | p50 ms | p95 ms | p99 ms | max ms |\n"
						+ "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		List<String[]> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			rows.add(line.split(",", -1));
		}
		rows.sort((a, b) -> Long.compare(Long.parseLong(a[3]), Long.parseLong(b[3])));
		for (String[] cells : rows) {
			String name = cells[0];
			long ok = Long.parseLong(cells[1]);
			long ko = Long.parseLong(cells[2]);
			double seconds = Math.max(1, Long.parseLong(cells[4]) - Long.parseLong(cells[3])) / 1000.0;
			long[] times = cells[5].isBlank() ? new long[0]
					: Arrays.stream(cells[5].split(" ")).mapToLong(Long::parseLong).filter(t -> t >= 0).sorted().toArray();
			double rate = ok / seconds;
			throughput.put(name, new double[] { rate });
			table.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %.2f | %,.1f | %d | %d | %d | %d |%n", name,
					cells[6], ok + ko, ok, ko, 100.0 * ko / Math.max(1, ok + ko), rate, pct(times, 50), pct(times, 95),
					pct(times, 99), times.length == 0 ? 0 : times[times.length - 1]));
		}
		double floor = throughput.getOrDefault("cap-floor", new double[] { 0 })[0];
		double floor2 = throughput.getOrDefault("cap-floor-2", new double[] { 0 })[0];
		double sql = throughput.getOrDefault("cap-sql-leaderboard", new double[] { 0 })[0];
		table.append(System.lineSeparator());
		floorRatio(table, throughput, "cap-leaderboard", floor, floor2,
				"the page a board opens at, 20 rows; target ≥ 0.8×, issue 14");
		double full = floorRatio(table, throughput, "cap-leaderboard-100", floor, floor2, "all 100 rows");
		if (sql > 0 && full > 0) {
			table.append(String.format(Locale.ROOT,
					"leaderboard (100 rows) / SQL baseline (100 rows) capacity = %.0f× (target ≥ 50×)%n", full / sql));
		}
		// CPU per answered request: the machine's speed at that moment, and how near its limit a phase ran.
		table.append(System.lineSeparator())
			.append("| phase | server user ms / OK | server system ms / OK | machine ms / OK (all processes) | machine busy |\n")
			.append("|---|---:|---:|---:|---:|\n");
		CpuSampler.PerRequest burst = null;
		for (String[] cells : rows) {
			long ok = Long.parseLong(cells[1]);
			if (ok > 0) {
				CpuSampler.PerRequest perRequest = cpu.perRequest(Long.parseLong(cells[3]), Long.parseLong(cells[4]), ok);
				table.append(CpuSampler.row(cells[0], perRequest));
				if (cells[0].equals("burst-redeem")) {
					burst = perRequest;
				}
			}
		}
		if (burst != null) {
			// The rate answered, not the rate asked: refused requests are not in the CPU per OK request.
			double rate = throughput.get("burst-redeem")[0];
			table.append(String.format(Locale.ROOT,
					"%nburst-redeem: %.0f OK/s × %.2f ms of the machine per redemption = %.2f of its %d cores%n", rate,
					burst.machine(), rate * burst.machine() / 1000, Runtime.getRuntime().availableProcessors()));
		}
		System.out.println();
		System.out.println(table);
		Files.writeString(this.dir.resolve("summary.md"), table);

		// Ledger invariants after the bursts (MySQL is the truth).
		long drifted = longQuery(db, """
				SELECT COUNT(*) FROM points_account a
				LEFT JOIN (SELECT user_id, SUM(delta) AS total FROM points_entry GROUP BY user_id) e ON e.user_id = a.user_id
				WHERE a.balance <> COALESCE(e.total, 0)""");
		long orphans = longQuery(db, """
				SELECT COUNT(*) FROM (SELECT DISTINCT user_id FROM points_entry) e
				LEFT JOIN points_account a ON a.user_id = e.user_id WHERE a.user_id IS NULL""");
		long negative = longQuery(db, "SELECT COUNT(*) FROM points_account WHERE balance < 0");
		long lastBalanceMismatch = longQuery(db, """
				SELECT COUNT(*) FROM points_account a JOIN points_entry e ON e.id = (SELECT MAX(id) FROM points_entry x WHERE x.user_id = a.user_id)
				WHERE e.balance_after <> a.balance AND a.user_id IN (SELECT user_id FROM redemption WHERE reward_id = %d)"""
			.formatted(reward));
		long confirmed = longQuery(db, "SELECT COUNT(*) FROM activity_sign_up WHERE activity_id = " + activity
				+ " AND status = 'CONFIRMED'");
		long counted = longQuery(db, "SELECT confirmed_count FROM activity WHERE id = " + activity);
		long capacity = longQuery(db, "SELECT capacity FROM activity WHERE id = " + activity);
		long waitlisted = longQuery(db, "SELECT COUNT(*) FROM activity_sign_up WHERE activity_id = " + activity
				+ " AND status = 'WAITLISTED'");
		long distinctPositions = longQuery(db, "SELECT COUNT(DISTINCT waitlist_position) FROM activity_sign_up WHERE activity_id = "
				+ activity + " AND status = 'WAITLISTED'");
		String invariants = String.format(Locale.ROOT, """
				ledger: %,d new entries; accounts whose balance ≠ Σ ledger: %d; ledger users without account: %d; negative balances: %d;
				  redeemers whose last balance_after ≠ balance: %d: %s
				activity %d: confirmed %d (counter %d, capacity %d), waitlisted %d with %d distinct positions: %s
				""", count(db, "points_entry") - ledgerBefore, drifted, orphans, negative, lastBalanceMismatch,
				(drifted == 0 && orphans == 0 && negative == 0 && lastBalanceMismatch == 0) ? "INVARIANTS HOLD" : "INVARIANTS BROKEN",
				activity, confirmed, counted, capacity, waitlisted, distinctPositions,
				(confirmed == counted && confirmed <= capacity && waitlisted == distinctPositions) ? "consistent" : "INCONSISTENT");
		System.out.println(invariants);
		Files.writeString(this.dir.resolve("summary.md"), invariants, java.nio.file.StandardOpenOption.APPEND);
		rewardInvariants(db, reward, stock, "reward");
	}

	/**
	 * A reward's books after its redemptions, in MySQL and Redis: issued + stock left = initial
	 * stock, no shard below zero, points charged = ledger debits, each buyer's count = Σ their live
	 * orders ≤ the limit, no claim left PENDING; Redis stock = MySQL's with nothing in flight, and
	 * every buyer's cached balance = MySQL's with no hold left.
	 */
	private void rewardInvariants(Connection db, long reward, long stock, String label) throws Exception {
		String live = " AND status IN ('ISSUED', 'FULFILLED')";
		long orders = longQuery(db, "SELECT COUNT(*) FROM redemption WHERE reward_id = " + reward + live);
		long issued = longQuery(db, "SELECT COALESCE(SUM(quantity), 0) FROM redemption WHERE reward_id = " + reward + live);
		long charged = longQuery(db, "SELECT COALESCE(SUM(points), 0) FROM redemption WHERE reward_id = " + reward + live);
		long debited = longQuery(db, """
				SELECT COALESCE(-SUM(e.delta), 0) FROM points_entry e JOIN redemption r
				  ON e.business_id = CONVERT(r.id, CHAR(20) CHARACTER SET utf8mb4) COLLATE utf8mb4_unicode_ci
				WHERE e.business_type = 'REDEMPTION' AND r.reward_id = %d""".formatted(reward));
		long stockLeft = longQuery(db, "SELECT COALESCE(SUM(stock), 0) FROM reward_stock WHERE reward_id = " + reward);
		long lowestShard = longQuery(db, "SELECT MIN(stock) FROM reward_stock WHERE reward_id = " + reward);
		long shards = longQuery(db, "SELECT COUNT(*) FROM reward_stock WHERE reward_id = " + reward);
		long shardsUsed = longQuery(db, "SELECT COUNT(*) FROM reward_stock WHERE reward_id = " + reward + " AND version > 0");
		long pending = longQuery(db, "SELECT COUNT(*) FROM redemption WHERE reward_id = " + reward + " AND status = 'PENDING'");
		long countsWrong = longQuery(db, """
				SELECT COUNT(*) FROM reward_user_count c JOIN reward w ON w.id = c.reward_id
				WHERE c.reward_id = %d AND (c.redeemed > w.per_person_limit OR c.redeemed <> (SELECT COALESCE(SUM(r.quantity), 0)
				  FROM redemption r WHERE r.reward_id = c.reward_id AND r.user_id = c.user_id AND r.status IN ('ISSUED', 'FULFILLED')))"""
			.formatted(reward));
		Map<Long, Long> balances = new LinkedHashMap<>();
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT a.user_id, a.balance FROM points_account a WHERE a.user_id IN "
						+ "(SELECT user_id FROM redemption WHERE reward_id = " + reward + ")")) {
			while (rs.next()) {
				balances.put(rs.getLong(1), rs.getLong(2));
			}
		}
		long redisStock;
		long inFlight;
		long balancesWrong = 0;
		long holdsLeft = 0;
		try (redis.clients.jedis.Jedis redis = new redis.clients.jedis.Jedis(get("BENCH_REDIS_HOST"),
				Integer.parseInt(get("BENCH_REDIS_PORT")))) {
			redis.select(Integer.parseInt(get("BENCH_REDIS_DB")));
			Map<String, String> hash = redis.hgetAll("points:reward:{r" + reward + "}");
			redisStock = Long.parseLong(hash.getOrDefault("s", "-1"));
			inFlight = Long.parseLong(hash.getOrDefault("p", "0"));
			for (Map.Entry<Long, Long> balance : balances.entrySet()) {
				String cached = redis.hget("points:balance:{u" + balance.getKey() + "}", "b");
				if (cached != null && Long.parseLong(cached) != balance.getValue()) {
					balancesWrong++;
				}
				holdsLeft += redis.hlen("points:hold:{u" + balance.getKey() + "}");
			}
		}
		// A reward Redis never loaded (no redemption reached it) has no hash there: nothing to compare.
		boolean hold = issued + stockLeft == stock && lowestShard >= 0 && charged == debited && countsWrong == 0 && pending == 0
				&& (redisStock == stockLeft || (redisStock == -1 && orders == 0)) && inFlight == 0 && balancesWrong == 0
				&& holdsLeft == 0;
		String line = String.format(Locale.ROOT, """
				%s %d: %,d orders, %,d items issued, stock left %,d (issued + left = %,d, initial %,d), %d shards (%d taken from, lowest %d),
				  points charged %,d = ledger debits %,d, per-person counts ≠ live orders or over the limit: %d, claims left PENDING: %d;
				  Redis: stock %,d (-1: not loaded), in flight %d, buyers' balances ≠ MySQL: %d, holds left: %d: %s
				""", label, reward, orders, issued, stockLeft, issued + stockLeft, stock, shards, shardsUsed, lowestShard, charged,
				debited, countsWrong, pending, redisStock, inFlight, balancesWrong, holdsLeft,
				hold ? "INVARIANTS HOLD" : "INVARIANTS BROKEN");
		System.out.println(line);
		Files.writeString(this.dir.resolve("summary.md"), line, java.nio.file.StandardOpenOption.APPEND);
	}

	/**
	 * The capacity of {@code phase} and {@code phase-2} against the floor's two phases (run
	 * symmetrically about the middle: equal durations, so a steady drift of the machine's speed
	 * cancels in the ratio of the sums), each half's own ratio beside it; one pair alone without the
	 * second. Appends the line and answers the phase's mean capacity (0 when it did not run).
	 */
	private static double floorRatio(StringBuilder table, Map<String, double[]> throughput, String phase, double floor,
			double floor2, String what) {
		double board = throughput.getOrDefault(phase, new double[] { 0 })[0];
		double board2 = throughput.getOrDefault(phase + "-2", new double[] { 0 })[0];
		if (floor <= 0 || board <= 0) {
			return board;
		}
		boolean paired = floor2 > 0 && board2 > 0;
		table.append(String.format(Locale.ROOT, "%s / floor capacity = %.2f× (%s)%s%n", phase,
				paired ? (board + board2) / (floor + floor2) : board / floor, what,
				paired ? String.format(Locale.ROOT, "; first pair %.2f×, second %.2f×", board / floor, board2 / floor2) : ""));
		return paired ? (board + board2) / 2 : board;
	}

	private static long pct(long[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
	}

	private String token(long userId) {
		try {
			Instant now = Instant.now();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER)
				.subject(Long.toString(userId))
				.jwtID(UUID.randomUUID().toString())
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plus(Duration.ofHours(6))))
				.claim("sid", "bench-" + userId)
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
			jwt.sign(new MACSigner(this.secret));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String graphql(String token, String body) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	private static long rssMb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the process is gone
		}
		return 0;
	}

	private static long count(Connection db, String table) throws SQLException {
		return longQuery(db, "SELECT COUNT(*) FROM " + table);
	}

	private static long longQuery(Connection db, String sql) throws SQLException {
		try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
			return rs.next() ? rs.getLong(1) : 0;
		}
	}

}
