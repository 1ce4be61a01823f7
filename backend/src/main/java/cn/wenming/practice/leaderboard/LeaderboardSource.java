package cn.wenming.practice.leaderboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import cn.wenming.practice.activity.ActivityStandings;
import cn.wenming.practice.need.NeedStandings;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.points.PointsStandings;
import cn.wenming.practice.shared.PeriodKeys;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.team.TeamStandings;
import cn.wenming.practice.volunteer.VolunteerStandings;

import org.springframework.stereotype.Component;

/**
 * The truth behind every board, read from MySQL through the owning features' grouped read
 * methods (never their tables): scores per member for a period, and the scopes each member belongs
 * to. Used alike by rebuilds, by the after-commit refresh of single members and by the fallback
 * when Redis is down, so all three compute the same numbers.
 */
@Component
class LeaderboardSource {

	private final PointsStandings points;

	private final ActivityStandings activities;

	private final VolunteerStandings volunteers;

	private final TeamStandings teamMembers;

	private final TeamDirectory teams;

	private final OrgDirectory org;

	private final NeedStandings needs;

	/** Members per page of a build: one statement each for the candidates and for their scores. */
	static final int PAGE = 5_000;

	LeaderboardSource(PointsStandings points, ActivityStandings activities, VolunteerStandings volunteers,
			TeamStandings teamMembers, TeamDirectory teams, OrgDirectory org, NeedStandings needs) {
		this.needs = needs;
		this.points = points;
		this.activities = activities;
		this.volunteers = volunteers;
		this.teamMembers = teamMembers;
		this.teams = teams;
		this.org = org;
	}

	/**
	 * Positive scores per member in the window; {@code ids} null for everybody (not for points: the
	 * rollup is read by members). A fixed number of statements.
	 */
	Map<Long, Double> scores(LeaderboardKind kind, LeaderboardPeriod.Window window, Collection<Long> ids) {
		Map<Long, Double> scores = new HashMap<>();
		switch (kind) {
			case VOLUNTEER_POINTS -> {
				if (ids == null) {
					throw new IllegalArgumentException("points boards are read by pages of members, never all at once");
				}
				this.points.earned(window.period().key(), window.value(), ids)
					.forEach(e -> scores.put(e.userId(), (double) e.points()));
			}
			case VOLUNTEER_HOURS -> {
				put(scores, this.activities.creditHoursByUser(window.period().key(), window.value(), ids));
				add(scores, this.needs.confirmedHoursByUser(window.period().key(), window.value(), ids));
			}
			case TEAM_HOURS -> {
				put(scores, this.activities.creditHoursByTeam(window.period().key(), window.value(), ids));
				add(scores, this.needs.confirmedHoursByTeam(window.period().key(), window.value(), ids));
			}
			case STATION_ACTIVITIES -> put(scores, this.activities.finishedByUnit(window.from(), window.to(), ids));
		}
		scores.values().removeIf(score -> score <= 0);
		return scores;
	}

	private static void put(Map<Long, Double> scores, List<ActivityStandings.Figure> figures) {
		for (ActivityStandings.Figure figure : figures) {
			scores.put(figure.id(), figure.value().setScale(2, java.math.RoundingMode.HALF_UP).doubleValue());
		}
	}

	/** Adds confirmed need-service hours to the activity hours already there. */
	private static void add(Map<Long, Double> scores, List<NeedStandings.Figure> figures) {
		for (NeedStandings.Figure figure : figures) {
			scores.merge(figure.id(), figure.value().setScale(2, java.math.RoundingMode.HALF_UP).doubleValue(),
					Double::sum);
		}
	}

	/**
	 * The scopes each member belongs to, in a fixed number of statements: a volunteer is on the
	 * boards of every org unit on their home station's path (中心, 所, 站) and of each team they are in;
	 * a team on those of the units on its home unit's path; a station on those of the units above it
	 * (中心, 所). Members that are not of the kind (an activity held at an institute for a station
	 * board) get no scope.
	 */
	Map<Long, Set<Board.Scope>> scopesOf(LeaderboardKind kind, Collection<Long> ids) {
		Map<Long, Set<Board.Scope>> scopes = new HashMap<>();
		if (ids.isEmpty()) {
			return scopes;
		}
		switch (kind) {
			case VOLUNTEER_POINTS, VOLUNTEER_HOURS -> {
				Map<Long, VolunteerStandings.Standing> standings = this.volunteers.byUserIds(ids);
				Map<Long, OrgUnitRef> units = this.org
					.findAll(standings.values().stream().map(VolunteerStandings.Standing::homeStationId).toList());
				standings.forEach((userId, standing) -> scopes.put(userId,
						orgScopes(units.get(standing.homeStationId()), true)));
				this.teamMembers.teamsOf(standings.keySet())
					.forEach((userId, teamIds) -> teamIds
						.forEach(teamId -> scopes.get(userId).add(new Board.Scope(Board.ScopeType.TEAM, teamId))));
			}
			case TEAM_HOURS -> {
				Map<Long, TeamRef> found = this.teams.findAll(ids);
				Map<Long, OrgUnitRef> units = this.org.findAll(found.values().stream().map(TeamRef::orgUnitId).toList());
				found.forEach((teamId, team) -> scopes.put(teamId, orgScopes(units.get(team.orgUnitId()), true)));
			}
			case STATION_ACTIVITIES -> this.org.findAll(ids).forEach((unitId, unit) -> {
				if (unit.level() == OrgLevel.STATION) {
					scopes.put(unitId, orgScopes(unit, false));
				}
			});
		}
		return scopes;
	}

