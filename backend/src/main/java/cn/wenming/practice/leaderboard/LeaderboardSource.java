package cn.wenming.practice.leaderboard;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.wenming.practice.activity.ActivityStandings;
import cn.wenming.practice.need.NeedStandings;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.points.PointsStandings;
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

	/** Positive scores per member in the window; {@code ids} null for everybody. A fixed number of statements. */
	Map<Long, Double> scores(LeaderboardKind kind, LeaderboardPeriod.Window window, Collection<Long> ids) {
		Map<Long, Double> scores = new HashMap<>();
		switch (kind) {
			case VOLUNTEER_POINTS -> this.points.earned(window.from(), window.to(), ids)
				.forEach(e -> scores.put(e.userId(), (double) e.points()));
			case VOLUNTEER_HOURS -> {
				put(scores, this.activities.creditHoursByUser(window.from(), window.to(), ids));
				add(scores, this.needs.confirmedHoursByUser(window.from(), window.to(), ids));
			}
			case TEAM_HOURS -> {
				put(scores, this.activities.creditHoursByTeam(window.from(), window.to(), ids));
				add(scores, this.needs.confirmedHoursByTeam(window.from(), window.to(), ids));
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
		for (String segment : unit.path().split("/")) {
			if (!segment.isEmpty() && (includingItself || Long.parseLong(segment) != unit.id())) {
				scopes.add(new Board.Scope(Board.ScopeType.ORG, Long.parseLong(segment)));
			}
		}
		return scopes;
	}

	/** The whole content of one board, from MySQL: its members with positive scores. */
	Map<Long, Double> board(Board board) {
		Collection<Long> candidates = (board.scope().type() == Board.ScopeType.TEAM)
				? this.teamMembers.memberUserIds(board.scope().id()) : null;
		Map<Long, Double> scores = scores(board.kind(), board.window(), candidates);
		Map<Long, Set<Board.Scope>> scopes = scopesOf(board.kind(), scores.keySet());
		scores.keySet().removeIf(id -> !scopes.getOrDefault(id, Set.of()).contains(board.scope()));
		return scores;
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
