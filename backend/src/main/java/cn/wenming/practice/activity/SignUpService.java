package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.shared.Connections;
import cn.wenming.practice.shared.DeadlockRetry;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.GeoIndex;
import cn.wenming.practice.volunteer.VolunteerDirectory;
import cn.wenming.practice.volunteer.VolunteerHours;
import cn.wenming.practice.volunteer.VolunteerRef;
import graphql.relay.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up (报名), waitlist (候补), on-site check-in (签到/签退) and service hours.
 * <p>
 * Capacity: every sign-up and cancellation of an activity first locks the activity row
 * ({@link ActivityMapper#lock}), then decides CONFIRMED or WAITLISTED from the counters on that
 * row and writes the sign-up and the counters in the same transaction. So they apply one at a
 * time in arrival order: the place count can never be exceeded and waitlist numbers follow
 * arrival. A cancelled place goes to the first on the waitlist in the same transaction.
 */
@Service
class SignUpService {

	private static final Logger log = LoggerFactory.getLogger(SignUpService.class);

	/** Check-in opens this long before the start and closes this long after the end. */
	static final Duration WINDOW_MARGIN = Duration.ofHours(2);

	private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

	private final SignUpMapper signUps;

	private final ActivityMapper activities;

	private final ActivityService activityService;

	private final VolunteerDirectory volunteers;

	private final VolunteerHours hours;

	private final AccessControl access;

	private final CheckInTokens tokens;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ContentSecurity content;

	private final ActivityHoursRollup rollup;

	private final HoursAdjustmentMapper adjustments;

	SignUpService(SignUpMapper signUps, ActivityMapper activities, ActivityService activityService,
			VolunteerDirectory volunteers, VolunteerHours hours, AccessControl access, CheckInTokens tokens,
			ApplicationEventPublisher events, TransactionTemplate tx, Clock clock, ContentSecurity content,
			ActivityHoursRollup rollup, HoursAdjustmentMapper adjustments) {
		this.content = content;
		this.rollup = rollup;
		this.adjustments = adjustments;
		this.signUps = signUps;
		this.activities = activities;
		this.activityService = activityService;
		this.volunteers = volunteers;
		this.hours = hours;
		this.access = access;
		this.tokens = tokens;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	// --- Sign-up.

	SignUp signUp(long activityId, String source) {
		long userId = this.access.requireUserId();
		VolunteerRef volunteer = this.volunteers.requireByUserId(userId);
		Activity activity = requireVisible(activityId);
		if (Boolean.TRUE.equals(activity.getTrainingRequired()) && !volunteer.trained()) {
			throw new DomainException(ActivityError.TRAINING_REQUIRED);
		}
		String cleanSource = (source == null || source.isBlank()) ? null : source.strip();
		try {
			Long id = this.tx.execute(status -> {
				Activity locked = this.activities.lock(activityId);
				Instant now = this.clock.instant();
				if (locked.getStatus() != ActivityStatus.PUBLISHED || now.isAfter(locked.getSignUpDeadline())) {
					throw new DomainException(ActivityError.SIGN_UP_CLOSED);
				}
				if (this.signUps.findLive(activityId, userId) != null) {
					throw new DomainException(ActivityError.ALREADY_SIGNED_UP);
				}
				int confirmed = locked.getConfirmedCount();
				int waitlistSeq = locked.getWaitlistSeq();
				SignUp signUp = new SignUp();
				signUp.setActivityId(activityId);
				signUp.setUserId(userId);
				signUp.setVolunteerId(volunteer.id());
				signUp.setLiveFlag(1);
				signUp.setSource(cleanSource);
				if (confirmed < locked.getCapacity()) {
					signUp.setStatus(SignUpStatus.CONFIRMED);
					confirmed++;
				}
				else {
					waitlistSeq++;
					signUp.setStatus(SignUpStatus.WAITLISTED);
					signUp.setWaitlistPosition(waitlistSeq);
				}
				this.signUps.insert(signUp);
				this.activities.setCounters(activityId, confirmed, waitlistSeq, now);
				return signUp.getId();
			});
			return this.signUps.selectById(id);
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException(ActivityError.ALREADY_SIGNED_UP);
		}
	}

	/**
	 * Withdraws the caller's sign-up while the activity is still recruiting. A confirmed place is
	 * handed to the first person on the waitlist in the same transaction ({@link WaitlistPromoted}).
	 */
	SignUp cancel(long activityId) {
		long userId = this.access.requireUserId();
		requireVisible(activityId);
		Long id = this.tx.execute(status -> {
			Activity locked = this.activities.lock(activityId);
			SignUp mine = this.signUps.findLive(activityId, userId);
			if (mine == null || mine.getStatus() == SignUpStatus.NO_SHOW) {
				throw new DomainException(ActivityError.NOT_SIGNED_UP);
			}
			if (locked.getStatus() != ActivityStatus.PUBLISHED) {
				throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE);
			}
			if (mine.getCheckedInAt() != null) {
				throw new DomainException(ActivityError.ALREADY_CHECKED_IN);
			}
			Instant now = this.clock.instant();
			this.signUps.cancel(mine.getId(), now);
			int confirmed = locked.getConfirmedCount();
			if (mine.getStatus() == SignUpStatus.CONFIRMED) {
				SignUp next = this.signUps.firstWaitlisted(activityId);
				if (next != null) {
					this.signUps.promote(next.getId(), now);
					this.events.publishEvent(new WaitlistPromoted(activityId, next.getId(), next.getUserId(), now));
				}
				else {
					confirmed--;
				}
			}
			this.activities.setCounters(activityId, confirmed, locked.getWaitlistSeq(), now);
			return mine.getId();
		});
		return this.signUps.selectById(id);
	}

	// --- On-site check-in.

	CheckInTokens.Issued checkInCode(long activityId) {
		Activity activity = this.activityService.require(activityId);
		this.access.requireAdminOver(this.activityService.pathOf(activity));
		if (!activity.getStatus().discoverable()) {
			throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE);
		}
		return this.tokens.issue(activityId, this.clock.instant());
	}

	SignUp checkIn(long activityId, String token, double latitude, double longitude) {
		long userId = this.access.requireUserId();
		Activity activity = requireVisible(activityId);
		Instant now = this.clock.instant();
		this.tokens.verify(activityId, token, now);
		SignUp mine = requireConfirmed(activityId, userId);
		if (!activity.getStatus().discoverable()) {
			throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE);
		}
		requireOnSite(activity, now, latitude, longitude);
		if (mine.getCheckedInAt() != null || this.signUps.checkIn(mine.getId(), now) == 0) {
			throw new DomainException(ActivityError.ALREADY_CHECKED_IN);
		}
		return this.signUps.selectById(mine.getId());
	}

	/** Check-out fixes the hours: the overlap of attendance with the activity time. */
	SignUp checkOut(long activityId, String token, double latitude, double longitude) {
		long userId = this.access.requireUserId();
		Activity activity = requireVisible(activityId);
		Instant now = this.clock.instant();
		this.tokens.verify(activityId, token, now);
		SignUp mine = requireConfirmed(activityId, userId);
		if (mine.getCheckedInAt() == null) {
			throw new DomainException(ActivityError.NOT_CHECKED_IN);
		}
		if (mine.getCheckedOutAt() != null) {
			throw new DomainException(ActivityError.ALREADY_CHECKED_OUT);
		}
		// Finished is allowed: the organiser may close the activity before everyone has left.
		ActivityStatus status = activity.getStatus();
		if (!status.discoverable() && status != ActivityStatus.FINISHED) {
			throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE);
		}
		requireOnSite(activity, now, latitude, longitude);
		BigDecimal served = hoursServed(activity, mine.getCheckedInAt(), now);
		if (this.signUps.checkOut(mine.getId(), now, served) == 0) {
			throw new DomainException(ActivityError.ALREADY_CHECKED_OUT);
		}
		return this.signUps.selectById(mine.getId());
	}

	/** Overlap of [in, out] with [start, end] in hours (2 decimals), so never more than the activity's length. */
	static BigDecimal hoursServed(Activity activity, Instant in, Instant out) {
		Instant from = in.isAfter(activity.getStartsAt()) ? in : activity.getStartsAt();
		Instant to = out.isBefore(activity.getEndsAt()) ? out : activity.getEndsAt();
		long seconds = Math.max(0, Duration.between(from, to).toSeconds());
		return BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP);
	}

	private void requireOnSite(Activity activity, Instant now, double latitude, double longitude) {
		if (now.isBefore(activity.getStartsAt().minus(WINDOW_MARGIN))
				|| now.isAfter(activity.getEndsAt().plus(WINDOW_MARGIN))) {
			throw new DomainException(ActivityError.OUTSIDE_CHECK_IN_WINDOW);
		}
		double distance = GeoIndex.haversine(latitude, longitude, activity.getLatitude().doubleValue(),
				activity.getLongitude().doubleValue());
		if (distance > activity.getGeofenceMeters()) {
			throw new DomainException(ActivityError.OUT_OF_GEOFENCE);
		}
	}

	private SignUp requireConfirmed(long activityId, long userId) {
		SignUp mine = this.signUps.findLive(activityId, userId);
		if (mine == null || mine.getStatus() != SignUpStatus.CONFIRMED) {
			throw new DomainException(ActivityError.NOT_SIGNED_UP);
		}
		return mine;
	}

	// --- Hours (organiser).

	/**
	 * Confirms the hours of the given sign-ups and credits them to the volunteers, all or nothing.
	 * A sign-up whose hours are already confirmed is left alone (confirming twice is a no-op): the
	 * guarded UPDATE lets exactly one confirmation through, and only that one credits hours.
	 * {@link HoursConfirmed} events are published in the transaction; their listeners run once it has
	 * committed.
	 */
	List<SignUp> confirmHours(long activityId, List<Long> signUpIds) {
		Activity activity = requireOrganiser(activityId);
		if (activity.getStatus() != ActivityStatus.ONGOING && activity.getStatus() != ActivityStatus.FINISHED) {
			throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE);
		}
		Actor actor = requireImpartial(activityId);
		List<Long> ids = List.copyOf(new LinkedHashSet<>(signUpIds));
		// A deadlock victim (two confirmations meeting in the rollup's index, say) was rolled back whole
		// and is run again: everything it does is in this transaction, its events included.
		DeadlockRetry.run(3, log, "Confirming hours of activity " + activityId, () -> this.tx.execute(status -> {
			List<HoursConfirmed> confirmed = new ArrayList<>();
			List<ActivityHoursRollup.Change> credited = new ArrayList<>();
			// Locked: the hours credited are the hours confirmed, whatever adjustHours does meanwhile.
			Map<Long, SignUp> rows = ofActivity(activityId, ids, true);
			// Then their volunteers (one lock order for every move that changes credit hours: the move's
			// own rows, then the volunteers, then the rollup).
			this.hours.lockForCredit(rows.values().stream().map(SignUp::getVolunteerId).toList());
			Instant now = this.clock.instant();
			for (Long id : ids) {
				SignUp signUp = rows.get(id);
				if (signUp.isHoursConfirmed()) {
					continue;
				}
				// Hours the organiser set (adjustHours) stand in for a missing check-out.
				if (signUp.getStatus() != SignUpStatus.CONFIRMED
						|| (signUp.getCheckedOutAt() == null && !signUp.isHoursAdjusted())) {
					throw new DomainException(ActivityError.CHECK_OUT_MISSING);
				}
				if (this.signUps.confirmHours(id, actor.userId(), now) == 1) {
					this.hours.addCreditHours(signUp.getVolunteerId(), signUp.getHours());
					confirmed.add(new HoursConfirmed(signUp.getUserId(), activityId, id, signUp.getHours(),
							activity.getCategory()));
					credited.add(new ActivityHoursRollup.Change(signUp.getUserId(), signUp.getVolunteerId(),
							activity.getProjectId(), activity.getEndsAt(), signUp.getHours()));
				}
			}
			// The hour boards' and the assessment's sums, in this transaction (one statement).
			this.rollup.apply(credited);
			// Recorded with the confirmation (event publication registry); the listeners run once it committed.
			confirmed.forEach(this.events::publishEvent);
			return null;
		}));
		return reload(ids);
	}

	/**
	 * The organiser sets a checked-in sign-up's hours before they are confirmed: for someone who
	 * never checked out (who otherwise can never be confirmed), or to correct the computed hours.
	 * Capped at the activity's length like computed hours; the reason and the organiser are kept.
	 * <p>
	 * Every adjustment leaves a row in {@code activity_hours_adjustment} with the hours it replaced,
	 * written in the transaction that changes the sign-up: the sign-up only holds the latest one, and a
	 * colleague's second adjustment must not erase the first (nor the hours computed at check-out).
	 * The hours replaced are read under the sign-up's row lock, so of two racing adjustments the
	 * second records the first one's value, not the value both read before. The same hours and reason
	 * again on a sign-up that already has them (a double click) change nothing and add no row.
	 */
	SignUp adjustHours(long signUpId, BigDecimal value, String reason) {
		SignUp signUp = requireSignUp(signUpId);
		Activity activity = requireOrganiser(signUp.getActivityId());
		if (activity.getStatus() != ActivityStatus.ONGOING && activity.getStatus() != ActivityStatus.FINISHED) {
			throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE);
		}
		BigDecimal adjusted = value.setScale(2, RoundingMode.HALF_UP);
		BigDecimal length = hoursServed(activity, activity.getStartsAt(), activity.getEndsAt());
		if (adjusted.signum() < 0 || adjusted.compareTo(length) > 0) {
			throw DomainException.badRequest(
					"时长须在 0 到活动时长 " + length.stripTrailingZeros().toPlainString() + " 小时之间");
		}
		Actor actor = requireImpartial(activity.getId());
		String why = reason.strip();
		// Before the transaction: a WeChat call may take seconds.
		requirePass(actor, why);
		this.tx.executeWithoutResult(status -> {
			SignUp locked = this.signUps.lockByIds(List.of(signUpId)).get(0);
			if (locked.isHoursConfirmed()) {
				throw new DomainException(ActivityError.HOURS_ALREADY_CONFIRMED);
			}
			// A double click (or a retry) finds its own adjustment in place: nothing to record twice.
			if (locked.getStatus() == SignUpStatus.CONFIRMED && locked.isHoursAdjusted() && locked.getHours() != null
					&& locked.getHours().compareTo(adjusted) == 0 && why.equals(locked.getHoursAdjustReason())) {
				return;
			}
			Instant now = this.clock.instant();
			if (this.signUps.adjustHours(signUpId, adjusted, actor.userId(), why, now) == 0) {
				throw new DomainException((locked.getStatus() == SignUpStatus.CONFIRMED) ? ActivityError.NOT_CHECKED_IN
						: ActivityError.NOT_SIGNED_UP);
			}
			this.adjustments.insert(signUpId, locked.getHours(), adjusted, why, actor.userId(), now);
		});
		return this.signUps.selectById(signUpId);
	}

	/** The adjustments of the sign-ups, oldest first, by sign-up id (one statement). */
	Map<Long, List<HoursAdjustmentMapper.Row>> adjustmentsOf(List<Long> signUpIds) {
		return signUpIds.isEmpty() ? Map.of()
				: this.adjustments.ofSignUps(signUpIds)
					.stream()
					.collect(Collectors.groupingBy(HoursAdjustmentMapper.Row::signUpId));
	}

	/**
	 * Revokes a sign-up's confirmed hours: a recorded reversal, never a delete. The sign-up keeps its
	 * hours and confirmation and is stamped revoked (who, when, why) by a guarded UPDATE, so only one
	 * of two concurrent revocations takes the hours back from the volunteer. {@link HoursRevoked} is
	 * published in the transaction, for the points reversal once it has committed.
	 */
	SignUp revokeHours(long signUpId, String reason) {
		SignUp signUp = requireSignUp(signUpId);
		Activity activity = requireOrganiser(signUp.getActivityId());
		Actor actor = requireImpartial(signUp.getActivityId());
		String why = reason.strip();
		// Before the transaction: a WeChat call may take seconds.
		requirePass(actor, why);
		DeadlockRetry.run(3, log, "Revoking hours of sign-up " + signUpId, () -> this.tx.execute(status -> {
			// Locked, then its volunteer (the lock order of every move that changes credit hours). The
			// hours taken back are the hours that were confirmed, read under this lock: the first read
			// may have been before the confirmation (and an adjustment before it).
			SignUp confirmed = this.signUps.lockByIds(List.of(signUpId)).get(0);
			this.hours.lockForCredit(List.of(confirmed.getVolunteerId()));
			if (this.signUps.revokeHours(signUpId, actor.userId(), why, this.clock.instant()) == 0) {
				throw new DomainException(confirmed.isHoursRevoked() ? ActivityError.HOURS_ALREADY_REVOKED
						: ActivityError.HOURS_NOT_CONFIRMED);
			}
			this.hours.subtractCreditHours(confirmed.getVolunteerId(), confirmed.getHours());
			this.rollup.apply(List.of(new ActivityHoursRollup.Change(confirmed.getUserId(), confirmed.getVolunteerId(),
					activity.getProjectId(), activity.getEndsAt(), confirmed.getHours().negate())));
			HoursRevoked revoked = new HoursRevoked(confirmed.getUserId(), confirmed.getActivityId(), signUpId,
					confirmed.getHours());
			this.events.publishEvent(revoked);
			return revoked;
		}));
		return this.signUps.selectById(signUpId);
	}

	/**
	 * The reasons of adjusted and revoked hours are shown to the volunteer: risky →
	 * CONTENT_REJECTED, review → CONTENT_NEEDS_REVIEW, WeChat unreachable → UPSTREAM_UNAVAILABLE.
	 */
	private void requirePass(Actor actor, String reason) {
		this.content.requirePass(this.access.openidOf(actor.userId()), ContentSecurity.Scene.COMMENT, null, reason);
	}

	/** Confirmed people who never checked in become no-shows; already marked ones are left alone. */
	List<SignUp> markNoShow(long activityId, List<Long> signUpIds) {
		Activity activity = requireOrganiser(activityId);
		if (activity.getStatus() != ActivityStatus.ONGOING && activity.getStatus() != ActivityStatus.FINISHED) {
			throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE);
		}
		List<Long> ids = List.copyOf(new LinkedHashSet<>(signUpIds));
		this.tx.executeWithoutResult(status -> {
			Map<Long, SignUp> rows = ofActivity(activityId, ids);
			Instant now = this.clock.instant();
			for (Long id : ids) {
				SignUp signUp = rows.get(id);
				if (signUp.getStatus() == SignUpStatus.NO_SHOW) {
					continue;
				}
				if (signUp.getCheckedInAt() != null) {
					throw new DomainException(ActivityError.ALREADY_CHECKED_IN);
				}
				if (this.signUps.markNoShow(id, now) == 0) {
					throw new DomainException(ActivityError.NOT_SIGNED_UP);
				}
			}
		});
		return reload(ids);
	}

	// --- Lists.

	Connection<SignUp> mine(Integer first, String after) {
		long userId = this.access.requireUserId();
		var page = Connections.page(first, after);
		return Connections.of(this.signUps.pageOfUser(userId, page.afterId(), page.fetchSize()), page, SignUp::getId);
	}

	Connection<SignUp> ofActivity(long activityId, SignUpStatus status, Integer first, String after) {
		requireOrganiser(activityId);
		var page = Connections.page(first, after);
		return Connections.of(this.signUps.pageOfActivity(activityId, (status != null) ? status.name() : null,
				page.afterId(), page.fetchSize()), page, SignUp::getId);
	}

	// --- Helpers.

	private Activity requireOrganiser(long activityId) {
		Activity activity = this.activityService.require(activityId);
		this.access.requireAdminOver(this.activityService.pathOf(activity));
		return activity;
	}

	/**
	 * Nobody judges the hours of an activity they took part in (FORBIDDEN): not their own, and not
	 * their fellow participants' either, since participants vouch for each other. Another admin
	 * covering the activity (the station's, or the 所's or 中心's above it) confirms, adjusts or
	 * revokes instead. Marking no-shows and issuing the check-in code stay open to a participating
	 * organiser: neither credits an hour (a no-show is someone who never checked in).
	 */
	private Actor requireImpartial(long activityId) {
		Actor actor = this.access.requireActor();
		if (this.signUps.tookPart(activityId, actor.userId())) {
			throw DomainException.forbidden();
		}
		return actor;
	}

	private SignUp requireSignUp(long signUpId) {
		SignUp signUp = this.signUps.selectById(signUpId);
		if (signUp == null) {
			throw DomainException.notFound("报名记录");
		}
		return signUp;
	}

	/** The activity; a draft is reported as missing to everyone but its admins. */
	private Activity requireVisible(long activityId) {
		Activity activity = this.activityService.byId(activityId);
		if (activity == null) {
			throw DomainException.notFound("活动");
		}
		return activity;
	}

	/** The listed sign-ups; every one must belong to the activity (else NOT_FOUND). */
	private Map<Long, SignUp> ofActivity(long activityId, List<Long> ids) {
		return ofActivity(activityId, ids, false);
	}

	/** As {@link #ofActivity(long, List)}; {@code lock}: read with {@code FOR UPDATE} (inside a transaction). */
	private Map<Long, SignUp> ofActivity(long activityId, List<Long> ids, boolean lock) {
		Map<Long, SignUp> rows = (lock ? this.signUps.lockByIds(ids) : this.signUps.selectByIds(ids))
			.stream()
			.filter(s -> s.getActivityId() == activityId)
			.collect(Collectors.toMap(SignUp::getId, Function.identity()));
		Set<Long> missing = new LinkedHashSet<>(ids);
		missing.removeAll(rows.keySet());
		if (!missing.isEmpty()) {
			throw DomainException.notFound("报名记录");
		}
		return rows;
	}

	private List<SignUp> reload(List<Long> ids) {
		Map<Long, SignUp> byId = this.signUps.selectByIds(ids)
			.stream()
			.collect(Collectors.toMap(SignUp::getId, Function.identity()));
		return ids.stream().map(byId::get).toList();
	}

}
