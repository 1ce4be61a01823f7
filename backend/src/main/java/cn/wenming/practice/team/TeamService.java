package cn.wenming.practice.team;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.volunteer.VolunteerError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.auth.Role;
import cn.wenming.practice.auth.RoleChangeCause;
import cn.wenming.practice.auth.RoleGrants;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.DeadlockRetry;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.volunteer.ServiceCategory;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;
import graphql.relay.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Teams (队伍) and membership. Admins covering a team's org unit create, hand over and disband
 * teams; the leader (队长) or such an admin decides join requests and removes members.
 */
@Service
class TeamService {

	private static final Logger log = LoggerFactory.getLogger(TeamService.class);

	private final TeamMapper teams;

	private final TeamTagMapper tags;

	private final TeamMemberMapper members;

	private final JoinRequestMapper requests;

	private final OrgDirectory orgs;

	private final VolunteerDirectory volunteers;

	private final AccessControl access;

	private final RoleGrants roleGrants;

	private final TransactionTemplate tx;

	private final ContentSecurity content;

	private final ApplicationEventPublisher events;

	TeamService(TeamMapper teams, TeamTagMapper tags, TeamMemberMapper members, JoinRequestMapper requests,
			OrgDirectory orgs, VolunteerDirectory volunteers, AccessControl access, RoleGrants roleGrants,
			TransactionTemplate tx, ContentSecurity content, ApplicationEventPublisher events) {
		this.content = content;
		this.events = events;
		this.teams = teams;
		this.tags = tags;
		this.members = members;
		this.requests = requests;
		this.orgs = orgs;
		this.volunteers = volunteers;
		this.access = access;
		this.roleGrants = roleGrants;
		this.tx = tx;
	}

	// --- Admin operations.

	/** What {@link #create} needs; validated at the API edge (lengths, required fields). */
	record CreateTeam(Long orgUnitId, String name, TeamKind kind, String description, Long leaderUserId,
			List<String> skills, List<ServiceCategory> categories) {
	}

