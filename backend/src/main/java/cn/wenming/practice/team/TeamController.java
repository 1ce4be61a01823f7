package cn.wenming.practice.team;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.volunteer.ServiceCategory;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerProfile;
import graphql.relay.Connection;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Teams, membership and join requests. Team fields are public to logged-in users (队伍是公开的);
 * join requests only to the leader and covering admins (checked in {@link TeamService}). Every
 * field that needs a query is a {@code @BatchMapping}, so a list of teams costs a fixed number of
 * statements. Batch fields answer with lists in source order, except those that may be null: a list
 * answer cannot hold null (Spring GraphQL streams it through a Flux), so they answer with a map
 * whose absent key is null.
 */
@Controller
class TeamController {

	/** How many members {@code Team.members} lists; the full roster is {@code teamMembers}. */
	static final int MEMBERS_SHOWN = 100;

	private final TeamService service;

	private final TeamMapper teams;

	private final TeamTagMapper tags;

	private final TeamMemberMapper members;

	private final OrgDirectory orgs;

	private final VolunteerDirectory volunteers;

	TeamController(TeamService service, TeamMapper teams, TeamTagMapper tags, TeamMemberMapper members,
			OrgDirectory orgs, VolunteerDirectory volunteers) {
		this.service = service;
		this.teams = teams;
		this.tags = tags;
		this.members = members;
		this.orgs = orgs;
		this.volunteers = volunteers;
	}

	/** Input of {@code createTeam}. */
	record CreateTeamInput(@NotNull Long orgUnitId, @NotBlank @Size(max = 60) String name, @NotNull TeamKind kind,
			@Size(max = 500) String description, @NotNull Long leaderUserId,
			@Size(max = 20) List<@NotNull @Size(max = 20) String> skills,
			@Size(max = 5) List<@NotNull ServiceCategory> categories) {

		TeamService.CreateTeam command() {
			return new TeamService.CreateTeam(this.orgUnitId, this.name, this.kind, this.description,
					this.leaderUserId, this.skills, this.categories);
		}

	}

	@MutationMapping
	Team createTeam(@Argument @Valid CreateTeamInput input) {
		return this.service.create(input.command());
	}

	@MutationMapping
	Team changeTeamLeader(@Argument long teamId, @Argument long userId) {
		return this.service.changeLeader(teamId, userId);
	}

	@MutationMapping
	Team disbandTeam(@Argument long teamId) {
		return this.service.disband(teamId);
	}

	@MutationMapping
	JoinRequest requestToJoinTeam(@Argument long teamId, @Argument @Size(max = 200) String message) {
		return this.service.requestToJoin(teamId, message);
	}

	@MutationMapping
	JoinRequest approveJoinRequest(@Argument long requestId) {
		return this.service.approve(requestId);
	}

	@MutationMapping
	JoinRequest declineJoinRequest(@Argument long requestId, @Argument @Size(max = 200) String reason) {
		return this.service.decline(requestId, reason);
	}

	@MutationMapping
	Team leaveTeam(@Argument long teamId) {
		return this.service.leave(teamId);
	}

	@MutationMapping
	Team removeTeamMember(@Argument long teamId, @Argument long userId) {
		return this.service.removeMember(teamId, userId);
	}

	@QueryMapping
	Team team(@Argument long id) {
		return this.service.byId(id);
	}

	@QueryMapping
	Connection<Team> teams(@Argument long orgUnitId, @Argument @Size(max = 60) String search,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.inSubtree(orgUnitId, search, first, after);
	}

	@QueryMapping
	List<Team> myTeams() {
		return this.service.mine();
	}

	@QueryMapping
	Connection<JoinRequest> teamJoinRequests(@Argument long teamId, @Argument JoinRequestStatus status,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.joinRequests(teamId, status, first, after);
	}

	@QueryMapping
	Connection<TeamMember> teamMembers(@Argument long teamId,
			@Argument @Min(0) @Max(Connections.MAX_FIRST) Integer first, @Argument String after) {
		return this.service.memberPage(teamId, first, after);
	}

	// --- Team.

	@BatchMapping(typeName = "Team")
	List<String> orgUnitName(List<Team> teams) {
		return unitNames(teams);
	}

	@BatchMapping(typeName = "Team")
	List<List<String>> skills(List<Team> teams) {
		return tagLists(teams, TeamTagMapper.SKILL, Function.identity());
	}

	@BatchMapping(typeName = "Team")
	List<List<ServiceCategory>> categories(List<Team> teams) {
		return tagLists(teams, TeamTagMapper.CATEGORY, ServiceCategory::valueOf);
	}

	@BatchMapping(typeName = "Team")
	List<Integer> memberCount(List<Team> teams) {
		return memberCounts(teams);
	}

