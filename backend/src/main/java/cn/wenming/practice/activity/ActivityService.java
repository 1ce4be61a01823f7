package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.org.OrgError;
import cn.wenming.practice.project.ProjectError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgStatistics;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.project.ProjectDirectory;
import cn.wenming.practice.project.ProjectRef;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RecordCorrections;
import cn.wenming.practice.volunteer.ServiceCategory;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import graphql.relay.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Activities and their life cycle. Admins covering the activity's org unit (the project's unit)
 * create and move them; published activities are public, drafts only visible to those admins.
 */
@Service
class ActivityService {

	private static final Logger log = LoggerFactory.getLogger(ActivityService.class);

	/** How many candidates the nearby search takes from the index before filtering by time. */
	static final int NEARBY_CANDIDATES = 500;

	private final ActivityMapper activities;

	private final ActivitySkillMapper skills;

	private final ProjectDirectory projects;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final NearbyActivityIndex index;

	private final SignUpMapper signUps;

	private final Waitlist waitlist;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final OrgStatistics pairings;

	private final ActivityProperties properties;

	private final ContentSecurity content;

	ActivityService(ActivityMapper activities, ActivitySkillMapper skills, ProjectDirectory projects, OrgDirectory orgs,
			AccessControl access, NearbyActivityIndex index, SignUpMapper signUps, Waitlist waitlist,
			ApplicationEventPublisher events, TransactionTemplate tx, Clock clock, OrgStatistics pairings,
			ActivityProperties properties, ContentSecurity content) {
		this.activities = activities;
		this.skills = skills;
		this.projects = projects;
		this.orgs = orgs;
		this.access = access;
		this.index = index;
		this.signUps = signUps;
		this.waitlist = waitlist;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
		this.pairings = pairings;
		this.properties = properties;
		this.content = content;
	}

	/** A new draft activity of a project; {@code signUpDeadline} null means its start. */
	record CreateActivity(long projectId, String title, String description, Instant startsAt, Instant endsAt,
			Instant signUpDeadline, String address, double latitude, double longitude, Integer geofenceMeters,
			int capacity, List<String> skills, boolean trainingRequired, boolean theoryLecture, String contactName,
			String contactPhone, Long civilizedUnitId, String idempotencyKey) {
	}

	/** Every editable field of an activity: a full replacement, like a project's. */
	record UpdateActivity(String title, String description, Instant startsAt, Instant endsAt, Instant signUpDeadline,
			String address, double latitude, double longitude, Integer geofenceMeters, int capacity,
			List<String> skills, boolean trainingRequired, boolean theoryLecture, String contactName,
			String contactPhone) {
	}

	/** Which activities a page lists; every part optional. */
	/** {@code search}, when not blank, keeps the activities whose title contains it. */
	record ActivitySearch(Long orgUnitId, ServiceCategory category, Instant from, Instant to, ActivityStatus status,
			String search) {

		static final ActivitySearch ALL = new ActivitySearch(null, null, null, null, null, null);

	}

