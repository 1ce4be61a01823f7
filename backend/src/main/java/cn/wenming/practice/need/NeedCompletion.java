package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
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
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The assignee completes the service: a note, the volunteers who served (registered volunteers;
 * members of the assigned team when a team took it) with their hours, and photos. The hours are
 * claims: bounded by the time served (start to completion plus {@code app.need.hours-allowance}),
 * from trained volunteers of the team or of the station's subtree, at most
 * {@code app.need.max-participants}; recorded PENDING until {@link NeedHoursConfirmation}.
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

	private final OrgDirectory orgs;

	private final NeedProperties properties;

	private final Clock clock;

	NeedCompletion(NeedWorkflow workflow, NeedParticipantMapper participants, VolunteerDirectory volunteers,
			TeamDirectory teams, NeedContentCheck content, Photos photos, ApplicationEventPublisher events,
			NeedConflicts conflicts, OrgDirectory orgs, NeedProperties properties, Clock clock) {
		this.conflicts = conflicts;
		this.orgs = orgs;
		this.properties = properties;
		this.clock = clock;
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
		if (command.participants().size() > this.properties.maxParticipants()) {
			throw new DomainException(NeedError.NEED_TOO_MANY_PARTICIPANTS,
					"参与者最多 " + this.properties.maxParticipants() + " 人");
		}
		// The resident alone unless the assignee says how many were served (a group need, a 走访 household).
		int beneficiaries = (command.beneficiaries() == null) ? 1 : command.beneficiaries();
		NeedBeneficiaries.validate(beneficiaries);
		BigDecimal maxHours = maxHours(need);
		OrgUnitRef station = this.orgs.require(need.getStationId());
		List<NeedParticipant> rows = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		List<VolunteerRef> refs = new ArrayList<>();
		for (CompleteNeed.Participant p : command.participants()) {
			if (!seen.add(p.userId())) {
				throw new DomainException(CommonError.BAD_REQUEST, "参与者重复");
			}
			VolunteerRef volunteer = this.volunteers.findByUserId(p.userId())
				.orElseThrow(() -> new DomainException(VolunteerError.VOLUNTEER_REQUIRED, "参与者须为已注册志愿者"));
			if (!volunteer.trained()) {
				throw new DomainException(NeedError.NEED_PARTICIPANT_NOT_ELIGIBLE, "参与者须为已培训的志愿者");
			}
			if (need.getAssignedTeamId() != null && !this.teams.isMember(need.getAssignedTeamId(), p.userId())) {
				throw new DomainException(TeamError.TEAM_NOT_MEMBER, "参与者须为接单队伍的队员");
			}
			refs.add(volunteer);
			BigDecimal hours = BigDecimal.valueOf(p.hours()).setScale(1, RoundingMode.HALF_UP);
			if (hours.compareTo(maxHours) > 0) {
				throw new DomainException(NeedError.NEED_HOURS_EXCEED_ELAPSED,
						"服务时长不能超过 " + maxHours.stripTrailingZeros().toPlainString() + " 小时");
			}
			// The resident (or whoever entered the need) is never credited for serving it.
			this.conflicts.requireNotAsking(need, p.userId());
			NeedParticipant row = new NeedParticipant();
			row.setNeedId(need.getId());
			row.setUserId(p.userId());
			row.setVolunteerId(volunteer.id());
			row.setHours(hours);
			row.setHoursStatus(NeedHoursStatus.PENDING);
			rows.add(row);
		}
		if (need.getAssignedTeamId() == null) {
			requireInStationSubtree(station, refs);
		}
		String note = command.note().strip();
		List<Long> photoIds = this.photos.validateIds(command.photoIds());
		ContentHold hold = this.content.check(actor, Scene.COMMENT, null, note);
		// A held note stays out of the timeline, which the resident sees; the need keeps the text.
		this.workflow.move(need, Move.COMPLETE, actor, (hold == null) ? note : "完成说明待审核", (update, now) -> {
			update.set(Need::getCompletedAt, now)
				.set(Need::getCompletionNote, note)
				.set(Need::getCompletionNoteHold, hold)
				.set(Need::getBeneficiaries, beneficiaries);
			rows.forEach(this.participants::insert);
			this.photos.attach(actor.userId(), photoIds, PhotoSubject.NEED_COMPLETION, need.getId(), need.getStationId());
			// Delivered to @TransactionalEventListener consumers only once this transaction commits.
			this.events.publishEvent(new NeedCompleted(need.getId(), need.getStationId(), rows.stream()
				.map(r -> new NeedCompleted.Participant(r.getUserId(), r.getVolunteerId(), r.getHours()))
				.toList(), now));
		});
		return this.workflow.reload(actor, need.getId());
	}

	/**
	 * The most hours anyone can have served: from the start of service (the need entered
	 * IN_PROGRESS, which is its current stage) until now, plus the configured allowance.
	 */
	private BigDecimal maxHours(Need need) {
		Instant started = need.getStageStartedAt();
		Duration elapsed = (started == null) ? Duration.ZERO : Duration.between(started, this.clock.instant());
		if (elapsed.isNegative()) {
			elapsed = Duration.ZERO;
		}
		return hoursOf(elapsed.plus(this.properties.hoursAllowance()));
	}

	/** Hours of a duration, to one decimal, rounded down (a bound is never rounded up). */
	static BigDecimal hoursOf(Duration duration) {
		return BigDecimal.valueOf(duration.toMillis()).divide(BigDecimal.valueOf(3_600_000L), 1, RoundingMode.DOWN);
	}

	/** Without a team, participants are volunteers whose home station lies in the need's station's subtree. */
	private void requireInStationSubtree(OrgUnitRef station, List<VolunteerRef> refs) {
		Map<Long, OrgUnitRef> homes = this.orgs
			.findAll(refs.stream().map(VolunteerRef::homeStationId).collect(Collectors.toSet()));
		for (VolunteerRef ref : refs) {
			OrgUnitRef home = homes.get(ref.homeStationId());
			if (home == null || !station.contains(home)) {
				throw new DomainException(NeedError.NEED_PARTICIPANT_NOT_ELIGIBLE, "参与者须为本站点（或其下级）的志愿者");
			}
		}
	}

}
