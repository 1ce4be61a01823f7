package cn.wenming.practice.leaderboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import cn.wenming.practice.shared.RedisScan;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * The boards in Redis, as sorted sets. Every board key holds a sentinel member ({@link #SENTINEL},
 * score −inf) besides its members, so an empty board still exists and a MISSING key always means
 * "not built" (flushed, expired, evicted or never read). Scores are only written into a board that
 * exists: a member update never creates a partial board that would look complete.
 * <p>
 * A build writes a temporary key and RENAMEs it over the board, under a lock
 * ({@code SET NX PX}) so concurrent misses build once. Member updates that arrive while a board is
 * being built are noted in its dirty set and recomputed from MySQL right after the RENAME, so an
 * update that committed after the build read MySQL is not lost.
 * <p>
 * Not a Spring bean on purpose: tests build one against a private redis-server.
 */
class LeaderboardStore {

	static final String SENTINEL = "~";

	/**
	 * A member as stored: its id's digit count as a letter ({@code 'a' + n}), then the digits, e.g.
	 * 42 → {@code "c42"}. Redis orders members of equal score by their bytes, so this makes that
	 * order the ids' numeric order, which is how ties are listed: the members tied at the cut of a
	 * page are then the first few of an ordered range ({@code ZRANGEBYSCORE … LIMIT}), not all of
	 * them (at the county's weekly board, about 6,000 volunteers share the 100th score). One byte
	 * more than the plain id; the sentinel {@code ~} sorts after every member.
	 */
	static String member(long id) {
		String digits = Long.toString(id);
		return (char) ('a' + digits.length()) + digits;
	}

	static long id(String member) {
		return Long.parseLong(member, 1, member.length(), 10);
	}

	private static final Duration LOCK_TTL = Duration.ofSeconds(60);

	/**
	 * KEYS board, lock, dirty (one slot: the board's tag); ARGV member, score ('' = remove), dirty TTL.
	 * 1 written, 2 noted dirty, 0 no board.
	 */
	private static final DefaultRedisScript<Long> UPSERT = new DefaultRedisScript<>("""
			if redis.call('EXISTS', KEYS[1]) == 1 then
			  if ARGV[2] == '' then redis.call('ZREM', KEYS[1], ARGV[1])
			  else redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1]) end
			  return 1
			end
			if redis.call('EXISTS', KEYS[2]) == 1 then
			  redis.call('SADD', KEYS[3], ARGV[1])
			  redis.call('PEXPIRE', KEYS[3], ARGV[3])
			  return 2
			end
			return 0
			""", Long.class);

	/**
	 * KEYS rebuild-all marker, rebuild-all dirty (one slot: the kind's tag); ARGV member, dirty TTL.
	 * Notes the member if a rebuild of the whole kind is running. 1 noted, 0 none running.
	 */
	private static final DefaultRedisScript<Long> NOTE_IF_REBUILDING = new DefaultRedisScript<>("""
			if redis.call('EXISTS', KEYS[1]) == 1 then
			  redis.call('SADD', KEYS[2], ARGV[1])
			  redis.call('PEXPIRE', KEYS[2], ARGV[2])
			  return 1
			end
			return 0
			""", Long.class);

	/**
	 * KEYS temp, board, dirty, old; ARGV expire-at seconds (0: never). Returns the dirty members. The
	 * previous copy is renamed aside and UNLINKed (freed in the background): RENAME over it would free
	 * a county's board of 470,000 members inside the command.
	 */
	@SuppressWarnings("rawtypes")
	private static final DefaultRedisScript<List> INSTALL = new DefaultRedisScript<>("""
			if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('RENAME', KEYS[2], KEYS[4]) end
			redis.call('RENAME', KEYS[1], KEYS[2])
			if tonumber(ARGV[1]) > 0 then redis.call('EXPIREAT', KEYS[2], ARGV[1])
			else redis.call('PERSIST', KEYS[2]) end
			redis.call('UNLINK', KEYS[4])
			local dirty = redis.call('SMEMBERS', KEYS[3])
			redis.call('DEL', KEYS[3])
			return dirty
			""", List.class);

	/** KEYS lock, temp; ARGV token, ttl ms. Extends a build's lock and temporary key while it is still ours. */
	private static final DefaultRedisScript<Long> EXTEND = new DefaultRedisScript<>("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then
			  redis.call('PEXPIRE', KEYS[1], ARGV[2])
			  redis.call('PEXPIRE', KEYS[2], ARGV[2])
			  return 1
			end
			return 0
			""", Long.class);

	/** Members per ZADD of a build: each command stays far inside the client's command timeout. */
	static final int BATCH = 1_000;

	/** KEYS marker, dirty. Ends a rebuild-all and returns the members updated while it ran. */
	@SuppressWarnings("rawtypes")
	private static final DefaultRedisScript<List> END_REBUILD_ALL = new DefaultRedisScript<>("""
			redis.call('DEL', KEYS[1])
			local dirty = redis.call('SMEMBERS', KEYS[2])
			redis.call('DEL', KEYS[2])
			return dirty
			""", List.class);

	/** KEYS lock; ARGV token. Deletes the lock only if it is still ours. */
	private static final DefaultRedisScript<Long> UNLOCK = new DefaultRedisScript<>("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	LeaderboardStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	boolean exists(Board board) {
		return Boolean.TRUE.equals(this.redis.hasKey(board.key()));
	}

	/**
	 * Builds the board from {@code content} (read inside the lock, so it is as fresh as the lock) and
	 * installs it atomically. Returns false without doing anything when another build holds the lock.
	 * {@code recompute} gives fresh scores for members updated during the build. Unless
	 * {@code replace}, a board that exists once the lock is held (built by the previous holder) is kept.
	 */
	boolean build(Board board, Supplier<Map<Long, Double>> content,
			java.util.function.Function<Set<Long>, Map<Long, Double>> recompute, boolean replace) {
		return buildStreaming(board, sink -> sink.accept(content.get()), recompute, replace);
	}

	/**
	 * As {@link #build}, with the content pushed in pieces ({@code content} calls its sink once per
	 * piece): each piece goes into the temporary key in ZADDs of {@link #BATCH} members, so neither a
	 * piece nor the board is ever held whole in memory and no Redis command grows with the board.
	 * Readers meanwhile see the previous copy (the board key is only replaced by the final RENAME) or,
	 * when there is none, answer without Redis.
	 */
	boolean buildStreaming(Board board, Consumer<Consumer<Map<Long, Double>>> content,
			java.util.function.Function<Set<Long>, Map<Long, Double>> recompute, boolean replace) {
		String token = UUID.randomUUID().toString();
		if (!Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(board.lockKey(), token, LOCK_TTL))) {
			return false;
		}
		try {
			if (!replace && exists(board)) {
				// Built by the request that held the lock just before us: nothing to do.
				return true;
			}
			String temp = board.tempKey(token);
			// A build that dies before the RENAME leaves no garbage behind: the key expires with the lock.
			this.redis.opsForZSet().add(temp, SENTINEL, Double.NEGATIVE_INFINITY);
			this.redis.expire(temp, LOCK_TTL);
			String ttl = Long.toString(LOCK_TTL.toMillis());
			content.accept(piece -> {
				List<TypedTuple<String>> batch = new ArrayList<>(Math.min(BATCH, piece.size()));
				for (Map.Entry<Long, Double> member : piece.entrySet()) {
					batch.add(TypedTuple.of(member(member.getKey()), member.getValue()));
					if (batch.size() == BATCH) {
						this.redis.opsForZSet().add(temp, new HashSet<>(batch));
						batch.clear();
					}
				}
				if (!batch.isEmpty()) {
					this.redis.opsForZSet().add(temp, new HashSet<>(batch));
				}
				// A long build keeps its lock (and its key) as long as it makes progress.
				this.redis.execute(EXTEND, List.of(board.lockKey(), temp), token, ttl);
			});
			long expireAt = (board.window().expiresAt() != null) ? board.window().expiresAt().getEpochSecond() : 0;
			@SuppressWarnings("unchecked")
			List<Object> dirty = this.redis.execute(INSTALL,
					List.of(temp, board.key(), board.dirtyKey(), board.oldKey(token)), Long.toString(expireAt));
			if (dirty != null && !dirty.isEmpty()) {
				Set<Long> ids = new HashSet<>();
				dirty.forEach(member -> ids.add(id(member.toString())));
				Map<Long, Double> fresh = recompute.apply(ids);
				ids.forEach(id -> put(board, id, fresh.get(id)));
			}
			return true;
		}
		finally {
			this.redis.execute(UNLOCK, List.of(board.lockKey()), token);
		}
	}

	/** Whether a build of the board holds its lock now (on this or another instance). */
	boolean building(Board board) {
		return Boolean.TRUE.equals(this.redis.hasKey(board.lockKey()));
	}

	/**
	 * Whether any of the boards exists or is being built (one EXISTS; a cluster asks each key's node).
	 * When none is, a member update can be skipped: a build that starts later reads MySQL after the
	 * change committed.
	 */
	boolean anyLoaded(Collection<Board> boards) {
		List<String> keys = new ArrayList<>();
		boards.forEach(board -> {
			keys.add(board.key());
			keys.add(board.lockKey());
		});
		Long count = this.redis.countExistingKeys(keys);
		return count != null && count > 0;
	}

	/**
	 * Sets (or, with a null score, removes) a member of a board that exists; notes it if the board is
	 * being built, or if every board of its kind is (a rebuild-all).
	 * <p>
	 * The rebuild-all marker lives in the kind's slot, the board in its own, so these are two scripts,
	 * and the order matters: the marker is checked <em>first</em>. The score being written was read
	 * from MySQL after its change committed. If the marker is absent at that check, any rebuild-all
	 * that installs this board later began later, so it reads MySQL after the commit and cannot bring
	 * an older score back. If it is present, the member is recomputed when the rebuild ends. Checking
	 * the marker after the board instead would let a rebuild that read MySQL before the commit install
	 * its stale board in between and end before the check.
	 */
	long put(Board board, long member, Double score) {
		String id = member(member);
		String ttl = Long.toString(LOCK_TTL.toMillis());
		this.redis.execute(NOTE_IF_REBUILDING, List.of(rebuildMarker(board.kind()), rebuildDirty(board.kind())), id,
				ttl);
		Long result = this.redis.execute(UPSERT, List.of(board.key(), board.lockKey(), board.dirtyKey()), id,
				(score == null || score <= 0) ? "" : Double.toString(score), ttl);
		return (result == null) ? 0 : result;
	}

	/**
	 * KEYS board; ARGV first, caller ('' for none). Nil when the board is missing (so a read and its
	 * existence check are one atomic step). Otherwise {top, tied, ownScore, higher}: the top
	 * {@code first} members with scores (flat, highest first, the sentinel possibly among them), the
	 * members tied with the {@code first}-th that fill the page by ascending id (see {@link #member})
	 * when there are that many, and the caller's score ('' if absent) with the number of members
	 * scoring strictly higher.
	 */
	@SuppressWarnings("rawtypes")
	private static final DefaultRedisScript<List> READ = new DefaultRedisScript<>("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return false end
			local n = tonumber(ARGV[1])
			local top = redis.call('ZREVRANGE', KEYS[1], 0, n - 1, 'WITHSCORES')
			local tied = {}
			if #top == 2 * n and top[2 * n - 1] ~= '%s' then
			  -- Of the members with the n-th score, the ones with the lowest ids fill the page.
			  local above = redis.call('ZCOUNT', KEYS[1], '(' .. top[2 * n], '+inf')
			  tied = redis.call('ZRANGEBYSCORE', KEYS[1], top[2 * n], top[2 * n], 'LIMIT', 0, n - above)
			end
			local own = ''
			local higher = 0
			if ARGV[2] ~= '' then
			  own = redis.call('ZSCORE', KEYS[1], ARGV[2]) or ''
			  if own ~= '' then higher = redis.call('ZCOUNT', KEYS[1], '(' .. own, '+inf') end
			end
			return {top, tied, own, higher}
			""".formatted(SENTINEL), List.class);

	/** What one read of a board gives: its top slice (ties included, unranked) and the caller's own entry. */
	record Read(List<Ranked.Scored> top, Ranked.Entry own) {
	}

	/**
	 * The top {@code first} members by score plus the members tied with the last of them that come
	 * first by id (the caller orders and cuts), and {@code caller}'s competition rank (1 + members with a strictly
	 * higher score) and score when given and on the board — in one round trip. Null when the board
	 * is not in Redis.
	 */
	Read read(Board board, int first, Long caller) {
		@SuppressWarnings("unchecked")
		List<Object> reply = this.redis.execute(READ, List.of(board.key()), Integer.toString(first),
				(caller != null) ? member(caller) : "");
		if (reply == null || reply.isEmpty()) {
			return null;
		}
		List<?> flat = (List<?>) reply.get(0);
		List<Ranked.Scored> top = new ArrayList<>();
		Set<Long> have = new HashSet<>();
		double last = 0;
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			String member = flat.get(i).toString();
			if (!SENTINEL.equals(member)) {
				last = Double.parseDouble(flat.get(i + 1).toString());
				long id = id(member);
				top.add(new Ranked.Scored(id, last));
				have.add(id);
			}
		}
		for (Object member : (List<?>) reply.get(1)) {
			String m = member.toString();
			if (!SENTINEL.equals(m) && have.add(id(m))) {
				top.add(new Ranked.Scored(id(m), last));
			}
		}
		String own = reply.get(2).toString();
		Ranked.Entry entry = null;
		if (caller != null && !own.isEmpty()) {
			int higher = ((Number) reply.get(3)).intValue();
			entry = new Ranked.Entry(1 + higher, caller, Double.parseDouble(own));
		}
		return new Read(top, entry);
	}

	/** The board's members and scores without the sentinel (for checks). */
	Map<Long, Double> members(Board board) {
		Map<Long, Double> members = new java.util.HashMap<>();
		Set<TypedTuple<String>> all = this.redis.opsForZSet().rangeWithScores(board.key(), 0, -1);
		if (all != null) {
			all.stream().filter(t -> !SENTINEL.equals(t.getValue()))
				.forEach(t -> members.put(id(t.getValue()), t.getScore()));
		}
		return members;
	}

	/** Marks a rebuild of every board of the kind; tagged by the kind, like its dirty set. */
	static String rebuildMarker(LeaderboardKind kind) {
		return "lbrebuild:{" + kind + "}";
	}

	static String rebuildDirty(LeaderboardKind kind) {
		return "lbrebuild-dirty:{" + kind + "}";
	}

	/** Marks a rebuild of every board of a kind as running: member updates are noted until {@link #endRebuildAll}. */
	void beginRebuildAll(LeaderboardKind kind) {
		this.redis.delete(rebuildDirty(kind));
		this.redis.opsForValue().set(rebuildMarker(kind), "1", Duration.ofMinutes(10));
	}

	/** Ends the rebuild of a kind and returns the members updated while it ran (to recompute). */
	Set<Long> endRebuildAll(LeaderboardKind kind) {
		@SuppressWarnings("unchecked")
		List<Object> dirty = this.redis.execute(END_REBUILD_ALL, List.of(rebuildMarker(kind), rebuildDirty(kind)));
		Set<Long> ids = new HashSet<>();
		if (dirty != null) {
			dirty.forEach(member -> ids.add(id(member.toString())));
		}
		return ids;
	}

	/**
	 * Runs {@code action} holding a short per-member lock, so two refreshes of one member (two events
	 * after two commits) write in the order they read MySQL: the later one reads the later state. If
	 * the lock cannot be had within 2 s the refresh runs anyway (a stuck lock must not stop updates).
	 */
	void withMemberLock(LeaderboardKind kind, long member, Runnable action) {
		String lock = "lbmember:" + kind + ":" + member;
		String token = UUID.randomUUID().toString();
		boolean locked = false;
		for (int i = 0; i < 200 && !locked; i++) {
			locked = Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(lock, token, Duration.ofSeconds(10)));
			if (!locked) {
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		try {
			action.run();
		}
		finally {
			if (locked) {
				this.redis.execute(UNLOCK, List.of(lock), token);
			}
		}
	}

	/** The board keys of a kind and period value that exist now, by SCAN (every primary of a cluster). */
	List<String> boardKeys(LeaderboardKind kind, LeaderboardPeriod.Window window) {
		List<String> keys = new ArrayList<>();
		RedisScan.keys(this.redis, Board.keysOf(kind, window), 1000, keys::add);
		return keys;
	}

	/**
	 * Deletes the board keys of a kind and period value whose scope is not in {@code keep}, by SCAN
	 * (never KEYS; every primary of a cluster). One DEL per key: the boards are in different slots.
	 */
	int deleteOthers(LeaderboardKind kind, LeaderboardPeriod.Window window, Set<String> keep) {
		List<String> stale = new ArrayList<>();
		RedisScan.keys(this.redis, Board.keysOf(kind, window), 1000, key -> {
			if (!keep.contains(key)) {
				stale.add(key);
			}
		});
		stale.forEach(this.redis::delete);
		return stale.size();
	}

}
