package cn.wenming.practice.need;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.auth.Role;
import cn.wenming.practice.media.PhotoSubject;
import cn.wenming.practice.media.Photos;
import cn.wenming.practice.need.NeedTransitions.Move;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.project.ServiceProjects;
import cn.wenming.practice.project.ServiceRated;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.ContentSecurity.Scene;
import cn.wenming.practice.shared.ContentSecurity.Verdict;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.ErrorCode;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerRef;
import graphql.relay.Connection;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Needs: ordering, review, dispatch and claim, service and rating. Authorization is here: admins
 * act on needs of stations they cover (materialised path prefix), the assignee (the dispatched or
 * claiming volunteer, or the current leader of the assigned team) serves, the resident who ordered
 * cancels and rates. Status changes go through {@link NeedTransitions} only.
 */
@Service
class NeedService {

	/** How far the nearest station may be when the resident did not choose one (a county's width). */
	static final int NEAREST_STATION_RADIUS_METERS = 30_000;

	private final NeedMapper needs;

	private final NeedCategoryMapper categories;

	private final NeedParticipantMapper participants;

	private final NeedTransitions transitions;

	private final OrgDirectory orgs;

	private final TeamDirectory teams;

	private final VolunteerDirectory volunteers;

	private final AccessControl access;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final ContentSecurity content;

	private final Clock clock;

	private final Photos photos;

	private final NeedProperties properties;

	private final ServiceProjects projects;

	NeedService(NeedMapper needs, NeedCategoryMapper categories, NeedParticipantMapper participants,
			NeedTransitions transitions, OrgDirectory orgs, TeamDirectory teams, VolunteerDirectory volunteers,
			AccessControl access, TransactionTemplate tx, ApplicationEventPublisher events, ContentSecurity content,
			Clock clock, Photos photos, NeedProperties properties, ServiceProjects projects) {
		this.projects = projects;
		this.photos = photos;
		this.properties = properties;
		this.content = content;
		this.clock = clock;
		this.needs = needs;
		this.categories = categories;
		this.participants = participants;
		this.transitions = transitions;
		this.orgs = orgs;
		this.teams = teams;
		this.volunteers = volunteers;
		this.access = access;
		this.tx = tx;
		this.events = events;
	}

	// --- Categories.

	List<NeedCategory> categories(boolean includeDisabled) {
		Actor actor = this.access.currentActor();
		boolean center = actor != null && actor.has(Role.CENTER_ADMIN);
		return this.categories.listAll(includeDisabled && center);
	}

	NeedCategory addCategory(String name) {
		requireCenterAdmin();
		NeedCategory category = new NeedCategory();
		category.setName(name.strip());
		category.setSortOrder(this.categories.maxSortOrder() + 10);
		category.setEnabled(true);
		try {
			this.categories.insert(category);
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException(ErrorCode.NEED_CATEGORY_NAME_TAKEN);
		}
		return this.categories.selectById(category.getId());
	}

	NeedCategory renameCategory(long id, String name) {
		requireCenterAdmin();
		NeedCategory category = requireCategory(id);
		category.setName(name.strip());
		try {
			this.categories.updateById(category);
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException(ErrorCode.NEED_CATEGORY_NAME_TAKEN);
		}
		return this.categories.selectById(id);
	}

	NeedCategory disableCategory(long id) {
		requireCenterAdmin();
		NeedCategory category = requireCategory(id);
		category.setEnabled(false);
		this.categories.updateById(category);
		return this.categories.selectById(id);
	}

	private void requireCenterAdmin() {
		if (!this.access.requireActor().has(Role.CENTER_ADMIN)) {
			throw DomainException.forbidden();
		}
	}

	private NeedCategory requireCategory(long id) {
		NeedCategory category = this.categories.selectById(id);
		if (category == null) {
			throw new DomainException(ErrorCode.NEED_CATEGORY_UNKNOWN);
		}
		return category;
	}

	// --- 点单.

