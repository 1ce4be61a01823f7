package cn.wenming.practice.leaderboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.Masking;
import cn.wenming.practice.shared.OpsMetrics;
import cn.wenming.practice.team.TeamDirectory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads boards (Redis, built from MySQL when missing; MySQL alone when Redis is down), refreshes
 * members after committed changes, and rebuilds everything on demand. Scores written to Redis are
 * always absolute values recomputed from MySQL, never increments, so a redelivered or replayed event
 * cannot count twice: the worst it does is write the same number again.
 */
@Component
class LeaderboardService {

	private static final Logger log = LoggerFactory.getLogger(LeaderboardService.class);

	/** How long a read waits for another request's build of the same board before answering from MySQL. */
	private static final int WAIT_STEPS = 20;

	private static final int MAX_KNOWN_SCOPES = 50_000;

	private final LeaderboardSource source;

	private final LeaderboardStore store;

	private final LeaderboardPreferenceMapper preferences;

	private final AccessControl access;

	private final OrgDirectory org;

	private final TeamDirectory teams;

	private final Clock clock;

	private final DisplayNames names;

	private final long syncBuildLimit;

	/**
	 * A member's reads once its lock is held: a transaction of their own, begun after the lock, so
	 * they see every commit made before the lock was taken. Inside a caller's REPEATABLE READ
	 * transaction they would see its snapshot, fixed at its first read — possibly before it queued for
	 * the lock — and write an older score over the newer one the previous holder wrote.
	 */
	private final TransactionOperations memberReads;

	/**
	 * Builds of large boards, off the request threads: a miss starts one and answers from the rollup
	 * meanwhile. Two threads (one board per kind and period is typical), a short queue; more misses
	 * of a board already queued or building here are not queued again, and another instance's build
	 * is seen by its Redis lock.
	 */
	private final ThreadPoolExecutor builder = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(32), runnable -> {
				Thread thread = new Thread(runnable, "leaderboard-build");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.DiscardPolicy());

	private final Set<String> queued = ConcurrentHashMap.newKeySet();

	/**
	 * Scopes known to exist, with what a check needs (an org unit's level; teams map to null). Org
	 * units and teams are never deleted and a unit's level never changes, so what was found once
	 * holds; only finds are kept, so a scope created later is found then. Caffeine caches bounded to
	 * {@link #MAX_KNOWN_SCOPES} each; the hourly expiry only costs a re-check.
	 */
	private final Cache<Long, OrgLevel> knownUnits = knownScopes();

	private final Cache<Long, Boolean> knownTeams = knownScopes();

	/** Org units whose points boards are large (see {@link #large}). */
	private final Cache<Long, Boolean> largeScopes = knownScopes();

	private static <V> Cache<Long, V> knownScopes() {
		return Caffeine.newBuilder().maximumSize(MAX_KNOWN_SCOPES).expireAfterWrite(Duration.ofHours(1)).build();
	}

	@Autowired
	LeaderboardService(LeaderboardSource source, StringRedisTemplate redis, LeaderboardPreferenceMapper preferences,
			AccessControl access, OrgDirectory org, TeamDirectory teams, Clock clock, LeaderboardProperties properties,
			PlatformTransactionManager transactionManager) {
		this(source, new LeaderboardStore(redis), preferences, access, org, teams, clock, properties.namesTtl(),
				properties.syncBuildLimit(), memberReads(transactionManager));
	}

	private static TransactionOperations memberReads(PlatformTransactionManager transactionManager) {
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		tx.setReadOnly(true);
		return tx;
	}

	/** For tests that point the store at a private or a dead Redis. */
	LeaderboardService(LeaderboardSource source, LeaderboardStore store, LeaderboardPreferenceMapper preferences,
			AccessControl access, OrgDirectory org, TeamDirectory teams, Clock clock, Duration namesTtl) {
		this(source, store, preferences, access, org, teams, clock, namesTtl, 20_000);
	}