	private static Set<Board.Scope> orgScopes(OrgUnitRef unit, boolean includingItself) {
		Set<Board.Scope> scopes = new HashSet<>();
		if (unit == null) {
			return scopes;
		}
		for (long id : unit.pathIds()) {
			if (includingItself || id != unit.id()) {
				scopes.add(new Board.Scope(Board.ScopeType.ORG, id));
			}
		}
		return scopes;
	}

	/** The whole content of one board, from MySQL: its members with positive scores (small boards; builds stream). */
	Map<Long, Double> board(Board board) {
		Map<Long, Double> all = new HashMap<>();
		stream(board, all::putAll);
		return all;
	}

	/**
	 * The content of one board, page by page: a volunteer board reads its candidates (the volunteers
	 * whose home station is in the scope's subtree, or the team's members) {@link #PAGE} at a time and
	 * their scores for just those ids, so every statement is bounded and no connection is held
	 * between pages; the scores come from the owners' rollups (points, activity and need hours), never
	 * from the ledger or the sign-ups.
	 * Other kinds (a few thousand teams or stations at most) come in one piece.
	 */
	void stream(Board board, Consumer<Map<Long, Double>> sink) {
		if (!board.kind().ranksVolunteers()) {
			Map<Long, Double> scores = scores(board.kind(), board.window(), null);
			Map<Long, Set<Board.Scope>> scopes = scopesOf(board.kind(), scores.keySet());
			scores.keySet().removeIf(id -> !scopes.getOrDefault(id, Set.of()).contains(board.scope()));
			sink.accept(scores);
			return;
		}
		if (board.scope().type() == Board.ScopeType.TEAM) {
			sink.accept(scores(board.kind(), board.window(), this.teamMembers.memberUserIds(board.scope().id())));
			return;
		}
		List<Long> units = subtree(board.scope().id());
		long after = 0;
		while (true) {
			List<VolunteerStandings.Member> page = this.volunteers.page(units, after, PAGE);
			if (page.isEmpty()) {
				return;
			}
			after = page.get(page.size() - 1).userId();
			List<Long> ids = page.stream().map(VolunteerStandings.Member::userId).toList();
			Map<Long, Double> scores = !dense(ids) ? scores(board.kind(), board.window(), ids)
					: (board.kind() == LeaderboardKind.VOLUNTEER_POINTS) ? pointsBetween(board.window(), ids)
							: hoursBetween(board.window(), ids);
			if (!scores.isEmpty()) {
				sink.accept(scores);
			}
			if (page.size() < PAGE) {
				return;
			}
		}
	}

	boolean isTeamMember(long teamId, long userId) {
		return this.teamMembers.isMember(teamId, userId);
	}

	/**
	 * Whether a page's user ids (ascending) fill at least half their range: then the rollup is read as
	 * one primary-key range rather than a lookup per id (a county's or an institute's volunteers).
	 */
	private static boolean dense(List<Long> ids) {
		long span = ids.get(ids.size() - 1) - ids.get(0) + 1;
		return ids.size() * 2L >= span;
	}

	/** The points of a page's members, read as the range of their ids and narrowed to them. */
	private Map<Long, Double> pointsBetween(LeaderboardPeriod.Window window, List<Long> ids) {
		Set<Long> members = new HashSet<>(ids);
		Map<Long, Double> scores = new HashMap<>();
		for (PointsStandings.Earned e : this.points.earnedBetween(window.period().key(), window.value(), ids.get(0),
				ids.get(ids.size() - 1))) {
			if (members.contains(e.userId())) {
				scores.put(e.userId(), (double) e.points());
			}
		}
		return scores;
	}

	/** The hours of a page's members (activity and need rollups), each read as the range of their ids and narrowed to them. */
	private Map<Long, Double> hoursBetween(LeaderboardPeriod.Window window, List<Long> ids) {
		PeriodKeys.Period period = window.period().key();
		long from = ids.get(0);
		long to = ids.get(ids.size() - 1);
		Set<Long> members = new HashSet<>(ids);
		Map<Long, Double> scores = new HashMap<>();
		put(scores, this.activities.creditHoursBetween(period, window.value(), from, to));
		add(scores, this.needs.confirmedHoursBetween(period, window.value(), from, to));
		scores.keySet().retainAll(members);
		scores.values().removeIf(score -> score <= 0);
		return scores;
	}

