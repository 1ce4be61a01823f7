package cn.wenming.practice.team;

import java.util.Optional;

import cn.wenming.practice.org.OrgUnitCloseGuard;
import cn.wenming.practice.org.OrgUnitRef;

import org.springframework.stereotype.Component;

/** An org unit cannot be closed while teams based there are still ACTIVE: disband or move them first. */
@Component
class TeamCloseGuard implements OrgUnitCloseGuard {

	private final TeamMapper teams;

	TeamCloseGuard(TeamMapper teams) {
		this.teams = teams;
	}

	@Override
	public Optional<String> openWork(OrgUnitRef unit) {
		int active = this.teams.countActiveInUnit(unit.id());
		return (active == 0) ? Optional.empty() : Optional.of(active + " 个队伍仍在运行");
	}

}