	/**
	 * For tests that also choose from which size on a board is built in the background. Called
	 * outside any transaction, a member's reads run without one: each statement sees the latest commit.
	 */
	LeaderboardService(LeaderboardSource source, LeaderboardStore store, LeaderboardPreferenceMapper preferences,
			AccessControl access, OrgDirectory org, TeamDirectory teams, Clock clock, Duration namesTtl,
			long syncBuildLimit) {
		this(source, store, preferences, access, org, teams, clock, namesTtl, syncBuildLimit,
				TransactionOperations.withoutTransaction());
	}

	private LeaderboardService(LeaderboardSource source, LeaderboardStore store, LeaderboardPreferenceMapper preferences,
			AccessControl access, OrgDirectory org, TeamDirectory teams, Clock clock, Duration namesTtl,
			long syncBuildLimit, TransactionOperations memberReads) {
		this.memberReads = memberReads;
		this.syncBuildLimit = syncBuildLimit;
		this.builder.allowCoreThreadTimeOut(true);
		this.source = source;
		this.store = store;
		this.preferences = preferences;
		this.access = access;
		this.org = org;
		this.teams = teams;
		this.clock = clock;
		this.names = new DisplayNames(namesTtl.toNanos(), System::nanoTime);
	}

	/** Forgets every kept name and scope (tests that count the statements of a cold read). */
	void forgetKept() {
		this.names.clear();
		this.knownUnits.invalidateAll();
		this.knownTeams.invalidateAll();
		this.largeScopes.invalidateAll();
	}

	/** A ranked row as shown. */
	record Row(int rank, long id, String name, double score) {
	}

	/** GraphQL {@code Leaderboard}. {@code fromRedis} false: answered from MySQL (Redis down or being rebuilt). */
	record View(LeaderboardKind kind, LeaderboardPeriod period, String periodValue, List<Row> entries, Row me,
			boolean fromRedis) {
	}

	/**
	 * Which names a read looks up: the shown rows' and the caller's own. A name nobody asked for is
	 * not looked up — the caller's own is a MySQL read (two statements) whenever they are not on the
	 * page and not read in the last {@code names-ttl}, which a board's page does not show.
	 */
	record Names(boolean rows, boolean own) {

		static final Names ALL = new Names(true, true);

	}

	View leaderboard(LeaderboardKind kind, LeaderboardPeriod period, Board.ScopeType scopeType, long scopeId,
			int first, Names names) {
		return read(this.access.requireUserId(), kind, period, scopeType, scopeId, first, names);
	}

	/** The board as {@code caller} sees it (their own row included). */
	View read(long caller, LeaderboardKind kind, LeaderboardPeriod period, Board.ScopeType scopeType, long scopeId,
			int first) {
		return read(caller, kind, period, scopeType, scopeId, first, Names.ALL);
	}

	/** The board as {@code caller} sees it, with the names asked for ({@code "—"} in the others). */
	View read(long caller, LeaderboardKind kind, LeaderboardPeriod period, Board.ScopeType scopeType, long scopeId,
			int first, Names shown) {
		if (first < 1 || first > 100) {
			throw DomainException.badRequest("first 须在 1 到 100 之间");
		}
		Board board = new Board(kind, period.window(this.clock.instant()), requireScope(kind, scopeType, scopeId));
		Long ranked = kind.ranksVolunteers() ? caller : null;
		List<Ranked.Entry> top = null;
		Ranked.Entry own = null;
		boolean fromRedis = false;
		Boolean large = null;
		try {
			// One round trip when the board is there (the usual case); a miss builds it and reads again.
			// Expired or flushed between the build and the read: read() says so, never an empty answer.
			LeaderboardStore.Read read = this.store.read(board, first, ranked);
			if (read == null) {
				large = large(board);
				if (large) {
					// The county's points board: built in the background; this read answers from the rollup.
					buildInBackground(board);
				}
				else if (ensureBuilt(board)) {
					read = this.store.read(board, first, ranked);
				}
			}
			if (read != null) {
				top = Ranked.rank(read.top(), first);
				own = read.own();
				fromRedis = true;
			}
		}
		catch (QueryTimeoutException ex) {
			throw busy(board, ex);
		}
		catch (RuntimeException ex) {
			log.warn("Leaderboard {} read from MySQL, Redis failed: {}", board.key(), ex.getClass().getSimpleName());
			OpsMetrics.redisFallback("leaderboard");
		}
		if (!fromRedis) {
			try {
				if (large == null) {
					large = large(board);
				}
				if (large) {
					LeaderboardSource.RollupTop fromRollup = this.source.rollupTop(board, first, ranked);
					top = Ranked.rank(fromRollup.top(), first);
					own = fromRollup.own();
				}
				else {
					List<Ranked.Scored> all = scored(this.source.board(board));
					top = Ranked.rank(all, first);
					own = kind.ranksVolunteers() ? Ranked.rankOf(all, caller) : null;
				}
			}
			catch (QueryTimeoutException ex) {
				throw busy(board, ex);
			}
		}
		Map<Long, String> names = displayNames(kind, shown.rows() ? top : List.of(), shown.own() ? own : null);
		return new View(kind, period, board.window().value(), top.stream().map(e -> row(e, names)).toList(),
				(own != null) ? row(own, names) : null, fromRedis);
	}