	/** How many members an org board of volunteers could have (its subtree's volunteers); 0 for other boards. */
	long candidates(Board board) {
		if (!board.kind().ranksVolunteers() || board.scope().type() != Board.ScopeType.ORG) {
			return 0;
		}
		return this.volunteers.count(subtree(board.scope().id()));
	}

	private List<Long> subtree(long unitId) {
		return this.org.subtreeIds(this.org.require(unitId).path());
	}

	/**
	 * A points board's top {@code first} (ties at the cut completed by ascending id) and the caller's
	 * entry, from the rollup's rank index alone, without building the board: what a read answers
	 * while the county's large boards are (re)built or Redis is down. The county-wide top is fetched
	 * and narrowed to the board's members; the caller's rank counts every earner of the county above
	 * them, which is their rank on the county's (中心) board, the only board this serves.
	 */
	RollupTop rollupTop(Board board, int first, Long caller) {
		if (board.kind() == LeaderboardKind.VOLUNTEER_HOURS) {
			return hoursRollupTop(board, first, caller);
		}
		PeriodKeys.Period period = board.window().period().key();
		String value = board.window().value();
		List<Ranked.Scored> kept = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		int limit = first;
		for (int round = 0; round < 4; round++) {
			List<PointsStandings.Earned> fetched = this.points.top(period, value, limit);
			keepMembers(board, fetched, kept, seen);
			if (kept.size() >= first || fetched.size() < limit) {
				break;
			}
			limit = Math.min(limit * 8, 20_000);
		}
		kept.sort(Ranked.ORDER);
		if (kept.size() >= first) {
			// The members tied with the last one shown, lowest ids first: they decide who is on the page.
			keepMembers(board, this.points.tiedAt(period, value, (long) kept.get(first - 1).score(), first * 4), kept,
					seen);
		}
		Ranked.Entry own = null;
		if (caller != null) {
			List<PointsStandings.Earned> mine = this.points.earned(period, value, List.of(caller));
			if (!mine.isEmpty() && isMember(board, caller)) {
				long score = mine.get(0).points();
				own = new Ranked.Entry(1 + (int) this.points.countAbove(period, value, score), caller, score);
			}
		}
		return new RollupTop(kept, own);
	}

	/** Most rows read from each hours rollup's rank index by one answer from the rollups. */
	static final int HOURS_SCAN_LIMIT = 6_400;

