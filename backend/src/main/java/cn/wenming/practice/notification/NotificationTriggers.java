package cn.wenming.practice.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.wenming.practice.activity.ActivityCancelled;
import cn.wenming.practice.activity.ActivityRoster;
import cn.wenming.practice.activity.WaitlistPromoted;
import cn.wenming.practice.auth.UnitAdmins;
import cn.wenming.practice.need.NeedAccepted;
import cn.wenming.practice.need.NeedCompleted;
import cn.wenming.practice.need.NeedDispatched;
import cn.wenming.practice.need.NeedEscalated;
import cn.wenming.practice.need.NeedParties;
import cn.wenming.practice.need.NeedPublished;
import cn.wenming.practice.need.NeedRejected;
import cn.wenming.practice.need.NeedSubmitted;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.project.ProjectTaskDue;
import cn.wenming.practice.team.TeamDirectory;
import cn.wenming.practice.team.TeamRef;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other features' events into outbox rows. The events are recorded in the event publication
 * registry with the business change, so nothing is written for a change that rolled back; each
 * listener runs once that change has committed, in a transaction of its own, and a failure leaves
 * the publication incomplete so that it is resubmitted. Every row carries a dedupe key made of the
 * event and the recipient, so a resubmitted event writes no second row: the outbox (and its one send
 * per WeChat acceptance) sees each message once. Recipients who have no user (an assisted order's
 * resident) get nothing.
 */
@Component
class NotificationTriggers {

	/** What a new need's message says instead of a title still held for review. */
	static final String HELD_TITLE = "新需求（内容待审核）";

	private final NotificationOutbox outbox;

	private final MessageRenderer renderer;

	private final NeedParties needs;

	private final TeamDirectory teams;

	private final OrgDirectory orgs;

	private final UnitAdmins admins;

	private final ActivityRoster activities;

	NotificationTriggers(NotificationOutbox outbox, MessageRenderer renderer, NeedParties needs, TeamDirectory teams,
			OrgDirectory orgs, UnitAdmins admins, ActivityRoster activities) {
		this.outbox = outbox;
		this.renderer = renderer;
		this.needs = needs;
		this.teams = teams;
		this.orgs = orgs;
		this.admins = admins;
		this.activities = activities;
	}

	// --- Needs.

	/**
	 * The station's admins hear of a new need when it is submitted, not when it is published: their
	 * review is its first stage (with the first deadline), and publishing is their own act. Whoever
	 * entered the need (an admin's 代录) is not told of their own order. A held title is not repeated
	 * through WeChat before a person reviewed it.
	 */
	@ApplicationModuleListener
	void on(NeedSubmitted event) {
		List<Long> recipients = this.admins.of(event.stationId())
			.stream()
			.filter(userId -> userId != event.submittedBy())
			.toList();
		aboutNeed(NotificationKind.NEED_SUBMITTED, event.needId(), event.at(),
				event.held() ? Map.of("title", HELD_TITLE) : Map.of(), parties -> recipients);
	}

	@ApplicationModuleListener
	void on(NeedPublished event) {
		aboutNeed(NotificationKind.NEED_PUBLISHED, event.needId(), event.at(), Map.of(), NotificationTriggers::resident);
	}

	@ApplicationModuleListener
	void on(NeedRejected event) {
		aboutNeed(NotificationKind.NEED_REJECTED, event.needId(), event.at(), Map.of("reason", Objects.requireNonNullElse(event.reason(), "")),
				NotificationTriggers::resident);
	}

	/** The dispatched volunteer, or the team's leader at the time of the dispatch. */
	@ApplicationModuleListener
	void on(NeedDispatched event) {
		Long recipient = (event.volunteerUserId() != null) ? event.volunteerUserId()
				: (event.teamId() != null) ? this.teams.findTeam(event.teamId()).map(TeamRef::leaderUserId).orElse(null)
						: null;
		aboutNeed(NotificationKind.NEED_DISPATCHED, event.needId(), event.at(),
				Map.of("deadline", this.renderer.time(event.deadline())), parties -> ids(recipient));
	}

	@ApplicationModuleListener
	void on(NeedAccepted event) {
		aboutNeed(NotificationKind.NEED_ACCEPTED, event.needId(), event.at(), Map.of(), NotificationTriggers::resident);
	}

	/** The resident, whose page for this message is where they rate the service. */
	@ApplicationModuleListener
	void on(NeedCompleted event) {
		aboutNeed(NotificationKind.NEED_COMPLETED, event.needId(), event.completedAt(), Map.of(), NotificationTriggers::resident);
	}

	/** The admins of the 所 or 中心 above the need's station that the need was escalated to. */
	@ApplicationModuleListener
	void on(NeedEscalated event) {
		Optional<OrgUnitRef> target = ancestorAt(event.stationId(), event.level());
		List<Long> recipients = target.map(unit -> this.admins.of(unit.id())).orElse(List.of());
		aboutNeed(NotificationKind.NEED_OVERDUE, event.needId(), event.at(), event.stage() + "-" + event.level(),
				Map.of("stage", stageName(event.stage()), "level", (event.level() == OrgLevel.CENTER) ? "中心" : "所"),
				parties -> recipients);
	}