	Activity create(CreateActivity input) {
		ProjectRef project = this.projects.require(input.projectId());
		OrgUnitRef unit = this.orgs.require(project.orgUnitId());
		Actor actor = this.access.requireAdminOver(unit.path());
		// A resend (a double click, the console's retry of a 503 whose commit went through) answers the
		// activity created once, as it is now: looked up only now that the caller may create here.
		CreationKeys.Create<Activity> keyed = CreationKeys.create(input.idempotencyKey(),
				RecordCorrections.digest("ACTIVITY", project.id(), input.title().strip(), strip(input.description()),
						input.startsAt(), input.endsAt(), input.signUpDeadline(), input.address().strip(),
						decimal(input.latitude()), decimal(input.longitude()), input.geofenceMeters(), input.capacity(),
						(input.skills() == null) ? null : input.skills().stream().map(String::strip).toList(),
						input.trainingRequired(), input.theoryLecture(), strip(input.contactName()),
						strip(input.contactPhone()), input.civilizedUnitId()),
				() -> this.activities.findByKey(actor.userId(), input.idempotencyKey()), this.activities::selectById);
		Activity earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		if (project.archived()) {
			throw new DomainException(ProjectError.PROJECT_ARCHIVED);
		}
		if (!unit.open()) {
			throw new DomainException(OrgError.ORG_UNIT_CLOSED);
		}
		// A new activity starts in the future and closes sign-up by its start: an activity created already
		// under way could collect hours nobody could have signed up for in time.
		if (!input.startsAt().isAfter(this.clock.instant())) {
			throw new DomainException(ActivityError.ACTIVITY_START_IN_PAST);
		}
		Instant deadline = (input.signUpDeadline() != null) ? input.signUpDeadline() : input.startsAt();
		if (deadline.isAfter(input.startsAt())) {
			throw new DomainException(ActivityError.SIGN_UP_DEADLINE_AFTER_START);
		}
		requireNotTooLong(input.startsAt(), input.endsAt());
		if (input.civilizedUnitId() != null && !this.pairings.isPaired(input.civilizedUnitId(), unit.id())) {
			// Only a pairing's activities count for 结对共建 (assessment): the civilized unit (文明单位 or
			// 文明校园) must be paired with the activity's unit (站, 所 or 中心).
			throw new DomainException(OrgError.CIVILIZED_UNIT_NOT_PAIRED);
		}
		// Published texts must have passed msgSecCheck; checked last, outside the transaction (a WeChat call takes seconds).
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.FORUM, input.title(),
				input.description());
		Activity activity = new Activity();
		activity.setProjectId(project.id());
		activity.setCivilizedUnitId(input.civilizedUnitId());
		activity.setOrgUnitId(unit.id());
		activity.setCategory(project.category());
		activity.setTitle(input.title().strip());
		activity.setDescription(strip(input.description()));
		activity.setStartsAt(input.startsAt());
		activity.setEndsAt(input.endsAt());
		activity.setSignUpDeadline(deadline);
		activity.setAddress(input.address().strip());
		activity.setLatitude(decimal(input.latitude()));
		activity.setLongitude(decimal(input.longitude()));
		activity.setGeofenceMeters((input.geofenceMeters() != null) ? input.geofenceMeters() : 500);
		activity.setCapacity(input.capacity());
		activity.setConfirmedCount(0);
		activity.setWaitlistSeq(0);
		activity.setTrainingRequired(input.trainingRequired());
		activity.setTheoryLecture(input.theoryLecture());
		activity.setContactName(strip(input.contactName()));
		activity.setContactPhone(strip(input.contactPhone()));
		activity.setStatus(ActivityStatus.DRAFT);
		activity.setCreatedBy(actor.userId());
		Set<String> tags = new LinkedHashSet<>();
		if (input.skills() != null) {
			input.skills().stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(tags::add);
		}
		activity.idempotencyKey = input.idempotencyKey();
		activity.requestDigest = keyed.digest();
		return keyed.once(log, "Creating activity", () -> this.tx.executeWithoutResult(status -> {
			// Checked again under the unit's share lock: a close may have committed during msgSecCheck,
			// and its guard counted unfinished activities before this one existed.
			if (!this.orgs.lockIfOpen(unit.id())) {
				throw new DomainException(OrgError.ORG_UNIT_CLOSED);
			}
			this.activities.insert(activity);
			if (!tags.isEmpty()) {
				this.skills.insertAll(activity.getId(), tags);
			}
		}), () -> this.activities.selectById(activity.getId()));
	}

	private static BigDecimal decimal(double degrees) {
		return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP);
	}

	/**
	 * Edits a draft or recruiting activity (a full replacement of the editable fields). Runs under
	 * the activity row lock, like sign-ups, so the capacity check and the waitlist promotion see the
	 * confirmed count that sign-ups and cancellations leave. Rules: the capacity may not drop below
	 * the confirmed sign-ups (nobody loses a confirmed place); a raised capacity promotes the
	 * waitlist in order; once someone has checked in, time and place are fixed (their hours depend
	 * on them); a recruiting activity cannot be moved to start in the past. The nearby index follows
	 * after the commit ({@link ActivityChanged}).
	 */
	Activity update(long id, UpdateActivity input) {
		Activity current = require(id);
		Actor actor = this.access.requireAdminOver(pathOf(current));
		Instant deadline = (input.signUpDeadline() != null) ? input.signUpDeadline() : input.startsAt();
		if (deadline.isAfter(input.endsAt())) {
			throw DomainException.badRequest("报名截止时间不能晚于活动结束时间");
		}
		BigDecimal latitude = BigDecimal.valueOf(input.latitude()).setScale(6, RoundingMode.HALF_UP);
		BigDecimal longitude = BigDecimal.valueOf(input.longitude()).setScale(6, RoundingMode.HALF_UP);
		Set<String> tags = skillSet(input.skills());
		// Only changed texts are checked (each was checked when stored), outside the transaction.
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.FORUM,
				ContentSecurity.changed(current.getTitle(), input.title()),
				ContentSecurity.changed(current.getDescription(), input.description()));
		this.tx.executeWithoutResult(status -> {
			Activity locked = this.activities.lock(id);
			if (locked.getStatus() != ActivityStatus.DRAFT && locked.getStatus() != ActivityStatus.PUBLISHED) {
				throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE);
			}
			Instant now = this.clock.instant();
			boolean timesChanged = !sameSecond(input.startsAt(), locked.getStartsAt())
					|| !sameSecond(input.endsAt(), locked.getEndsAt());
			boolean placeChanged = latitude.compareTo(locked.getLatitude()) != 0
					|| longitude.compareTo(locked.getLongitude()) != 0;
			if (timesChanged) {
				// Only a change of time is checked: an activity created before the limit keeps its title editable.
				requireNotTooLong(input.startsAt(), input.endsAt());
			}
			if ((timesChanged || placeChanged) && this.signUps.countCheckedIn(id) > 0) {
				throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE, "已有志愿者签到，不能再修改活动时间或地点");
			}
			if (timesChanged && locked.getStatus() == ActivityStatus.PUBLISHED && !input.startsAt().isAfter(now)) {
				throw DomainException.badRequest("已发布活动的开始时间须晚于现在");
			}
			if (input.capacity() < locked.getConfirmedCount()) {
				throw new DomainException(ActivityError.ACTIVITY_CAPACITY_BELOW_CONFIRMED,
						"名额不能少于已确认的报名人数（" + locked.getConfirmedCount() + "）");
			}
			List<SignUp> promoted = this.waitlist.fill(id, input.capacity(), locked.getConfirmedCount(), now);
			Activity edited = new Activity();
			edited.setId(id);
			edited.setTitle(input.title().strip());
			edited.setDescription(strip(input.description()));
			edited.setStartsAt(input.startsAt());
			edited.setEndsAt(input.endsAt());
			edited.setSignUpDeadline(deadline);
			edited.setAddress(input.address().strip());
			edited.setLatitude(latitude);
			edited.setLongitude(longitude);
			edited.setGeofenceMeters((input.geofenceMeters() != null) ? input.geofenceMeters() : 500);
			edited.setCapacity(input.capacity());
			edited.setConfirmedCount(locked.getConfirmedCount() + promoted.size());
			edited.setTrainingRequired(input.trainingRequired());
			edited.setTheoryLecture(input.theoryLecture());
			edited.setContactName(strip(input.contactName()));
			edited.setContactPhone(strip(input.contactPhone()));
			edited.setUpdatedAt(now);
			this.activities.replace(edited);
			this.skills.deleteAll(id);
			if (!tags.isEmpty()) {
				this.skills.insertAll(id, tags);
			}
			// Promoted people are not notified yet: that comes with the waitlist notifications.
			this.events.publishEvent(new ActivityChanged(id));
		});
		return this.activities.selectById(id);
	}

	/** Longer than {@code app.activity.max-duration}: ACTIVITY_TOO_LONG (see {@link ActivityProperties}). */
	private void requireNotTooLong(Instant startsAt, Instant endsAt) {
		Duration max = this.properties.maxDuration();
		if (Duration.between(startsAt, endsAt).compareTo(max) > 0) {
			throw new DomainException(ActivityError.ACTIVITY_TOO_LONG, "活动时长不能超过 " + hoursText(max)
					+ " 小时；多日活动请按天分别创建");
		}
	}

	private static String hoursText(Duration duration) {
		return BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
			.stripTrailingZeros().toPlainString();
	}

	/** Whole seconds: depending on the driver settings the column may have dropped the milliseconds. */
	private static boolean sameSecond(Instant a, Instant b) {
		return a.getEpochSecond() == b.getEpochSecond();
	}

	private static Set<String> skillSet(List<String> skills) {
		Set<String> tags = new LinkedHashSet<>();
		if (skills != null) {
			skills.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(tags::add);
		}
		return tags;
	}

	Activity publish(long id) {
		return this.tx.execute(status -> move(id, List.of(ActivityStatus.DRAFT), ActivityStatus.PUBLISHED));
	}

	Activity start(long id) {
		return this.tx.execute(status -> move(id, List.of(ActivityStatus.PUBLISHED), ActivityStatus.ONGOING));
	}

	Activity finish(long id) {
		return this.tx.execute(status -> move(id, List.of(ActivityStatus.ONGOING), ActivityStatus.FINISHED));
	}

	/**
	 * One transaction, so that {@link ActivityCancelled} (the signed-up volunteers' notification)
	 * commits with the cancellation or not at all.
	 */
	Activity cancel(long id, String reason) {
		String why = (reason == null || reason.isBlank()) ? null : reason.strip();
		if (why != null) {
			// The volunteers read it: checked like other texts they see, before the transaction (WeChat takes seconds).
			Actor actor = this.access.requireAdminOver(pathOf(require(id)));
			this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.COMMENT, null, why);
		}
		return this.tx.execute(status -> {
			Activity cancelled = move(id, List.of(ActivityStatus.DRAFT, ActivityStatus.PUBLISHED, ActivityStatus.ONGOING),
					ActivityStatus.CANCELLED);
			if (why != null) {
				this.activities.setCancelReason(id, why);
				cancelled.setCancelReason(why);
			}
			this.events.publishEvent(new ActivityCancelled(id, this.clock.instant()));
			return cancelled;
		});
	}

	/**
	 * One guarded UPDATE: of two racing moves, the second finds the state changed and is refused.
	 * Called in a transaction, so that its events are recorded with the move (event publication
	 * registry) and their listeners run once it has committed.
	 */
	private Activity move(long id, List<ActivityStatus> from, ActivityStatus to) {
		Activity activity = require(id);
		this.access.requireAdminOver(pathOf(activity));
		if (this.activities.move(id, from.stream().map(Enum::name).toList(), to.name(), this.clock.instant()) == 0) {
			throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE);
		}
		this.events.publishEvent(new ActivityChanged(id));
		if (to == ActivityStatus.FINISHED) this.events.publishEvent(new ActivityFinished(id));
		return this.activities.selectById(id);
	}

	/** The activity, or null when missing or a draft the caller may not see. */
	Activity byId(long id) {
		Activity activity = this.activities.selectById(id);
		if (activity == null) {
			return null;
		}
		if (activity.getStatus() == ActivityStatus.DRAFT) {
			Actor actor = this.access.currentActor();
			if (actor == null || !actor.isAdminOver(pathOf(activity))) {
				return null;
			}
		}
		return activity;
	}

	Connection<Activity> page(ActivitySearch filter, Integer first, String after) {
		var page = Connections.page(first, after);
		var f = (filter != null) ? filter : ActivitySearch.ALL;
		String path = null;
		if (f.orgUnitId() != null) {
			path = this.orgs.require(f.orgUnitId()).path();
		}
		if (f.status() == ActivityStatus.DRAFT) {
			if (path == null) {
				throw DomainException.badRequest("查询草稿须指定单位");
			}
			this.access.requireAdminOver(path);
		}
		List<Long> unitIds = (path != null) ? this.orgs.subtreeIds(path) : null;
		List<Activity> rows = this.activities.page(unitIds, (f.category() != null) ? f.category().name() : null,
				f.from(), f.to(), (f.status() != null) ? f.status().name() : null,
				VolunteerDirectory.likeContains(f.search()), page.afterId(), page.fetchSize());
		return Connections.of(rows, page, Activity::getId);
	}

	/** A nearby activity with its distance. */
	record Nearby(Activity activity, double distanceMeters) {
	}

	List<Nearby> nearby(double latitude, double longitude, int radiusMeters, Instant from, Instant to, int first) {
		List<NearbyActivityIndex.Hit> hits = this.index.search(latitude, longitude, radiusMeters, NEARBY_CANDIDATES);
		if (hits.isEmpty() || first == 0) {
			return List.of();
		}
		// MySQL decides: a hit whose activity has since closed or falls outside the time range is dropped.
		Map<Long, Activity> byId = this.activities.findByIds(hits.stream().map(NearbyActivityIndex.Hit::activityId).toList())
			.stream()
			.collect(Collectors.toMap(Activity::getId, Function.identity()));
		return hits.stream()
			.filter(hit -> {
				Activity a = byId.get(hit.activityId());
				return a != null && a.getStatus().discoverable() && (from == null || a.getEndsAt().isAfter(from))
						&& (to == null || a.getStartsAt().isBefore(to));
			})
			.limit(first)
			.map(hit -> new Nearby(byId.get(hit.activityId()), hit.distanceMeters()))
			.toList();
	}

	Activity require(long id) {
		Activity activity = this.activities.selectById(id);
		if (activity == null) {
			throw DomainException.notFound("活动");
		}
		return activity;
	}

	String pathOf(Activity activity) {
		return this.orgs.require(activity.getOrgUnitId()).path();
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
