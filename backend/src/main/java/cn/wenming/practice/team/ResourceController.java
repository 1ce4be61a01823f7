package cn.wenming.practice.team;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.volunteer.ServiceCategory;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerProfile;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * 资源清单: the teams and skilled volunteers of an org subtree, searchable by skill and service
 * category so that residents and staff can find help ("电路坏了、下水堵了、锁开不了了"). Public fields
 * only; open to every logged-in user.
 */
@Controller
class ResourceController {

	private final AccessControl access;

	private final OrgDirectory orgs;

	private final TeamMapper teams;

	private final VolunteerDirectory volunteers;

	ResourceController(AccessControl access, OrgDirectory orgs, TeamMapper teams, VolunteerDirectory volunteers) {
		this.access = access;
		this.orgs = orgs;
		this.teams = teams;
		this.volunteers = volunteers;
	}

	/** Input of {@code resources}. */
	record ResourceFilter(@NotNull Long orgUnitId, @Size(max = 20) String skill, ServiceCategory category) {
	}

	/** What {@code resources} returns: the matching team cards and volunteer profiles. */
	record ResourceResults(List<Team> teams, List<VolunteerProfile> volunteers) {
	}

	/** Up to {@code first} teams and up to {@code first} volunteers. */
	@QueryMapping
	ResourceResults resources(@Argument @Valid ResourceFilter filter,
			@Argument @Min(1) @Max(Connections.MAX_FIRST) Integer first) {
		this.access.requireUserId();
		int limit = (first == null) ? Connections.DEFAULT_FIRST : first;
		OrgUnitRef unit = this.orgs.require(filter.orgUnitId());
		String category = (filter.category() != null) ? filter.category().name() : null;
		List<Team> teams = this.teams.search(this.orgs.subtreeIds(unit.path()), VolunteerDirectory.likeContains(filter.skill()), category,
				limit);
		List<VolunteerProfile> volunteers = this.volunteers.search(unit.path(), filter.skill(), filter.category(),
				limit);
		return new ResourceResults(teams, volunteers);
	}

}