	// --- Activities.

	/** Everyone still signed up or waiting when the activity was cancelled. */
	@ApplicationModuleListener
	void on(ActivityCancelled event) {
		aboutActivity(NotificationKind.ACTIVITY_CANCELLED, event.activityId(), event.at(),
				this.activities.liveUserIds(event.activityId()));
	}

	@ApplicationModuleListener
	void on(WaitlistPromoted event) {
		aboutActivity(NotificationKind.WAITLIST_PROMOTED, event.activityId(), event.at(), List.of(event.userId()));
	}

	// --- Project tasks.

	/**
	 * The owner of a task due today (the volunteer, or the team's leader when the job ran). One row
	 * per task, day and recipient: the dedupe key is the day, not the instant, so even a second
	 * event for the same day would write nothing.
	 */
	@ApplicationModuleListener
	void on(ProjectTaskDue event) {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("id", Long.toString(event.taskId()));
		variables.put("title", event.title());
		variables.put("project", event.projectName());
		variables.put("due", event.dueDate().toString());
		variables.put("time", this.renderer.time(event.at()));
		this.outbox.enqueue(List.of(new NotificationOutbox.Message(NotificationKind.PROJECT_TASK_DUE,
				event.recipientUserId(), event.taskId(), variables,
				NotificationKind.PROJECT_TASK_DUE.name() + ":" + event.taskId() + ":" + event.dueDate() + ":"
						+ event.recipientUserId())));
	}

	// --- Helpers.

	/** Who among a need's parties is told. */
	@FunctionalInterface
	interface Recipients {

		List<Long> of(NeedParties.Parties parties);

	}

	/** The resident who ordered the need online (an assisted order has none). */
	private static List<Long> resident(NeedParties.Parties parties) {
		return ids(parties.residentUserId());
	}

	private void aboutNeed(NotificationKind kind, long needId, Instant at, Map<String, String> extra,
			Recipients recipients) {
		aboutNeed(kind, needId, at, null, extra, recipients);
	}

	/**
	 * {@code detail} tells apart two events of one kind about one need at one instant; {@code extra}
	 * adds variables or replaces the need's own (a held title).
	 */
	private void aboutNeed(NotificationKind kind, long needId, Instant at, String detail, Map<String, String> extra,
			Recipients recipients) {
		this.needs.of(needId).ifPresent(parties -> {
			Map<String, String> variables = new LinkedHashMap<>();
			variables.put("id", Long.toString(needId));
			variables.put("title", parties.title());
			variables.put("time", this.renderer.time(at));
			variables.putAll(extra);
			enqueue(kind, needId, at, detail, variables, recipients.of(parties));
		});
	}

	private void aboutActivity(NotificationKind kind, long activityId, Instant at, List<Long> recipients) {
		this.activities.summary(activityId).ifPresent(activity -> enqueue(kind, activityId, at, null,
				ActivityReminderJob.variables(this.renderer, activity.activityId(), activity.title(),
						activity.startsAt(), activity.address(), at),
				recipients));
	}

	private void enqueue(NotificationKind kind, long objectId, Instant at, String detail, Map<String, String> variables,
			List<Long> recipients) {
		Set<Long> distinct = new LinkedHashSet<>(recipients);
		this.outbox.enqueue(distinct.stream()
			.map(userId -> new NotificationOutbox.Message(kind, userId, objectId, variables,
					dedupeKey(kind, objectId, at, detail, userId)))
			.toList());
	}

	/**
	 * The event (kind, object, instant and detail) and the recipient: the same for a resubmitted
	 * event, so the outbox writes its row once. At most about 80 characters (the column holds 100).
	 */
	static String dedupeKey(NotificationKind kind, long objectId, Instant at, String detail, long userId) {
		return kind.name() + ":" + objectId + ":" + at.toEpochMilli() + ((detail == null) ? "" : ":" + detail) + ":"
				+ userId;
	}

	/** The unit at {@code level} on the path from the center down to the station. */
	private Optional<OrgUnitRef> ancestorAt(long stationId, OrgLevel level) {
		return this.orgs.find(stationId).flatMap(station -> {
			return this.orgs.findAll(station.pathIds()).values().stream().filter(unit -> unit.level() == level).findFirst();
		});
	}

	private static String stageName(String stage) {
		return switch (stage) {
			case "SUBMITTED" -> "待审核";
			case "PUBLISHED" -> "待派单";
			case "DISPATCHED" -> "待接单";
			default -> "待完成";
		};
	}

	private static List<Long> ids(Long userId) {
		return (userId == null) ? List.of() : List.of(userId);
	}

}