	/** Null when the team has no leader row (map answer, see the class comment). */
	@BatchMapping(typeName = "Team")
	Map<Team, TeamMember> leader(List<Team> teams) {
		Map<Long, TeamMember> byTeam = this.members.leadersOf(ids(teams))
			.stream()
			.collect(Collectors.toMap(TeamMember::getTeamId, Function.identity(), (a, b) -> a));
		Map<Team, TeamMember> leaders = new HashMap<>();
		teams.forEach(team -> Optional.ofNullable(byTeam.get(team.getId())).ifPresent(l -> leaders.put(team, l)));
		return leaders;
	}

	@BatchMapping(typeName = "Team")
	List<List<TeamMember>> members(List<Team> teams) {
		Map<Long, List<TeamMember>> byTeam = this.members.firstMembersOf(ids(teams), MEMBERS_SHOWN)
			.stream()
			.collect(Collectors.groupingBy(TeamMember::getTeamId));
		return teams.stream().map(team -> byTeam.getOrDefault(team.getId(), List.of())).toList();
	}

	// --- TeamCard (the public card in the resources list).

	@BatchMapping(typeName = "TeamCard", field = "orgUnitName")
	List<String> cardOrgUnitName(List<Team> teams) {
		return unitNames(teams);
	}

	@BatchMapping(typeName = "TeamCard", field = "skills")
	List<List<String>> cardSkills(List<Team> teams) {
		return tagLists(teams, TeamTagMapper.SKILL, Function.identity());
	}

	@BatchMapping(typeName = "TeamCard", field = "categories")
	List<List<ServiceCategory>> cardCategories(List<Team> teams) {
		return tagLists(teams, TeamTagMapper.CATEGORY, ServiceCategory::valueOf);
	}

	@BatchMapping(typeName = "TeamCard", field = "memberCount")
	List<Integer> cardMemberCount(List<Team> teams) {
		return memberCounts(teams);
	}

	// --- TeamMember and TeamJoinRequest.

	@BatchMapping(typeName = "TeamMember")
	Map<TeamMember, VolunteerProfile> volunteer(List<TeamMember> members) {
		Map<Long, VolunteerProfile> profiles = this.volunteers
			.profiles(members.stream().map(TeamMember::getVolunteerId).toList());
		Map<TeamMember, VolunteerProfile> result = new HashMap<>();
		members.forEach(member -> Optional.ofNullable(profiles.get(member.getVolunteerId()))
			.ifPresent(profile -> result.put(member, profile)));
		return result;
	}

	@BatchMapping(typeName = "TeamJoinRequest")
	Map<JoinRequest, VolunteerProfile> applicant(List<JoinRequest> requests) {
		Map<Long, VolunteerProfile> profiles = this.volunteers
			.profiles(requests.stream().map(JoinRequest::getVolunteerId).toList());
		Map<JoinRequest, VolunteerProfile> result = new HashMap<>();
		requests.forEach(request -> Optional.ofNullable(profiles.get(request.getVolunteerId()))
			.ifPresent(profile -> result.put(request, profile)));
		return result;
	}

	@BatchMapping(typeName = "TeamJoinRequest")
	Map<JoinRequest, Team> team(List<JoinRequest> requests) {
		Map<Long, Team> byId = this.teams.findByIds(requests.stream().map(JoinRequest::getTeamId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Team::getId, Function.identity()));
		Map<JoinRequest, Team> result = new HashMap<>();
		requests.forEach(request -> Optional.ofNullable(byId.get(request.getTeamId()))
			.ifPresent(team -> result.put(request, team)));
		return result;
	}

	@SchemaMapping(typeName = "TeamJoinRequest")
	Long applicantUserId(JoinRequest request) {
		return request.getUserId();
	}

	// --- Helpers.

	private List<String> unitNames(List<Team> teams) {
		Map<Long, OrgUnitRef> units = this.orgs.findAll(teams.stream().map(Team::getOrgUnitId).toList());
		return teams.stream().map(team -> {
			OrgUnitRef unit = units.get(team.getOrgUnitId());
			return (unit != null) ? unit.name() : "";
		}).toList();
	}

	private <V> List<List<V>> tagLists(List<Team> teams, String kind, Function<String, V> convert) {
		Map<Long, List<V>> byTeam = this.tags.findByTeams(ids(teams))
			.stream()
			.filter(row -> row.kind.equals(kind))
			.collect(Collectors.groupingBy(row -> row.teamId,
					Collectors.mapping(row -> convert.apply(row.value), Collectors.toList())));
		return teams.stream().map(team -> byTeam.getOrDefault(team.getId(), List.of())).toList();
	}

	private List<Integer> memberCounts(List<Team> teams) {
		Map<Long, Integer> counts = this.members.countByTeams(ids(teams))
			.stream()
			.collect(Collectors.toMap(row -> row.teamId, row -> row.n));
		return teams.stream().map(team -> counts.getOrDefault(team.getId(), 0)).toList();
	}

	private static List<Long> ids(List<Team> teams) {
		return teams.stream().map(Team::getId).distinct().toList();
	}


}
