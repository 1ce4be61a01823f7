package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.team.TeamError;
import cn.wenming.practice.volunteer.VolunteerError;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.media.PhotoSubject;
import cn.wenming.practice.media.Photos;
import cn.wenming.practice.need.NeedTransitions.Move;
import cn.wenming.practice.shared.ContentSecurity.Scene;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The assignee completes the service: a note, the volunteers who served (registered volunteers;
 * members of the assigned team when a team took it) with their hours, and photos. The hours are
 * awarded by the listeners of {@link NeedCompleted}.
 */
@Service
class NeedCompletion {

	private final NeedWorkflow workflow;

	private final NeedParticipantMapper participants;

	private final VolunteerDirectory volunteers;

	private final TeamDirectory teams;

	private final NeedContentCheck content;

	private final Photos photos;

	private final ApplicationEventPublisher events;

	private final NeedConflicts conflicts;

	NeedCompletion(NeedWorkflow workflow, NeedParticipantMapper participants, VolunteerDirectory volunteers,
			TeamDirectory teams, NeedContentCheck content, Photos photos, ApplicationEventPublisher events,
			NeedConflicts conflicts) {
		this.conflicts = conflicts;
		this.workflow = workflow;
		this.participants = participants;
		this.volunteers = volunteers;
		this.teams = teams;
		this.content = content;
		this.photos = photos;
		this.events = events;
	}

	NeedView complete(CompleteNeed command) {
		Need need = this.workflow.load(command.needId());
		Actor actor = this.workflow.requireAssignee(need);
		// A resident who became the assigned team's leader after the dispatch still does not complete it.
		this.conflicts.requireNotAsking(need, actor.userId());
		this.workflow.check(need, Move.COMPLETE);
		List<NeedParticipant> rows = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (CompleteNeed.Participant p : command.participants()) {
			if (!seen.add(p.userId())) {
				throw new DomainException(CommonError.BAD_REQUEST, "参与者重复");
			}
			VolunteerRef volunteer = this.volunteers.findByUserId(p.userId())
				.orElseThrow(() -> new DomainException(VolunteerError.VOLUNTEER_REQUIRED, "参与者须为已注册志愿者"));
			if (need.getAssignedTeamId() != null && !this.teams.isMember(need.getAssignedTeamId(), p.userId())) {
				throw new DomainException(TeamError.TEAM_NOT_MEMBER, "参与者须为接单队伍的队员");
			}
			// The resident (or whoever entered the need) is never credited for serving it.
			this.conflicts.requireNotAsking(need, p.userId());
			NeedParticipant row = new NeedParticipant();
			row.setNeedId(need.getId());
			row.setUserId(p.userId());
			row.setVolunteerId(volunteer.id());
			row.setHours(BigDecimal.valueOf(p.hours()).setScale(1, RoundingMode.HALF_UP));
			rows.add(row);
		}
		String note = command.note().strip();
		List<Long> photoIds = this.photos.validateIds(command.photoIds());
		ContentHold hold = this.content.check(actor, Scene.COMMENT, null, note);
		// A held note stays out of the timeline, which the resident sees; the need keeps the text.
		this.workflow.move(need, Move.COMPLETE, actor, (hold == null) ? note : "完成说明待审核", (update, now) -> {
			update.set(Need::getCompletedAt, now)
				.set(Need::getCompletionNote, note)
				.set(Need::getCompletionNoteHold, hold);
			rows.forEach(this.participants::insert);
			this.photos.attach(actor.userId(), photoIds, PhotoSubject.NEED_COMPLETION, need.getId());
			// Delivered to @TransactionalEventListener consumers only once this transaction commits.
			this.events.publishEvent(new NeedCompleted(need.getId(), need.getStationId(), rows.stream()
				.map(r -> new NeedCompleted.Participant(r.getUserId(), r.getVolunteerId(), r.getHours()))
				.toList(), now));
		});
		return this.workflow.reload(actor, need.getId());
	}

}
