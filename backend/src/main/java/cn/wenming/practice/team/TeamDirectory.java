package cn.wenming.practice.team;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** Read access to teams for other features (a project may be run by a team). */
@Component
public class TeamDirectory {

	private final TeamMapper teams;

	TeamDirectory(TeamMapper teams) {
		this.teams = teams;
	}

	public Optional<TeamRef> find(long id) {
		return Optional.ofNullable(this.teams.selectById(id))
			.map(team -> new TeamRef(team.getId(), team.getOrgUnitId(), team.getName(),
					team.getStatus() == TeamStatus.ACTIVE));
	}

}
