package cn.wenming.practice.assessment;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.wenming.practice.auth.UnitAdmins;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.volunteer.StaffTrainingRoster;

import org.springframework.stereotype.Component;

/**
 * The volunteer feature's {@link StaffTrainingRoster}: of the people a staff training lists, those the
 * coverage figure counts at one of the units (the holding unit's subtree) — admins granted there (auth's
 * {@link UnitAdmins}) and leaders of active teams there ({@link TeamDirectory}), by the figure's own
 * {@link AssessmentService#roster}. Two statements, whatever the number of people.
 */
@Component
class StaffTrainingAttendees implements StaffTrainingRoster {

	private final UnitAdmins unitAdmins;

	private final TeamDirectory teams;

	StaffTrainingAttendees(UnitAdmins unitAdmins, TeamDirectory teams) {
		this.unitAdmins = unitAdmins;
		this.teams = teams;
	}

	@Override
	public Set<Long> staffAmong(Collection<Long> unitIds, Collection<Long> userIds) {
		if (unitIds.isEmpty() || userIds.isEmpty()) {
			return Set.of();
		}
		List<Long> units = List.copyOf(unitIds);
		Set<Long> staff = AssessmentService.roster(this.unitAdmins.onUnits(units), this.teams.activeTeamsInUnits(units))
			.roles()
			.keySet();
		Set<Long> found = new HashSet<>(userIds);
		found.retainAll(staff);
		return found;
	}

}