	private static DomainException busy(Board board, QueryTimeoutException ex) {
		log.warn("Leaderboard {}: a MySQL read hit its statement timeout", board.key());
		return new DomainException(LeaderboardError.LEADERBOARD_BUSY);
	}

	/**
	 * Whether the board is a volunteers' board (points or hours) too large to build inside a request:
	 * an org board whose subtree holds more than {@code app.leaderboard.sync-build-limit} volunteers
	 * (one COUNT on a miss, then kept for an hour: a subtree's size changes slowly). Such a board is
	 * built in the background and answered from the points rollup or the two hours rollups until
	 * installed ({@link LeaderboardSource#rollupTop}); teams' and stations' boards are small.
	 */
	private boolean large(Board board) {
		if (!board.kind().ranksVolunteers() || board.scope().type() != Board.ScopeType.ORG) {
			return false;
		}
		return this.largeScopes.get(board.scope().id(),
				unitId -> this.source.candidates(board) > this.syncBuildLimit);
	}

	/** Starts a build of the board on the builder threads unless one is queued here or holds its lock. */
	void buildInBackground(Board board) {
		if (!this.queued.add(board.key())) {
			return;
		}
		try {
			if (this.store.building(board)) {
				this.queued.remove(board.key());
				return;
			}
			this.builder.execute(() -> {
				try {
					long started = System.nanoTime();
					if (build(board)) {
						log.info("Leaderboard {} built in the background in {} ms", board.key(),
								(System.nanoTime() - started) / 1_000_000);
					}
				}
				catch (RuntimeException ex) {
					log.warn("Background build of leaderboard {} failed: {}", board.key(), ex.getClass().getSimpleName());
				}
				finally {
					this.queued.remove(board.key());
				}
			});
		}
		catch (RuntimeException ex) {
			this.queued.remove(board.key());
			throw ex;
		}
	}

	/**
	 * Whether the board is in Redis now, building it if missing. A build elsewhere is waited for
	 * briefly; past that the caller answers from MySQL, so a miss never shows an empty board.
	 */
	private boolean ensureBuilt(Board board) {
		if (this.store.exists(board)) {
			return true;
		}
		if (build(board)) {
			return true;
		}
		for (int i = 0; i < WAIT_STEPS; i++) {
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			if (this.store.exists(board)) {
				return true;
			}
		}
		return false;
	}

	private boolean build(Board board) {
		return this.store.buildStreaming(board, sink -> this.source.stream(board, sink),
				ids -> this.source.scores(board.kind(), board.window(), ids), false);
	}

	private static List<Ranked.Scored> scored(Map<Long, Double> scores) {
		List<Ranked.Scored> all = new ArrayList<>();
		scores.forEach((id, score) -> all.add(new Ranked.Scored(id, score)));
		return all;
	}