	Team create(CreateTeam input) {
		this.access.requireUserId();
		OrgUnitRef unit = this.orgs.require(input.orgUnitId());
		Actor actor = this.access.requireAdminOver(unit.path());
		if (!unit.open()) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
		if (input.kind() == TeamKind.GENERAL && unit.level() != OrgLevel.CENTER) {
			throw DomainException.badRequest("总队只能设在中心");
		}
		VolunteerRef leader = this.volunteers.findByUserId(input.leaderUserId())
			.orElseThrow(() -> new DomainException(VolunteerError.VOLUNTEER_REQUIRED, "队长须为已注册的志愿者"));
		Set<String> skills = normalizeTags(input.skills());
		// Name, description and skill tags are public (资源清单): they must pass msgSecCheck, in one call, before the transaction.
		String description = (input.description() == null) ? null : input.description().strip();
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.PROFILE,
				input.name(), joined(description, String.join("、", skills)));
		Team team = new Team();
		team.setOrgUnitId(unit.id());
		team.setName(input.name().strip());
		team.setKind(input.kind());
		team.setDescription(description);
		team.setLeaderUserId(leader.userId());
		team.setStatus(TeamStatus.ACTIVE);
		team.setActiveFlag(1);
		team.setCreatedBy(actor.userId());
		List<String> categories = (input.categories() == null) ? List.of()
				: input.categories().stream().distinct().map(Enum::name).toList();
		try {
			// A name freed by a disbanded team leaves a delete-marked key entry until purge, on which
			// inserts of that name deadlock; the victim runs again and is told the name is taken.
			DeadlockRetry.run(3, log, "Creating team " + team.getName(), () -> this.tx.execute(status -> {
				team.setId(null);
				// Checked again under the unit's share lock: a close may have committed during msgSecCheck,
				// and its guard counted ACTIVE teams before this one existed.
				if (!this.orgs.lockIfOpen(unit.id())) {
					throw new DomainException(OrgError.ORG_UNIT_CLOSED);
				}
				this.roleGrants.lockForRoleChange(leader.userId());
				this.teams.insert(team);
				if (!skills.isEmpty()) {
					this.tags.insertAll(team.getId(), TeamTagMapper.SKILL, skills);
				}
				if (!categories.isEmpty()) {
					this.tags.insertAll(team.getId(), TeamTagMapper.CATEGORY, categories);
				}
				this.members.add(team.getId(), leader.userId(), leader.id(), TeamRole.LEADER, Instant.now());
				this.events.publishEvent(new TeamMembershipChanged(team.getId(), leader.userId()));
				this.roleGrants.grant(leader.userId(), Role.TEAM_LEADER, null,
						RoleGrants.Change.by(actor.userId(), RoleChangeCause.TEAM_CREATED).filedUnder(unit.id()));
				return null;
			}));
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException(TeamError.TEAM_NAME_TAKEN);
		}
		return this.teams.selectById(team.getId());
	}

	Team changeLeader(long teamId, long newLeaderUserId) {
		Team team = requireTeam(teamId);
		Actor actor = this.access.requireAdminOver(pathOf(team));
		requireActive(team);
		VolunteerRef leader = this.volunteers.findByUserId(newLeaderUserId)
			.orElseThrow(() -> new DomainException(VolunteerError.VOLUNTEER_REQUIRED, "队长须为已注册的志愿者"));
		long oldLeader = team.getLeaderUserId();
		if (oldLeader == newLeaderUserId) {
			return team;
		}
		this.tx.executeWithoutResult(status -> {
			// Both users, in id order so that two hand-overs cannot deadlock.
			this.roleGrants.lockForRoleChange(Math.min(oldLeader, newLeaderUserId));
			this.roleGrants.lockForRoleChange(Math.max(oldLeader, newLeaderUserId));
			Instant now = Instant.now();
			if (this.teams.changeLeader(teamId, oldLeader, newLeaderUserId, now) == 0) {
				throw new DomainException(CommonError.CONFLICT);
			}
			this.members.setRole(teamId, oldLeader, TeamRole.MEMBER);
			this.members.upsertLeader(teamId, newLeaderUserId, leader.id(), now);
			this.events.publishEvent(new TeamMembershipChanged(teamId, newLeaderUserId));
			this.requests.cancelPendingOfUser(teamId, newLeaderUserId, actor.userId(), "已成为队长", now);
			RoleGrants.Change change = RoleGrants.Change.by(actor.userId(), RoleChangeCause.TEAM_LEADER_CHANGED)
				.filedUnder(team.getOrgUnitId());
			this.roleGrants.grant(newLeaderUserId, Role.TEAM_LEADER, null, change);
			revokeLeaderRoleIfLeadsNothing(oldLeader, change);
		});
		return this.teams.selectById(teamId);
	}

	Team disband(long teamId) {
		Team team = requireTeam(teamId);
		Actor actor = this.access.requireAdminOver(pathOf(team));
		// The role taken back is the one of whoever leads the team when it is disbanded: the update is
		// guarded on the leader whose row is locked, and a hand-over committed since the read (its
		// own leader lock released) sends us round again with the new leader.
		long leader = team.getLeaderUserId();
		for (int attempt = 1;; attempt++) {
			long locked = leader;
			Long current = this.tx.execute(status -> {
				this.roleGrants.lockForRoleChange(locked);
				Instant now = Instant.now();
				if (this.teams.disband(teamId, locked, now) == 1) {
					this.requests.cancelPendingOfTeam(teamId, actor.userId(), "队伍已解散", now);
					revokeLeaderRoleIfLeadsNothing(locked, RoleGrants.Change.by(actor.userId(), RoleChangeCause.TEAM_DISBANDED)
						.filedUnder(team.getOrgUnitId()));
					return null;
				}
				Team fresh = this.teams.selectById(teamId);
				if (fresh.getStatus() != TeamStatus.ACTIVE) {
					throw new DomainException(TeamError.TEAM_DISBANDED);
				}
				return fresh.getLeaderUserId();
			});
			if (current == null) {
				return this.teams.selectById(teamId);
			}
			if (attempt >= 3) {
				throw new DomainException(CommonError.CONFLICT);
			}
			leader = current;
		}
	}

	/**
	 * TEAM_LEADER is held while someone leads at least one ACTIVE team. Called with the user's row
	 * locked ({@link RoleGrants#lockForRoleChange}), so the count sees every committed hand-over.
	 */
	private void revokeLeaderRoleIfLeadsNothing(long userId, RoleGrants.Change change) {
		if (this.teams.countActiveLedBy(userId) == 0) {
			this.roleGrants.revoke(userId, Role.TEAM_LEADER, null, change);
		}
	}

	// --- Membership.

	JoinRequest requestToJoin(long teamId, String message) {
		long userId = this.access.requireUserId();
		VolunteerRef volunteer = this.volunteers.requireByUserId(userId);
		Team team = requireTeam(teamId);
		requireActive(team);
		if (this.members.find(teamId, userId) != null) {
			throw new DomainException(TeamError.TEAM_ALREADY_MEMBER);
		}
		String text = (message == null || message.isBlank()) ? null : message.strip();
		// The leader reads the message: it must pass msgSecCheck (the volunteer's openid), outside any transaction.
		this.content.requirePass(this.access.openidOf(userId), ContentSecurity.Scene.COMMENT, null, text);
		JoinRequest request = new JoinRequest();
		request.setTeamId(teamId);
		request.setUserId(userId);
		request.setVolunteerId(volunteer.id());
		request.setMessage(text);
		request.setStatus(JoinRequestStatus.PENDING);
		request.setOpenFlag(1);
		try {
			// Requests at once after a decided one (a double tap) all meet its delete-marked entry in
			// uk_join_request_open and may deadlock on their inserts: the victim, run again, finds the
			// pending request.
			DeadlockRetry.run(3, log, "Join request of user " + userId + " to team " + teamId, () -> {
				request.setId(null);
				return this.requests.insert(request);
			});
		}
		catch (DuplicateKeyException ex) {
			// uk_join_request_open: this person already has a PENDING request for this team.
			throw new DomainException(TeamError.TEAM_JOIN_REQUEST_PENDING);
		}
		return this.requests.selectById(request.getId());
	}

	JoinRequest approve(long requestId) {
		JoinRequest request = requireRequest(requestId);
		Team team = requireTeam(request.getTeamId());
		Actor actor = requireLeaderOrAdmin(team);
		requireActive(team);
		this.tx.executeWithoutResult(status -> {
			Instant now = Instant.now();
			if (this.requests.decide(requestId, JoinRequestStatus.APPROVED, actor.userId(), null, now) == 0) {
				throw new DomainException(TeamError.TEAM_JOIN_REQUEST_CLOSED);
			}
			this.members.add(team.getId(), request.getUserId(), request.getVolunteerId(), TeamRole.MEMBER, now);
			this.events.publishEvent(new TeamMembershipChanged(team.getId(), request.getUserId()));
		});
		return this.requests.selectById(requestId);
	}

	JoinRequest decline(long requestId, String reason) {
		JoinRequest request = requireRequest(requestId);
		Team team = requireTeam(request.getTeamId());
		Actor actor = requireLeaderOrAdmin(team);
		String why = (reason == null || reason.isBlank()) ? null : reason.strip();
		// The volunteer reads the reason: it must pass msgSecCheck (the decider's openid).
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.COMMENT, null, why);
		if (this.requests.decide(requestId, JoinRequestStatus.DECLINED, actor.userId(), why, Instant.now()) == 0) {
			throw new DomainException(TeamError.TEAM_JOIN_REQUEST_CLOSED);
		}
		return this.requests.selectById(requestId);
	}

	Team leave(long teamId) {
		long userId = this.access.requireUserId();
		Team team = requireTeam(teamId);
		removeMember(team, userId);
		return team;
	}

	Team removeMember(long teamId, long userId) {
		Team team = requireTeam(teamId);
		requireLeaderOrAdmin(team);
		removeMember(team, userId);
		return team;
	}

	private void removeMember(Team team, long userId) {
		// In a transaction so that the event is delivered (after the commit) with the removal.
		Boolean removed = this.tx.execute(status -> {
			if (this.members.removeMember(team.getId(), userId) != 1) {
				return false;
			}
			this.events.publishEvent(new TeamMembershipChanged(team.getId(), userId));
			return true;
		});
		if (Boolean.TRUE.equals(removed)) {
			return;
		}
		// Nothing removed: say why.
		TeamMember member = this.members.find(team.getId(), userId);
		if (member == null) {
			throw new DomainException(TeamError.TEAM_NOT_MEMBER);
		}
		throw new DomainException(TeamError.TEAM_LEADER_CANNOT_LEAVE);
	}

	// --- Queries.

	Team byId(long id) {
		this.access.requireUserId();
		return this.teams.selectById(id);
	}

	/** {@code search}, when given, keeps the teams whose name contains it. */
	Connection<Team> inSubtree(long orgUnitId, String search, Integer first, String after) {
		this.access.requireUserId();
		Connections.PageRequest page = Connections.page(first, after);
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		return Connections.of(this.teams.pageInUnits(this.orgs.subtreeIds(unit.path()),
				VolunteerDirectory.likeContains(search), page.afterId(), page.fetchSize()), page, Team::getId);
	}

	List<Team> mine() {
		return this.teams.activeOfMember(this.access.requireUserId());
	}

	Connection<JoinRequest> joinRequests(long teamId, JoinRequestStatus status, Integer first, String after) {
		Connections.PageRequest page = Connections.page(first, after);
		requireLeaderOrAdmin(requireTeam(teamId));
		return Connections.of(this.requests.page(teamId, status, page.afterId(), page.fetchSize()), page,
				JoinRequest::getId);
	}

	Connection<TeamMember> memberPage(long teamId, Integer first, String after) {
		this.access.requireUserId();
		Connections.PageRequest page = Connections.page(first, after);
		requireTeam(teamId);
		return Connections.of(this.members.page(teamId, page.afterId(), page.fetchSize()), page,
				TeamMember::getUserId);
	}

	// --- Helpers.

	/** The team's leader or an admin covering its org unit. */
	private Actor requireLeaderOrAdmin(Team team) {
		Actor actor = this.access.requireActor();
		if (actor.userId() == team.getLeaderUserId() || actor.isAdminOver(pathOf(team))) {
			return actor;
		}
		throw DomainException.forbidden();
	}

	private String pathOf(Team team) {
		return this.orgs.require(team.getOrgUnitId()).path();
	}

	/** Checks the caller is logged in first, so anonymous callers learn nothing about ids. */
	private Team requireTeam(long id) {
		this.access.requireUserId();
		Team team = this.teams.selectById(id);
		if (team == null) {
			throw DomainException.notFound("队伍");
		}
		return team;
	}

	private JoinRequest requireRequest(long id) {
		this.access.requireUserId();
		JoinRequest request = this.requests.selectById(id);
		if (request == null) {
			throw DomainException.notFound("入队申请");
		}
		return request;
	}

	private static void requireActive(Team team) {
		if (team.getStatus() != TeamStatus.ACTIVE) {
			throw new DomainException(TeamError.TEAM_DISBANDED);
		}
	}

	private static String joined(String first, String second) {
		if (first == null || first.isBlank()) {
			return second;
		}
		return (second == null || second.isBlank()) ? first : first + "\n" + second;
	}

	static Set<String> normalizeTags(List<String> values) {
		Set<String> result = new LinkedHashSet<>();
		if (values != null) {
			for (String value : values) {
				if (value != null && !value.isBlank()) {
					result.add(value.strip());
				}
			}
		}
		return result;
	}

}