	Need submit(NeedController.SubmitNeedInput input) {
		Actor actor = this.access.requireActor();
		NeedCategory category = this.categories.selectById(input.categoryId());
		if (category == null || !Boolean.TRUE.equals(category.getEnabled())) {
			throw new DomainException(ErrorCode.NEED_CATEGORY_UNKNOWN);
		}
		NeedSource source = (input.source() == null) ? NeedSource.ONLINE : input.source();
		List<Long> photoIds = this.photos.validateIds(input.photoIds());
		OrgUnitRef station = stationFor(input);
		if (source.assisted()) {
			// 代录: staff enter an offline need on the resident's behalf, only at a station they cover.
			if (!actor.isAdminOver(station.path())) {
				throw DomainException.forbidden();
			}
			if (input.consentNote() == null || input.consentNote().isBlank()) {
				throw new DomainException(ErrorCode.BAD_REQUEST, "代录需求须填写群众知情同意说明");
			}
		}
		Need need = new Need();
		need.setCategoryId(category.getId());
		need.setTitle(input.title().strip());
		need.setDescription(input.description().strip());
		need.setBeneficiaryType(input.beneficiaryType());
		need.setUrgency(input.urgency());
		need.setAddress(input.address().strip());
		need.setLatitude(decimal(input.latitude()));
		need.setLongitude(decimal(input.longitude()));
		need.setContactName(input.contactName().strip());
		need.setContactPhone(input.contactPhone().strip());
		need.setDesiredDate(parseDate(input.desiredDate()));
		need.setStationId(station.id());
		need.setSource(source);
		need.setConsentNote(source.assisted() ? input.consentNote().strip() : null);
		need.setResidentUserId(source.assisted() ? null : actor.userId());
		need.setCreatedBy(actor.userId());
		need.setStatus(NeedStatus.SUBMITTED);
		need.setVersion(0);
		// Before anything is stored and outside the transaction: a WeChat call may take seconds.
		ContentHold hold = checked(actor, Scene.FORUM, need.getTitle(), need.getDescription());
		need.setContentHold(hold);
		Instant now = this.clock.instant();
		// The application clock, not the fill handler's system time: stage deadlines and the monthly
		// 落实清单 compare created_at with clock time.
		need.setCreatedAt(now);
		need.setUpdatedAt(now);
		this.tx.executeWithoutResult(status -> {
			if (this.needs.lockOpenStation(station.id()) == null) {
				throw new DomainException(ErrorCode.ORG_UNIT_CLOSED);
			}
			this.needs.insert(need);
			// The submitter's own uploads (the resident, or the staff member for an assisted order).
			this.photos.attach(actor.userId(), photoIds, PhotoSubject.NEED, need.getId());
			this.transitions.record(need.getId(), null, NeedStatus.SUBMITTED, actor.userId(),
					submissionNote(source, hold), now);
		});
		return view(actor, this.needs.selectById(need.getId()));
	}

	private static String submissionNote(NeedSource source, ContentHold hold) {
		String assisted = source.assisted() ? "代录：" + source : null;
		if (hold == null) {
			return assisted;
		}
		String held = "内容待人工审核（" + hold + "）";
		return (assisted == null) ? held : assisted + "；" + held;
	}

	/**
	 * WeChat's verdict on text the actor wrote: risky is refused ({@code CONTENT_REJECTED}, nothing
	 * stored), review or unavailable is a hold, pass is null.
	 */
	private ContentHold checked(Actor actor, Scene scene, String title, String text) {
		Verdict verdict = this.content.check(this.access.openidOf(actor.userId()), scene, title, text);
		if (verdict == Verdict.RISKY) {
			throw new DomainException(ErrorCode.CONTENT_REJECTED);
		}
		return ContentHold.of(verdict);
	}

	private OrgUnitRef stationFor(NeedController.SubmitNeedInput input) {
		if (input.stationId() == null) {
			return this.orgs.nearestOpenStation(input.latitude(), input.longitude(), NEAREST_STATION_RADIUS_METERS)
				.orElseThrow(() -> new DomainException(ErrorCode.NEED_NO_STATION_NEARBY));
		}
		OrgUnitRef station = this.orgs.require(input.stationId());
		if (station.level() != OrgLevel.STATION) {
			throw DomainException.badRequest("需求须提交到新时代文明实践站");
		}
		if (!station.open()) {
			throw new DomainException(ErrorCode.ORG_UNIT_CLOSED);
		}
		return station;
	}

