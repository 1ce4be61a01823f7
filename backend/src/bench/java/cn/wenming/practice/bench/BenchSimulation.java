package cn.wenming.practice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The benchmark load, one phase after another so phases do not share the two cores: first the
 * capacity of the framework floor and the leaderboard (closed model, a fixed number of requests in
 * flight, to find how many per second each can answer; floor, leaderboard, leaderboard, floor), then open-model phases at fixed arrival
 * rates for the leaderboard, the floor, the home page, submitting needs, a sign-up burst on one
 * activity, a warm-up of redemptions on one reward and a redemption burst on another, and last the
 * capacity of the SQL baseline. {@code bench.phases} picks some of them (e.g. the redemption run:
 * {@code warm-redeem,burst-redeem}). Every response is checked
 * (HTTP 200 and no GraphQL errors); each request's time is also recorded here for the summary
 * {@link BenchRunner} prints ({@code bench.results}), besides Gatling's own HTML report.
 *
 * <p>Inputs come from {@link BenchRunner} as system properties and CSV files of minted tokens.
 */
public class BenchSimulation extends Simulation {

	/** Per phase: {startMillis, endMillis} and the response times (-1: no response). */
	static final Map<String, List<Long>> TIMES = new ConcurrentHashMap<>();

	static final Map<String, long[]> OK_KO = new ConcurrentHashMap<>();

	static final Map<String, long[]> SPAN = new ConcurrentHashMap<>();

	/** Per phase: "closed" (a fixed number in flight) or "open" (a fixed arrival rate). */
	static final Map<String, String> MODEL = new ConcurrentHashMap<>();