	/**
	 * An hours board's top {@code first} and the caller's entry from the two hours rollups, without
	 * building the board and without reading a sign-up or a participant: a volunteer's hours are their
	 * activity hours plus their need hours, which no single index orders, so both rollups are read in
	 * descending order of hours (their rank indexes, V51), a slice at a time, and everybody seen gets
	 * their exact total (two key lookups per slice). Nobody unseen can have more than the last hours
	 * seen in each slice added together (the threshold), so once the {@code first}-th total of the
	 * board's members is above it, or both rollups are read to the end, the page (ties at the cut
	 * included) is exact. Slices grow eightfold up to {@link #HOURS_SCAN_LIMIT} rows; every statement
	 * has the owners' statement timeout. The caller's rank is exact when their total is at least the
	 * threshold (everyone above them was seen); further down (most callers: the scan is not extended
	 * for them, each read stays a few statements) it is an estimate until the board is installed: the
	 * volunteers whose activity hours alone or need hours alone exceed the caller's total (two index
	 * counts over the county, as the points rollup's rank is), never fewer than those seen above them.
	 */
	private RollupTop hoursRollupTop(Board board, int first, Long caller) {
		PeriodKeys.Period period = board.window().period().key();
		String value = board.window().value();
		// Exact totals of everyone seen; of those that could be on the page, whether they are members.
		Map<Long, Double> totals = new HashMap<>();
		Map<Long, Boolean> member = new HashMap<>();
		double threshold = 0;
		boolean exhausted = false;
		Double callerScore = null;
		if (caller != null) {
			callerScore = scores(LeaderboardKind.VOLUNTEER_HOURS, board.window(), List.of(caller)).get(caller);
		}
		List<Ranked.Scored> kept = new ArrayList<>();
		int limit = Math.max(first, 100);
		while (true) {
			List<ActivityStandings.Figure> a = this.activities.topCreditHours(period, value, limit);
			List<NeedStandings.Figure> n = this.needs.topConfirmedHours(period, value, limit);
			boolean activitiesDone = a.size() < limit;
			boolean needsDone = n.size() < limit;
			exhausted = activitiesDone && needsDone;
			threshold = (activitiesDone ? 0 : a.get(a.size() - 1).value().doubleValue())
					+ (needsDone ? 0 : n.get(n.size() - 1).value().doubleValue());
			Set<Long> fresh = new HashSet<>();
			a.forEach(f -> fresh.add(f.id()));
			n.forEach(f -> fresh.add(f.id()));
			fresh.removeAll(totals.keySet());
			if (!fresh.isEmpty()) {
				Map<Long, Double> scores = scores(LeaderboardKind.VOLUNTEER_HOURS, board.window(), fresh);
				fresh.forEach(id -> totals.put(id, scores.getOrDefault(id, 0.0)));
			}
			boolean last = exhausted || limit >= HOURS_SCAN_LIMIT;
			// Only those above the threshold can be on an exact page (and in the last round, all seen):
			// their scopes are resolved, so a slice's thousands of lower totals cost no scope reads.
			double bar = last ? 0 : threshold;
			List<Long> unresolved = totals.entrySet()
				.stream()
				.filter(e -> e.getValue() > bar && !member.containsKey(e.getKey()))
				.map(Map.Entry::getKey)
				.toList();
			if (!unresolved.isEmpty()) {
				Map<Long, Set<Board.Scope>> scopes = scopesOf(board.kind(), unresolved);
				unresolved.forEach(id -> member.put(id, scopes.getOrDefault(id, Set.of()).contains(board.scope())));
			}
			kept.clear();
			totals.forEach((id, total) -> {
				if (total > bar && Boolean.TRUE.equals(member.get(id))) {
					kept.add(new Ranked.Scored(id, total));
				}
			});
			if (last || kept.size() >= first) {
				// Every member above the threshold is among them: the first ones are the page, ties included.
				break;
			}
			limit = Math.min(limit * 8, HOURS_SCAN_LIMIT);
		}
		Ranked.Entry own = null;
		if (callerScore != null && isMember(board, caller)) {
			double score = callerScore;
			long seenAbove = kept.stream().filter(k -> k.score() > score).count();
			long above = seenAbove;
			if (!exhausted && score < threshold) {
				BigDecimal hours = BigDecimal.valueOf(score);
				above = Math.max(seenAbove, this.activities.countCreditHoursAbove(period, value, hours)
						+ this.needs.countConfirmedHoursAbove(period, value, hours));
			}
			own = new Ranked.Entry(1 + (int) above, caller, score);
		}
		return new RollupTop(kept, own);
	}

	/** A board's top slice and the caller's entry, as read from the rollup. */
	record RollupTop(List<Ranked.Scored> top, Ranked.Entry own) {
	}

	private void keepMembers(Board board, List<PointsStandings.Earned> fetched, List<Ranked.Scored> kept,
			Set<Long> seen) {
		List<Long> fresh = fetched.stream().map(PointsStandings.Earned::userId).filter(id -> !seen.contains(id)).toList();
		if (fresh.isEmpty()) {
			return;
		}
		Map<Long, Set<Board.Scope>> scopes = scopesOf(board.kind(), fresh);
		for (PointsStandings.Earned e : fetched) {
			if (seen.add(e.userId()) && scopes.getOrDefault(e.userId(), Set.of()).contains(board.scope())) {
				kept.add(new Ranked.Scored(e.userId(), e.points()));
			}
		}
	}

	private boolean isMember(Board board, long userId) {
		return this.scopesOf(board.kind(), List.of(userId)).getOrDefault(userId, Set.of()).contains(board.scope());
	}

	/** Every non-empty board of a kind and period, from one grouped statement. */
	Map<Board.Scope, Map<Long, Double>> allBoards(LeaderboardKind kind, LeaderboardPeriod.Window window) {
		Map<Long, Double> scores = scores(kind, window, null);
		Map<Long, Set<Board.Scope>> scopes = scopesOf(kind, scores.keySet());
		Map<Board.Scope, Map<Long, Double>> boards = new HashMap<>();
		scores.forEach((id, score) -> scopes.getOrDefault(id, Set.of())
			.forEach(scope -> boards.computeIfAbsent(scope, s -> new HashMap<>()).put(id, score)));
		return boards;
	}

	/** The names shown for members, in one statement; volunteers' real names are returned as stored. */
	Map<Long, String> names(LeaderboardKind kind, Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		switch (kind) {
			case VOLUNTEER_POINTS, VOLUNTEER_HOURS ->
				this.volunteers.byUserIds(ids).forEach((id, standing) -> names.put(id, standing.realName()));
			case TEAM_HOURS -> this.teams.findAll(ids).forEach((id, team) -> names.put(id, team.name()));
			case STATION_ACTIVITIES -> this.org.findAll(ids).forEach((id, unit) -> names.put(id, unit.name()));
		}
		return names;
	}

}
