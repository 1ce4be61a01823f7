package cn.wenming.practice.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.UserNicknames;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgStatistics;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.team.TeamDirectory;

import org.springframework.stereotype.Service;

/**
 * The drill-down of {@code STAFF_TRAINING_COVERAGE}: the staff and 骨干 of a unit's subtree, each once
 * (at the first unit, by the tree's order, they serve), with the sessions they attended this year up
 * to the end of the month; by default only those who attended none. A fixed number of statements.
 */
@Service
class StaffTrainingCoverage {

	private final AssessmentService assessments;

	private final OrgDirectory orgs;

	private final OrgStatistics orgStatistics;

	private final TeamDirectory teams;

	private final UserNicknames nicknames;

	private final AccessControl access;

	StaffTrainingCoverage(AssessmentService assessments, OrgDirectory orgs, OrgStatistics orgStatistics,
			TeamDirectory teams, UserNicknames nicknames, AccessControl access) {
		this.assessments = assessments;
		this.orgs = orgs;
		this.orgStatistics = orgStatistics;
		this.teams = teams;
		this.nicknames = nicknames;
		this.access = access;
	}

	/** GraphQL {@code StaffTrainingPerson}. */
	record Person(long userId, String nickname, long orgUnitId, String orgUnitName,
			List<AssessmentService.Role> roles, int sessionsAttended) {
	}

	List<Person> of(long orgUnitId, int year, int month, boolean missingOnly) {
		OrgUnitRef root = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(root.path());
		List<OrgUnitRef> units = this.orgStatistics.subtree(root.id());
		List<Long> unitIds = units.stream().map(OrgUnitRef::id).toList();
		AssessmentService.StaffPeople people = this.assessments.staffPeople(unitIds,
				this.teams.activeTeamsInUnits(unitIds), LocalDate.of(year, 1, 1),
				LocalDate.of(year, month, 1).plusMonths(1));
		Map<Long, String> names = this.nicknames.of(people.roles().keySet());
		List<Person> result = new ArrayList<>();
		Set<Long> seen = new java.util.HashSet<>();
		for (OrgUnitRef unit : units) {
			for (Long userId : people.byUnit().getOrDefault(unit.id(), Set.of()).stream().sorted().toList()) {
				int attended = people.attended().getOrDefault(userId, 0);
				if (!seen.add(userId) || (missingOnly && attended > 0)) {
					continue;
				}
				result.add(new Person(userId, names.get(userId), unit.id(), unit.name(),
						people.roles().get(userId).stream().sorted(Comparator.naturalOrder()).toList(), attended));
			}
		}
		return result;
	}

}
