package cn.wenming.practice.need;

import java.time.Clock;
import java.time.Instant;

import cn.wenming.practice.project.ProjectError;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.need.NeedTransitions.Move;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.project.ServiceProjects;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Who serves a published need: 派单 by an admin covering the station, or 认领 from the wish wall
 * by a trained volunteer or a team leader; then the assignee accepts or declines a dispatch and
 * starts the service. Only trained volunteers take needs (先培训再上岗).
 */
@Service
class NeedAssignment {

	private final NeedWorkflow workflow;

	private final OrgDirectory orgs;

	private final TeamDirectory teams;

	private final VolunteerDirectory volunteers;

	private final ServiceProjects projects;

	private final AccessControl access;

	private final ApplicationEventPublisher events;

	private final NeedProperties properties;

	private final Clock clock;

	private final NeedConflicts conflicts;

	private final NeedContentCheck content;

	NeedAssignment(NeedWorkflow workflow, OrgDirectory orgs, TeamDirectory teams, VolunteerDirectory volunteers,
			ServiceProjects projects, AccessControl access, ApplicationEventPublisher events, NeedProperties properties,
			Clock clock, NeedConflicts conflicts, NeedContentCheck content) {
		this.conflicts = conflicts;
		this.content = content;
		this.workflow = workflow;
		this.orgs = orgs;
		this.teams = teams;
		this.volunteers = volunteers;
		this.projects = projects;
		this.access = access;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	NeedView dispatch(DispatchNeed command) {
		Need need = this.workflow.load(command.needId());
		Actor actor = this.workflow.requireAdminOfStation(need);
		if ((command.teamId() == null) == (command.volunteerUserId() == null)) {
			throw DomainException.badRequest("须指定一支队伍或一名志愿者（二选一）");
		}
		if (!command.deadline().isAfter(this.clock.instant())) {
			throw new DomainException(CommonError.BAD_REQUEST, "完成期限须晚于现在");
		}
		this.workflow.check(need, Move.DISPATCH);
		requireApplicableProject(need, command.projectId());
		String note;
		if (command.teamId() != null) {
			TeamRef team = this.teams.findTeam(command.teamId())
				.filter(TeamRef::active)
				.orElseThrow(() -> new DomainException(NeedError.NEED_ASSIGNEE_NOT_ELIGIBLE));
			// A team the admin runs, or one based above the station (a township's 支队, the center's 总队);
			// never a team of another subtree, whose admins did not agree to the work.
			OrgUnitRef teamUnit = this.orgs.require(team.orgUnitId());
			if (!actor.isAdminOver(teamUnit.path()) && !teamUnit.contains(this.workflow.stationOf(need))) {
				throw new DomainException(NeedError.NEED_ASSIGNEE_NOT_ELIGIBLE, "只能派给本辖区或上级单位的队伍");
			}
			this.conflicts.requireTeamNotLedByAsking(need, team);
			note = "派给队伍：" + team.name();
		}
		else {
			requireTrainedVolunteer(command.volunteerUserId());
			this.conflicts.requireNotAsking(need, command.volunteerUserId());
			note = "派给志愿者：" + command.volunteerUserId();
		}
		this.workflow.move(need, Move.DISPATCH, actor, note, (update, now) -> {
			update.set(Need::getAssignedTeamId, command.teamId())
				.set(Need::getAssignedUserId, command.volunteerUserId())
				.set(Need::getProjectId, command.projectId())
				.set(Need::getDeadlineAt, command.deadline())
				.set(Need::getDispatchedAt, now);
			this.events.publishEvent(new NeedDispatched(need.getId(), command.teamId(), command.volunteerUserId(),
					command.deadline(), now));
		});
		return this.workflow.reload(actor, need.getId());
	}

	/** 认领 from the wish wall: a trained volunteer for themselves, or a team leader for their team. */
	NeedView claim(ClaimNeed command) {
		Actor actor = this.access.requireActor();
		Need need = this.workflow.load(command.needId());
		Long teamId = command.teamId();
		if (teamId != null) {
			if (!this.teams.isLeader(teamId, actor.userId())) {
				throw DomainException.forbidden();
			}
		}
		else {
			requireTrainedVolunteer(actor.userId());
		}
		// For themselves or as leader for their team: either way the claimant would act as assignee.
		this.conflicts.requireNotAsking(need, actor.userId());
		requireApplicableProject(need, command.projectId());
		this.workflow.move(need, Move.CLAIM, actor, (teamId != null) ? "队长为本队认领" : "志愿者认领",
				(update, now) -> update.set(Need::getAssignedTeamId, teamId)
					.set(Need::getAssignedUserId, (teamId != null) ? null : actor.userId())
					.set(Need::getProjectId, command.projectId())
					.set(Need::getDeadlineAt, claimDeadline(need, now)));
		return this.workflow.reload(actor, need.getId());
	}

	/**
	 * A claim has no dispatched deadline: the end of the resident's desired date when it lies ahead,
	 * else {@code claimCompletionWithin} from now, so a claimed need escalates like a dispatched one.
	 */
	private Instant claimDeadline(Need need, Instant now) {
		if (need.getDesiredDate() != null) {
			Instant endOfDesired = need.getDesiredDate().plusDays(1).atStartOfDay(this.properties.zone()).toInstant();
			if (endOfDesired.isAfter(now)) {
				return endOfDesired;
			}
		}
		return now.plus(this.properties.claimCompletionWithin());
	}

	NeedView accept(long needId) {
		Need need = this.workflow.load(needId);
		Actor actor = this.workflow.requireAssignee(need);
		this.workflow.move(need, Move.ACCEPT, actor, null,
				(update, now) -> this.events.publishEvent(new NeedAccepted(needId, now)));
		return this.workflow.reload(actor, needId);
	}

	/** The assignee declines a dispatch: the need goes back to the wish wall for re-dispatch. */
	NeedView decline(long needId, String reason) {
		Need need = this.workflow.load(needId);
		Actor actor = this.workflow.requireAssignee(need);
		// The resident reads the reason in the timeline: msgSecCheck first, outside the transaction.
		this.content.requirePass(actor, reason.strip());
		// The project came with the dispatch: the next dispatch or claim chooses again.
		this.workflow.move(need, Move.DECLINE, actor, reason.strip(),
				(update, now) -> update.set(Need::getAssignedTeamId, null)
					.set(Need::getAssignedUserId, null)
					.set(Need::getProjectId, null)
					.set(Need::getDeadlineAt, null));
		return this.workflow.reload(actor, needId);
	}

	NeedView start(long needId) {
		Need need = this.workflow.load(needId);
		Actor actor = this.workflow.requireAssignee(need);
		this.workflow.move(need, Move.START, actor, null, (update, now) -> {
		});
		return this.workflow.reload(actor, needId);
	}

	private void requireTrainedVolunteer(long userId) {
		VolunteerRef volunteer = this.volunteers.findByUserId(userId)
			.orElseThrow(() -> new DomainException(NeedError.NEED_ASSIGNEE_NOT_ELIGIBLE, "接单人须为已注册志愿者"));
		if (!volunteer.trained()) {
			// 先培训再上岗: only trained volunteers take needs.
			throw new DomainException(NeedError.NEED_ASSIGNEE_NOT_ELIGIBLE, "志愿者须完成培训后才能接单");
		}
	}

	/** A project, when given, must be ACTIVE and belong to the need's station or a unit above it. */
	private void requireApplicableProject(Need need, Long projectId) {
		if (projectId != null && !this.projects.isApplicable(projectId, this.workflow.stationOf(need).path())) {
			throw new DomainException(ProjectError.PROJECT_NOT_APPLICABLE);
		}
	}

}