	private Board.Scope requireScope(LeaderboardKind kind, Board.ScopeType type, long id) {
		if (type == Board.ScopeType.TEAM) {
			if (!kind.ranksVolunteers()) {
				throw DomainException.badRequest("只有志愿者榜单可以按队伍查看");
			}
			if (this.knownTeams.getIfPresent(id) == null) {
				this.teams.findTeam(id).orElseThrow(() -> DomainException.notFound("队伍"));
				this.knownTeams.put(id, Boolean.TRUE);
			}
			return new Board.Scope(type, id);
		}
		OrgLevel level = this.knownUnits.get(id, unitId -> this.org.require(unitId).level());
		if (kind == LeaderboardKind.STATION_ACTIVITIES && level != OrgLevel.CITY && level != OrgLevel.CENTER
				&& level != OrgLevel.INSTITUTE) {
			throw DomainException.badRequest("站点榜单只能按市、中心或所查看");
		}
		return new Board.Scope(type, id);
	}

	/** Names of the shown rows in one batch; volunteers masked (张*) unless they opted in. */
	private Map<Long, String> displayNames(LeaderboardKind kind, List<Ranked.Entry> top, Ranked.Entry own) {
		Set<Long> ids = new HashSet<>();
		top.forEach(e -> ids.add(e.id()));
		if (own != null) {
			ids.add(own.id());
		}
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.names.get(kind, ids, missing -> {
			Map<Long, String> names = this.source.names(kind, missing);
			if (!kind.ranksVolunteers()) {
				return names;
			}
			Set<Long> showing = new HashSet<>(this.preferences.showingNames(missing));
			Map<Long, String> shown = new HashMap<>();
			names.forEach((id, name) -> shown.put(id, showing.contains(id) ? name : Masking.name(name)));
			return shown;
		});
	}

	private static Row row(Ranked.Entry entry, Map<Long, String> names) {
		return new Row(entry.rank(), entry.id(), names.getOrDefault(entry.id(), "—"), entry.score());
	}

	boolean setShowName(boolean show) {
		long caller = this.access.requireUserId();
		this.preferences.save(caller, show, this.clock.instant());
		this.names.forgetVolunteer(caller);
		return show;
	}

	/**
	 * Recomputes one member's scores from MySQL for the current week, month, year and all time and
	 * writes them into every existing board of its scopes (absolute values: idempotent). Read after
	 * the member's lock is taken, in a transaction of their own ({@link #memberReads}).
	 */
	void refresh(LeaderboardKind kind, long id) {
		this.store.withMemberLock(kind, id, () -> this.memberReads.executeWithoutResult(status -> {
			Set<Board.Scope> scopes = this.source.scopesOf(kind, List.of(id)).getOrDefault(id, Set.of());
			if (scopes.isEmpty()) {
				return;
			}
			Instant now = this.clock.instant();
			for (LeaderboardPeriod period : LeaderboardPeriod.values()) {
				LeaderboardPeriod.Window window = period.window(now);
				List<Board> boards = scopes.stream().map(scope -> new Board(kind, window, scope)).toList();
				if (!this.store.anyLoaded(boards)) {
					continue;
				}
				Double score = this.source.scores(kind, window, List.of(id)).get(id);
				boards.forEach(board -> this.store.put(board, id, score));
			}
		}));
	}

	/**
	 * A volunteer joined or left a team: their current score is written into (or removed from) that
	 * team's existing volunteer boards of every period, read from MySQL after the change committed
	 * (absolute values, so late or repeated deliveries do no harm). Membership too is read under each
	 * lock: a leave that committed before the lock was taken must not be written back as a member.
	 */
	void teamMembershipChanged(long teamId, long userId) {
		Instant now = this.clock.instant();
		for (LeaderboardKind kind : List.of(LeaderboardKind.VOLUNTEER_POINTS, LeaderboardKind.VOLUNTEER_HOURS)) {
			this.store.withMemberLock(kind, userId, () -> this.memberReads.executeWithoutResult(status -> {
				boolean member = this.source.isTeamMember(teamId, userId);
				for (LeaderboardPeriod period : LeaderboardPeriod.values()) {
					Board board = new Board(kind, period.window(now), new Board.Scope(Board.ScopeType.TEAM, teamId));
					if (this.store.anyLoaded(List.of(board))) {
						Double score = member ? this.source.scores(kind, board.window(), List.of(userId)).get(userId) : null;
						this.store.put(board, userId, score);
					}
				}
			}));
		}
	}