	/**
	 * A leaderboard request as the mini-program sends it: its own document
	 * ({@code miniprogram-stub/graphql/Leaderboard.graphql}, path in {@code bench.leaderboardDocument})
	 * with {@code first} rows — 20 when a board opens, 20 more per 加载更多 up to the server's 100.
	 */
	private static String leaderboard(int first) {
		String document;
		try {
			document = Files.readString(Path.of(System.getProperty("bench.leaderboardDocument")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String query = document.strip().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
		return "{\"query\":\"" + query
				+ "\",\"variables\":{\"kind\":\"#{kind}\",\"period\":\"#{period}\",\"scopeId\":\"#{scope}\",\"first\":" + first
				+ "}}";
	}

	private static final String SQL_LEADERBOARD = """
			{"query":"query($p: LeaderboardPeriod!, $s: ID!) { benchSqlLeaderboard(period: $p, scopeId: $s, first: 100) { entries { rank id name score } me { rank id score } } }",\
			"variables":{"p":"#{period}","s":"#{scope}"}}""";

	private static final String PING = "{\"query\":\"{ benchPing }\"}";

	private static final String HOME = """
			{"query":"query($lat: Float!, $lng: Float!) { nearbyActivities(latitude: $lat, longitude: $lng, radiusMeters: 5000, first: 20) { distanceMeters activity { id title status startsAt endsAt address capacity confirmedCount orgUnitName } } me { id points { balance earnedThisYear } } myActivities(first: 3) { edges { node { id status activity { id title startsAt address } } } } }",\
			"variables":{"lat":#{lat},"lng":#{lng}}}""";

	private static final String SUBMIT_NEED = """
			{"query":"mutation($input: SubmitNeedInput!) { submitNeed(input: $input) { id status stationName } }",\
			"variables":{"input":{"categoryId":"#{category}","title":"帮忙修理家里的电视机","description":"老人独居，电视机坏了，想请志愿者上门看看。",\
			"beneficiaryType":"ELDERLY","urgency":"NORMAL","address":"幸福小区3栋2单元","latitude":#{lat},"longitude":#{lng},\
			"contactName":"张阿姨","contactPhone":"13800138000","idempotencyKey":"need-#{randomUuid()}"}}}""";

	private static final String SIGN_UP = """
			{"query":"mutation($a: ID!) { signUp(activityId: $a, source: \\"menu\\") { id status waitlistPosition } }",\
			"variables":{"a":"#{activity}"}}""";

	private static final String REDEEM = """
			{"query":"mutation($r: ID!, $k: String!) { redeem(rewardId: $r, quantity: 1, idempotencyKey: $k) { id status points } }",\
			"variables":{"r":"#{reward}","k":"#{key}"}}""";

	/** The redemption capacity phase: callers cycle, so each request makes its own idempotency key. */
	private static final String REDEEM_ANEW = """
			{"query":"mutation($r: ID!, $k: String!) { redeem(rewardId: $r, quantity: 1, idempotencyKey: $k) { id status points } }",\
			"variables":{"r":"#{reward}","k":"cap-#{randomUuid()}"}}""";

	{
		Path dir = Path.of(System.getProperty("bench.dir"));
		int concurrency = Integer.getInteger("bench.concurrency", 8);
		Duration capacity = Duration.ofSeconds(Integer.getInteger("bench.capacitySeconds", 15));
		Duration warm = Duration.ofSeconds(Integer.getInteger("bench.warmSeconds", 30));
		Duration phase = Duration.ofSeconds(Integer.getInteger("bench.phaseSeconds", 20));
		Duration sqlPhase = Duration.ofSeconds(Integer.getInteger("bench.sqlSeconds", 30));
		double rate = Double.parseDouble(System.getProperty("bench.rate", "1000"));
		double homeRate = Double.parseDouble(System.getProperty("bench.homeRate", "200"));
		double needRate = Double.parseDouble(System.getProperty("bench.needRate", "50"));
		double signUpRate = Double.parseDouble(System.getProperty("bench.signUpRate", "400"));
		double redeemRate = Double.parseDouble(System.getProperty("bench.redeemRate", "400"));
		Duration burst = Duration.ofSeconds(Integer.getInteger("bench.burstSeconds", 10));
		Duration warmRedeem = Duration.ofSeconds(Integer.getInteger("bench.warmRedeemSeconds", 30));

		HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl"))
			.contentTypeHeader("application/json")
			.acceptHeader("application/json")
			.disableCaching()
			.disableWarmUp()
			.shareConnections();

		List<Map<String, Object>> readers = rows(dir.resolve("readers.csv"));
		List<Map<String, Object>> needers = rows(dir.resolve("needers.csv"));
		List<Map<String, Object>> signers = rows(dir.resolve("signers.csv"));
		List<Map<String, Object>> redeemers = rows(dir.resolve("redeemers.csv"));
		List<Map<String, Object>> warmRedeemers = rows(dir.resolve("warm-redeemers.csv"));
		List<Map<String, Object>> capRedeemers = rows(dir.resolve("cap-redeemers.csv"));
		int redeemConcurrency = Integer.getInteger("bench.redeemConcurrency", 32);

		// Strictly one after another: andThen nests (a.andThen(b).andThen(c) would run b and c together).
		// The SQL baseline goes last: its statements outlive timed-out requests and would load MySQL
		// under whatever phase came next.
		// warm-redeem: redemptions of a reward of their own at capacity (closed, as many in flight as
		// cap-redeem), unmeasured, as warm-floor and warm-leaderboard are for theirs, so the measured burst
		// meets a redemption path the JIT has compiled. Callers are first-time redeemers, then cycle. A
		// quarter of the burst's rate for 10 s (1,000 redemptions) left C2 compiling through the burst's
		// first seven seconds; a warm-up below capacity never takes the branches a burst takes (pool
		// waits), whose first use deoptimized and recompiled the largest methods inside the burst (runs
		// K2–K4, docs/performance.md §7).
		Map<String, PopulationBuilder> all = new java.util.LinkedHashMap<>();
		// Both paths at capacity first, unmeasured: the runner's warm-up is a few hundred sequential
		// requests, far below C2's thresholds, so a floor measured right after it was still compiling
		// (run S8: the first floor 804/s, the same floor a minute later 3,255/s).
		String page = leaderboard(20);
		String fullBoard = leaderboard(100);
		all.put("warm-floor", closed("warm-floor", PING, readers, concurrency, warm));
		all.put("warm-leaderboard", closed("warm-leaderboard", fullBoard, readers, concurrency, warm));
		// Floor, leaderboard (the page a board opens at), its full 100 rows twice, the page, floor: each
		// pair sits symmetrically about the middle, so the ratio of two sums cancels a machine that speeds
		// up or slows down steadily across the run, and one full collection or neighbour's burst lands in
		// a quarter of a measurement instead of in half of it.
		all.put("cap-floor", closed("cap-floor", PING, readers, concurrency, capacity));
		all.put("cap-leaderboard", closed("cap-leaderboard", page, readers, concurrency, capacity));
		all.put("cap-leaderboard-100", closed("cap-leaderboard-100", fullBoard, readers, concurrency, capacity));
		all.put("cap-leaderboard-100-2", closed("cap-leaderboard-100-2", fullBoard, readers, concurrency, capacity));
		all.put("cap-leaderboard-2", closed("cap-leaderboard-2", page, readers, concurrency, capacity));
		all.put("cap-floor-2", closed("cap-floor-2", PING, readers, concurrency, capacity));
		all.put("open-leaderboard", open("open-leaderboard", page, readers, rate, phase));
		all.put("open-floor", open("open-floor", PING, readers, rate, phase));
		all.put("open-home", open("open-home", HOME, readers, homeRate, phase));
		all.put("open-submit-need", open("open-submit-need", SUBMIT_NEED, needers, needRate, phase));
		all.put("burst-sign-up", open("burst-sign-up", SIGN_UP, signers, signUpRate, burst));
		all.put("warm-redeem", closed("warm-redeem", REDEEM_ANEW, warmRedeemers, redeemConcurrency, warmRedeem));
		all.put("burst-redeem", open("burst-redeem", REDEEM, redeemers, redeemRate, burst));
		// How many redemptions of one reward a second the server completes with many in flight (a hot
		// row shows here as a ceiling however many are in flight).
		all.put("cap-redeem", closed("cap-redeem", REDEEM_ANEW, capRedeemers, redeemConcurrency, capacity));
		all.put("cap-sql-leaderboard", closed("cap-sql-leaderboard", SQL_LEADERBOARD, readers, concurrency, sqlPhase));
		// bench.phases (BENCH_PHASES): the phases to run, in the order above; all by default.
		String selected = System.getProperty("bench.phases", "");
		List<PopulationBuilder> phases = new ArrayList<>();
		all.forEach((name, population) -> {
			if (selected.isBlank() || List.of(selected.split(",")).contains(name)) {
				phases.add(population);
			}
		});
		if (phases.isEmpty()) {
			throw new IllegalArgumentException("bench.phases names none of " + all.keySet() + ": " + selected);
		}
		PopulationBuilder plan = phases.get(phases.size() - 1);
		for (int i = phases.size() - 2; i >= 0; i--) {
			plan = phases.get(i).andThen(plan);
		}
		setUp(plan).protocols(protocol);
	}

	@Override
	public void after() {
		StringBuilder out = new StringBuilder("phase,ok,ko,start,end,times,model\n");
		SPAN.forEach((name, span) -> {
			long[] counts = OK_KO.getOrDefault(name, new long[2]);
			StringBuilder times = new StringBuilder();
			for (Long t : TIMES.getOrDefault(name, List.of())) {
				times.append(t).append(' ');
			}
			out.append(name).append(',').append(counts[0]).append(',').append(counts[1]).append(',').append(span[0])
				.append(',').append(span[1]).append(',').append(times.toString().trim()).append(',')
				.append(MODEL.getOrDefault(name, "")).append('\n');
		});
		try {
			Files.writeString(Path.of(System.getProperty("bench.dir")).resolve("results.csv"), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PopulationBuilder closed(String name, String body, List<Map<String, Object>> feed, int users,
			Duration during) {
		MODEL.put(name, "closed");
		return scenario(name).exec(request(name, body, feed, true))
			.injectClosed(constantConcurrentUsers(users).during(during));
	}

	private static PopulationBuilder open(String name, String body, List<Map<String, Object>> feed, double rate,
			Duration during) {
		// Bursts draw distinct users (each signs up or redeems once); reads cycle over their callers.
		MODEL.put(name, "open");
		boolean circular = !name.startsWith("burst") && !name.contains("need");
		return scenario(name).exec(request(name, body, feed, circular)).injectOpen(constantUsersPerSec(rate).during(during));
	}

	private static ChainBuilder request(String name, String body, List<Map<String, Object>> feed, boolean circular) {
		List<Long> times = TIMES.computeIfAbsent(name, n -> java.util.Collections.synchronizedList(new ArrayList<>()));
		long[] counts = OK_KO.computeIfAbsent(name, n -> new long[2]);
		long[] span = SPAN.computeIfAbsent(name, n -> new long[] { Long.MAX_VALUE, 0 });
		return exec(session -> {
			synchronized (span) {
				span[0] = Math.min(span[0], System.currentTimeMillis());
			}
			return session;
		}).feed(circular ? listFeeder(feed).circular() : listFeeder(feed).queue())
			.exec(http(name).post("/graphql")
				.header("Authorization", "Bearer #{token}")
				.body(StringBody(body))
				.check(responseTimeInMillis().saveAs("rt"), status().is(200), jsonPath("$.errors").notExists()))
			.exec(session -> {
				long rt = session.contains("rt") ? session.getLong("rt") : -1;
				times.add(rt);
				synchronized (span) {
					counts[session.isFailed() ? 1 : 0]++;
					span[1] = Math.max(span[1], System.currentTimeMillis());
				}
				return session;
			});
	}

	private static List<Map<String, Object>> rows(Path csv) {
		try {
			List<String> lines = Files.readAllLines(csv);
			String[] header = lines.get(0).split(",");
			List<Map<String, Object>> rows = new ArrayList<>();
			for (String line : lines.subList(1, lines.size())) {
				String[] cells = line.split(",");
				Map<String, Object> row = new HashMap<>();
				for (int i = 0; i < header.length; i++) {
					row.put(header[i], cells[i]);
				}
				rows.add(row);
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