	// --- Reads.

	/** The need as the caller may see it, or null when they may not see it at all. */
	Need find(long id) {
		Actor actor = this.access.requireActor();
		Need need = this.needs.selectById(id);
		if (need == null) {
			return null;
		}
		boolean privileged = privileged(actor, need);
		if (!privileged && !NeedStatus.PUBLIC.contains(need.getStatus())) {
			return null;
		}
		return view(actor, need, privileged);
	}

	Connection<Need> mine(Connections.PageRequest page) {
		long userId = this.access.requireUserId();
		List<Need> rows = this.needs.pageOfResident(userId, page.afterId(), page.fetchSize());
		// The resident wrote the rating comment, not the completion note: a held note stays hidden.
		rows.forEach(need -> need.withPrivateVisible(true).withHeldTextsVisible(false, true));
		return Connections.of(rows, page, Need::getId);
	}

	/** The public wish wall: published needs in the subtree, public fields only (the type has no others). */
	Connection<Need> wishWall(long orgUnitId, Connections.PageRequest page) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		List<Need> rows = this.needs.pageInSubtree(unit.path(), NeedStatus.PUBLISHED, page.afterId(), page.fetchSize());
		return Connections.of(rows, page, Need::getId);
	}

	Connection<Need> stationNeeds(long orgUnitId, NeedStatus status, Connections.PageRequest page) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		List<Need> rows = this.needs.pageInSubtree(unit.path(), status, page.afterId(), page.fetchSize());
		// Every row lies under a unit the caller administers.
		rows.forEach(need -> need.withPrivateVisible(true).withHeldTextsVisible(true, true));
		return Connections.of(rows, page, Need::getId);
	}

	/**
	 * Needs of the unit's subtree escalated to the unit's own level: a 所 admin sees what was
	 * escalated to 所 level in their 所, the center what reached the center. Stations and points are
	 * not escalation targets, so their list is empty.
	 */
	Connection<Need> overdue(long orgUnitId, Connections.PageRequest page) {
		OrgUnitRef unit = this.orgs.require(orgUnitId);
		this.access.requireAdminOver(unit.path());
		if (unit.level() != OrgLevel.INSTITUTE && unit.level() != OrgLevel.CENTER) {
			return Connections.of(List.of(), page, Need::getId);
		}
		List<Need> rows = this.needs.pageEscalatedInSubtree(unit.path(), unit.level(), page.afterId(),
				page.fetchSize());
		rows.forEach(need -> need.withPrivateVisible(true).withHeldTextsVisible(true, true));
		return Connections.of(rows, page, Need::getId);
	}

	/**
	 * An admin's review of a held completion note or rating comment: approved, it is shown to
	 * everyone who sees the need; refused, it is removed. Not a status change, so no history row.
	 */
	Need reviewText(long needId, NeedTextPart part, boolean approve) {
		Need need = requireNeed(needId);
		Actor actor = requireAdminOfStation(need);
		String text = (part == NeedTextPart.COMPLETION_NOTE) ? "completion_note" : "rating_comment";
		var update = new com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper<Need>().eq("id", needId)
			.isNotNull(text + "_hold")
			.set(text + "_hold", null)
			.set("updated_at", this.clock.instant());
		if (!approve) {
			update.set(text, null);
		}
		if (this.needs.update(null, update) == 0) {
			throw new DomainException(ErrorCode.NEED_INVALID_STATE, "该内容没有待审核的记录");
		}
		return reload(actor, needId);
	}

	// --- Review and dispatch (admins covering the station).

	Need publish(long needId, String note) {
		Need need = requireNeed(needId);
		Actor actor = requireAdminOfStation(need);
		// The station's review is the human review a held text waits for: publishing clears the hold.
		move(need, Move.PUBLISH, actor, blankToNull(note), (update, now) -> {
			update.set("published_at", now).set("content_hold", null);
			this.events.publishEvent(new NeedPublished(needId, now));
		});
		return reload(actor, needId);
	}

	Need reject(long needId, String reason) {
		Need need = requireNeed(needId);
		Actor actor = requireAdminOfStation(need);
		move(need, Move.REJECT, actor, reason.strip(),
				(update, now) -> this.events.publishEvent(new NeedRejected(needId, reason.strip(), now)));
		return reload(actor, needId);
	}

	Need dispatch(NeedController.DispatchNeedInput input) {
		Need need = requireNeed(input.needId());
		Actor actor = requireAdminOfStation(need);
		if ((input.teamId() == null) == (input.volunteerUserId() == null)) {
			throw DomainException.badRequest("须指定一支队伍或一名志愿者（二选一）");
		}
		if (!input.deadline().isAfter(this.clock.instant())) {
			throw new DomainException(ErrorCode.BAD_REQUEST, "完成期限须晚于现在");
		}
		this.transitions.check(need, Move.DISPATCH);
		requireApplicableProject(need, input.projectId());
		String note;
		if (input.teamId() != null) {
			TeamRef team = this.teams.findTeam(input.teamId())
				.filter(TeamRef::active)
				.orElseThrow(() -> new DomainException(ErrorCode.NEED_ASSIGNEE_NOT_ELIGIBLE));
			// A team the admin runs, or one based above the station (a township's 支队, the center's 总队);
			// never a team of another subtree, whose admins did not agree to the work.
			OrgUnitRef teamUnit = this.orgs.require(team.orgUnitId());
			if (!actor.isAdminOver(teamUnit.path()) && !teamUnit.contains(stationOf(need))) {
				throw new DomainException(ErrorCode.NEED_ASSIGNEE_NOT_ELIGIBLE, "只能派给本辖区或上级单位的队伍");
			}
			note = "派给队伍：" + team.name();
		}
		else {
			requireTrainedVolunteer(input.volunteerUserId());
			note = "派给志愿者：" + input.volunteerUserId();
		}
		move(need, Move.DISPATCH, actor, note, (update, now) -> {
			update.set("assigned_team_id", input.teamId())
				.set("assigned_user_id", input.volunteerUserId())
				.set("project_id", input.projectId())
				.set("deadline_at", input.deadline())
				.set("dispatched_at", now);
			this.events.publishEvent(
					new NeedDispatched(need.getId(), input.teamId(), input.volunteerUserId(), input.deadline(), now));
		});
		return reload(actor, need.getId());
	}

	// --- 接单 (the assignee).

	/** 认领 from the wish wall: a trained volunteer for themselves, or a team leader for their team. */
	Need claim(long needId, Long teamId, Long projectId) {
		Actor actor = this.access.requireActor();
		Need need = requireNeed(needId);
		if (teamId != null) {
			if (!this.teams.isLeader(teamId, actor.userId())) {
				throw DomainException.forbidden();
			}
		}
		else {
			requireTrainedVolunteer(actor.userId());
		}
		requireApplicableProject(need, projectId);
		move(need, Move.CLAIM, actor, (teamId != null) ? "队长为本队认领" : "志愿者认领",
				(update, now) -> update.set("assigned_team_id", teamId)
					.set("assigned_user_id", (teamId != null) ? null : actor.userId())
					.set("project_id", projectId)
					.set("deadline_at", claimDeadline(need, now)));
		return reload(actor, needId);
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

	Need accept(long needId) {
		Need need = requireNeed(needId);
		Actor actor = requireAssignee(need);
		move(need, Move.ACCEPT, actor, null, (update, now) -> this.events.publishEvent(new NeedAccepted(needId, now)));
		return reload(actor, needId);
	}

	/** The assignee declines a dispatch: the need goes back to the wish wall for re-dispatch. */
	Need decline(long needId, String reason) {
		Need need = requireNeed(needId);
		Actor actor = requireAssignee(need);
		// The project came with the dispatch: the next dispatch or claim chooses again.
		move(need, Move.DECLINE, actor, reason.strip(), (update, now) -> update.set("assigned_team_id", null)
			.set("assigned_user_id", null)
			.set("project_id", null)
			.set("deadline_at", null));
		return reload(actor, needId);
	}

	Need start(long needId) {
		Need need = requireNeed(needId);
		Actor actor = requireAssignee(need);
		move(need, Move.START, actor, null, (update, now) -> {
		});
		return reload(actor, needId);
	}

	Need complete(NeedController.CompleteNeedInput input) {
		Need need = requireNeed(input.needId());
		Actor actor = requireAssignee(need);
		this.transitions.check(need, Move.COMPLETE);
		List<NeedParticipant> rows = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (NeedController.NeedParticipantInput p : input.participants()) {
			if (!seen.add(p.userId())) {
				throw new DomainException(ErrorCode.BAD_REQUEST, "参与者重复");
			}
			VolunteerRef volunteer = this.volunteers.findByUserId(p.userId())
				.orElseThrow(() -> new DomainException(ErrorCode.VOLUNTEER_REQUIRED, "参与者须为已注册志愿者"));
			if (need.getAssignedTeamId() != null && !this.teams.isMember(need.getAssignedTeamId(), p.userId())) {
				throw new DomainException(ErrorCode.TEAM_NOT_MEMBER, "参与者须为接单队伍的队员");
			}
			NeedParticipant row = new NeedParticipant();
			row.setNeedId(need.getId());
			row.setUserId(p.userId());
			row.setVolunteerId(volunteer.id());
			row.setHours(BigDecimal.valueOf(p.hours()).setScale(1, RoundingMode.HALF_UP));
			rows.add(row);
		}
		String note = input.note().strip();
		List<Long> photoIds = this.photos.validateIds(input.photoIds());
		ContentHold hold = checked(actor, Scene.COMMENT, null, note);
		// A held note stays out of the timeline, which the resident sees; the need keeps the text.
		move(need, Move.COMPLETE, actor, (hold == null) ? note : "完成说明待审核", (update, now) -> {
			update.set("completed_at", now).set("completion_note", note).set("completion_note_hold", hold);
			rows.forEach(this.participants::insert);
			this.photos.attach(actor.userId(), photoIds, PhotoSubject.NEED_COMPLETION, need.getId());
			// Delivered to @TransactionalEventListener consumers only once this transaction commits.
			this.events.publishEvent(new NeedCompleted(need.getId(), need.getStationId(), rows.stream()
				.map(r -> new NeedCompleted.Participant(r.getUserId(), r.getVolunteerId(), r.getHours()))
				.toList(), now));
		});
		return reload(actor, need.getId());
	}

	// --- The resident.

	Need rate(NeedController.RateNeedInput input) {
		Actor actor = this.access.requireActor();
		Need need = requireNeed(input.needId());
		if (need.getResidentUserId() == null || need.getResidentUserId() != actor.userId()) {
			throw DomainException.forbidden();
		}
		String comment = blankToNull(input.comment());
		this.transitions.check(need, Move.RATE);
		ContentHold hold = checked(actor, Scene.COMMENT, null, comment);
		// A held comment stays out of the timeline, which the assignee sees; the need keeps the text.
		move(need, Move.RATE, actor, (hold == null) ? comment : "评价内容待审核", (update, now) -> {
			update.set("rating_stars", input.stars())
				.set("rating_comment", comment)
				.set("rating_comment_hold", hold)
				.set("rated_at", now);
			this.events.publishEvent(new NeedRated(need.getId(), input.stars(), now));
			// The project as of this move: the version guard of the update makes the read current.
			if (need.getProjectId() != null) {
				this.events.publishEvent(new ServiceRated(need.getProjectId(), ServiceRated.Source.NEED, need.getId(),
						input.stars(), now));
			}
		});
		return reload(actor, need.getId());
	}

	/** The resident cancels before anyone accepted; an assisted order may be cancelled by a covering admin. */
	Need cancel(long needId, String reason) {
		Actor actor = this.access.requireActor();
		Need need = requireNeed(needId);
		boolean resident = need.getResidentUserId() != null && need.getResidentUserId() == actor.userId();
		boolean staffForAssisted = need.getResidentUserId() == null && actor.isAdminOver(stationOf(need).path());
		if (!resident && !staffForAssisted) {
			throw DomainException.forbidden();
		}
		move(need, Move.CANCEL, actor, blankToNull(reason), (update, now) -> update.set("assigned_team_id", null)
			.set("assigned_user_id", null));
		return reload(actor, needId);
	}

	// --- Helpers.

	/** Columns a move sets besides the status, and side effects that belong in its transaction. */
	@FunctionalInterface
	interface Changes {

		void apply(com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper<Need> update, Instant now);

	}

	private void move(Need need, Move move, Actor actor, String note, Changes changes) {
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult(
				status -> this.transitions.apply(need, move, actor.userId(), note, now, update -> changes.apply(update, now)));
	}

	/**
	 * Whether the actor may see the need's private fields: the resident who ordered it, an admin
	 * covering its station, or its assignee (the volunteer, or the current leader of the team).
	 */
	boolean privileged(Actor actor, Need need) {
		if (actor == null) {
			return false;
		}
		if (need.getResidentUserId() != null && need.getResidentUserId() == actor.userId()) {
			return true;
		}
		if (isAssignee(actor, need) && !assigneeAccessOver(need)) {
			return true;
		}
		return actor.isAnyAdmin() && actor.isAdminOver(stationOf(need).path());
	}

	/** The assignee's sight of the resident's data ends {@code assigneeAccessAfterClose} after the need closed. */
	private boolean assigneeAccessOver(Need need) {
		return need.getClosedAt() != null
				&& !this.clock.instant().isBefore(need.getClosedAt().plus(this.properties.assigneeAccessAfterClose()));
	}

	private boolean isAssignee(Actor actor, Need need) {
		if (need.getAssignedUserId() != null) {
			return need.getAssignedUserId() == actor.userId();
		}
		return need.getAssignedTeamId() != null && this.teams.isLeader(need.getAssignedTeamId(), actor.userId());
	}

	private Actor requireAssignee(Need need) {
		Actor actor = this.access.requireActor();
		if (!isAssignee(actor, need)) {
			throw DomainException.forbidden();
		}
		return actor;
	}

	private Actor requireAdminOfStation(Need need) {
		return this.access.requireAdminOver(stationOf(need).path());
	}

	private void requireTrainedVolunteer(long userId) {
		VolunteerRef volunteer = this.volunteers.findByUserId(userId)
			.orElseThrow(() -> new DomainException(ErrorCode.NEED_ASSIGNEE_NOT_ELIGIBLE, "接单人须为已注册志愿者"));
		if (!volunteer.trained()) {
			// 先培训再上岗: only trained volunteers take needs.
			throw new DomainException(ErrorCode.NEED_ASSIGNEE_NOT_ELIGIBLE, "志愿者须完成培训后才能接单");
		}
	}

	/** A project, when given, must be ACTIVE and belong to the need's station or a unit above it. */
	private void requireApplicableProject(Need need, Long projectId) {
		if (projectId != null && !this.projects.isApplicable(projectId, stationOf(need).path())) {
			throw new DomainException(ErrorCode.PROJECT_NOT_APPLICABLE);
		}
	}

	private OrgUnitRef stationOf(Need need) {
		return this.orgs.require(need.getStationId());
	}

	private Need requireNeed(long id) {
		this.access.requireUserId();
		Need need = this.needs.selectById(id);
		if (need == null) {
			throw DomainException.notFound("需求");
		}
		return need;
	}

	private Need reload(Actor actor, long id) {
		return view(actor, this.needs.selectById(id));
	}

	private Need view(Actor actor, Need need) {
		return view(actor, need, privileged(actor, need));
	}

	/** Private fields for the privileged; a held note to its author (the assignee) and admins, a held comment to the resident and admins. */
	private Need view(Actor actor, Need need, boolean privileged) {
		if (!privileged) {
			return need.withPrivateVisible(false).withHeldTextsVisible(false, false);
		}
		boolean admin = actor.isAnyAdmin() && actor.isAdminOver(stationOf(need).path());
		boolean resident = need.getResidentUserId() != null && need.getResidentUserId() == actor.userId();
		boolean note = admin || (need.getCompletionNoteHold() != null && isAssignee(actor, need));
		return need.withPrivateVisible(true).withHeldTextsVisible(note, admin || resident);
	}

	private static LocalDate parseDate(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new DomainException(ErrorCode.BAD_REQUEST, "期望日期格式应为 yyyy-MM-dd");
		}
	}

	private static BigDecimal decimal(Double value) {
		return (value == null) ? null : BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