	/**
	 * A unit moved from {@code oldPath} to {@code newPath}: the org boards of every unit on one path
	 * and not the other (the units its members left or joined) are rebuilt from their members when
	 * they are in Redis (replaced at once, readers see the previous copy until then); missing ones
	 * are built when read. Returns the boards rebuilt.
	 */
	int unitMoved(long unitId, String oldPath, String newPath) {
		Set<Long> before = pathIds(oldPath);
		Set<Long> after = pathIds(newPath);
		Set<Long> changed = new HashSet<>(before);
		changed.addAll(after);
		Set<Long> common = new HashSet<>(before);
		common.retainAll(after);
		changed.removeAll(common);
		changed.remove(unitId);
		int rebuilt = 0;
		Instant now = this.clock.instant();
		for (LeaderboardKind kind : LeaderboardKind.values()) {
			for (LeaderboardPeriod period : LeaderboardPeriod.values()) {
				for (long scopeId : changed) {
					Board board = new Board(kind, period.window(now), new Board.Scope(Board.ScopeType.ORG, scopeId));
					if (this.store.exists(board) && this.store.buildStreaming(board, sink -> this.source.stream(board, sink),
							ids -> this.source.scores(kind, board.window(), ids), true)) {
						rebuilt++;
					}
				}
			}
		}
		return rebuilt;
	}

	private static Set<Long> pathIds(String path) {
		return new HashSet<>(OrgUnitRef.idsOnPath(path));
	}

	/** Result of {@code rebuildLeaderboards}. */
	record Rebuilt(int boards, int removed) {
	}

	/**
	 * Every current board of every kind from MySQL — every county's, so the admins of the whole
	 * deployment only (it takes no unit to scope it to one county).
	 */
	Rebuilt rebuildByAdmin() {
		this.access.requireWholeDeployment();
		return rebuildAll();
	}

	/**
	 * Rebuilds the current boards of every kind and period. Teams and stations: one grouped read per
	 * kind and period, each board installed by RENAME; boards that have no members any more are
	 * deleted (and rebuilt empty when read). Volunteers: every board of the period that is in Redis,
	 * each streamed from its members (a board nobody has read is built on its first read). Members
	 * updated meanwhile are recomputed afterwards.
	 */
	Rebuilt rebuildAll() {
		int boards = 0;
		int removed = 0;
		Instant now = this.clock.instant();
		for (LeaderboardKind kind : LeaderboardKind.values()) {
			this.store.beginRebuildAll(kind);
			try {
				for (LeaderboardPeriod period : LeaderboardPeriod.values()) {
					LeaderboardPeriod.Window window = period.window(now);
					if (kind.ranksVolunteers()) {
						for (String key : this.store.boardKeys(kind, window)) {
							Board.Scope scope = Board.scopeOf(key, kind, window);
							if (scope == null) {
								continue;
							}
							Board board = new Board(kind, window, scope);
							if (this.store.buildStreaming(board, sink -> this.source.stream(board, sink),
									ids -> this.source.scores(kind, window, ids), true)) {
								boards++;
							}
						}
						continue;
					}
					Set<String> kept = new HashSet<>();
					for (var content : this.source.allBoards(kind, window).entrySet()) {
						Board board = new Board(kind, window, content.getKey());
						kept.add(board.key());
						if (this.store.build(board, content::getValue,
								ids -> this.source.scores(kind, window, ids), true)) {
							boards++;
						}
					}
					removed += this.store.deleteOthers(kind, window, kept);
				}
			}
			finally {
				for (long id : this.store.endRebuildAll(kind)) {
					refresh(kind, id);
				}
			}
		}
		return new Rebuilt(boards, removed);
	}

}
