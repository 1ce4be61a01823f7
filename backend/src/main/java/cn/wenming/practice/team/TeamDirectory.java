package cn.wenming.practice.team;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Read access to teams and their leadership and membership for other features (needs, activities). */
@Component
public class TeamDirectory {

	private final TeamMapper teams;

	private final TeamMemberMapper members;

	private final TeamTagMapper tags;

	TeamDirectory(TeamMapper teams, TeamMemberMapper members, TeamTagMapper tags) {
		this.teams = teams;
		this.members = members;
		this.tags = tags;
	}

	public Optional<TeamRef> findTeam(long id) {
		return Optional.ofNullable(this.teams.selectById(id)).map(TeamDirectory::toRef);
	}

	/** Many teams in one query, keyed by id; missing ids are absent. */
	public Map<Long, TeamRef> findAll(Collection<Long> ids) {
		return this.teams.findByIds(ids.stream().distinct().toList())
			.stream()
			.map(TeamDirectory::toRef)
			.collect(Collectors.toMap(TeamRef::id, Function.identity()));
	}

	/**
	 * The ACTIVE teams based in any of the units, with their tags (skills and service categories,
	 * by kind then value), by id: two statements however many units and teams.
	 */
	public List<TaggedTeam> activeInUnits(Collection<Long> unitIds) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		List<Team> found = this.teams.activeInUnits(unitIds);
		if (found.isEmpty()) {
			return List.of();
		}
		Map<Long, List<String>> tagsByTeam = new HashMap<>();
		for (TeamTagMapper.TagRow tag : this.tags.findByTeams(found.stream().map(Team::getId).toList())) {
			tagsByTeam.computeIfAbsent(tag.teamId, id -> new ArrayList<>()).add(tag.value);
		}
		return found.stream()
			.map(team -> new TaggedTeam(toRef(team), List.copyOf(tagsByTeam.getOrDefault(team.getId(), List.of()))))
			.toList();
	}

	/**
	 * The ACTIVE teams based in any of the units, with their leaders (骨干), by id: one statement, for
	 * the assessment's active-team ratio and staff-training coverage.
	 */
	public List<TeamRef> activeTeamsInUnits(Collection<Long> unitIds) {
		return unitIds.isEmpty() ? List.of()
				: this.teams.activeInUnits(unitIds).stream().map(TeamDirectory::toRef).toList();
	}

	/** A team with the values of its tags (skills and {@code ServiceCategory} names). */
	public record TaggedTeam(TeamRef team, List<String> tags) {
	}

	/** The ids of the ACTIVE teams the user currently leads (a project task's owner team reaches its leader). */
	public List<Long> ledBy(long userId) {
		return this.teams.ledBy(userId).stream().map(Team::getId).toList();
	}

	/** Whether the user is the current leader of the team and the team is active. */
	public boolean isLeader(long teamId, long userId) {
		return findTeam(teamId).filter(team -> team.active() && team.leaderUserId() == userId).isPresent();
	}

	/** Whether the user is a current member (or the leader) of the team. */
	public boolean isMember(long teamId, long userId) {
		return this.members.find(teamId, userId) != null;
	}

	private static TeamRef toRef(Team team) {
		return new TeamRef(team.getId(), team.getOrgUnitId(), team.getName(), team.getLeaderUserId(),
				team.getStatus() == TeamStatus.ACTIVE);
	}

}
