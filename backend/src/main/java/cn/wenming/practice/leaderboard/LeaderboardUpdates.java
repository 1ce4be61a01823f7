package cn.wenming.practice.leaderboard;

import java.util.Set;

import cn.wenming.practice.activity.ActivityFinished;
import cn.wenming.practice.activity.ActivityStandings;
import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.activity.HoursRevoked;
import cn.wenming.practice.need.NeedHoursConfirmed;
import cn.wenming.practice.need.NeedHoursRevoked;
import cn.wenming.practice.need.NeedStandings;
import cn.wenming.practice.org.OrgUnitMoved;
import cn.wenming.practice.points.PointsEntryRecorded;
import cn.wenming.practice.team.TeamMembershipChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Keeps the boards current from other features' committed facts. Each event only says WHO changed;
 * the new scores are read from MySQL ({@link LeaderboardService#refresh}), so events may arrive
 * twice, late or out of order without counting twice. They run after the business change committed,
 * through the event publication registry: a failure (Redis down) leaves the publication incomplete
 * and it is resubmitted until the board is updated. The nightly rebuild ({@code rebuildLeaderboards})
 * stays as a backstop.
 * <p>
 * No surrounding transaction ({@code NOT_SUPPORTED}): a REPEATABLE READ transaction's snapshot is
 * fixed at its first read, and a listener reads (the volunteer, the activity's team or unit) before
 * it queues for the next member's lock; its reads under that lock would then miss a commit that
 * another listener, holding the lock first, already wrote. Each member's reads begin after its lock
 * ({@link LeaderboardService#refresh}).
 */
@Component
class LeaderboardUpdates {

	/** Entry types that change "earned"; redemptions, refunds, adjustments and expiry do not. */
	private static final Set<String> EARNING = Set.of("ACTIVITY_HOURS", "NEED_COMPLETED", "RATING_BONUS", "REVERSAL");

	private final LeaderboardService boards;

	private final ActivityStandings activities;

	private final NeedStandings needs;

	LeaderboardUpdates(LeaderboardService boards, ActivityStandings activities, NeedStandings needs) {
		this.needs = needs;
		this.boards = boards;
		this.activities = activities;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PointsEntryRecorded event) {
		if (EARNING.contains(event.type())) {
			this.boards.refresh(LeaderboardKind.VOLUNTEER_POINTS, event.userId());
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(HoursConfirmed event) {
		hours(event.volunteerUserId(), event.activityId());
	}

	/** Confirmed need-service hours count on the hour boards like confirmed activity hours. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NeedHoursConfirmed event) {
		event.participants().forEach(p -> this.boards.refresh(LeaderboardKind.VOLUNTEER_HOURS, p.userId()));
		Long team = this.needs.teamOf(event.needId());
		if (team != null) {
			this.boards.refresh(LeaderboardKind.TEAM_HOURS, team);
		}
	}

	/** Revoked need hours leave the hour boards (the standings count confirmed hours only). */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NeedHoursRevoked event) {
		this.boards.refresh(LeaderboardKind.VOLUNTEER_HOURS, event.userId());
		Long team = this.needs.teamOf(event.needId());
		if (team != null) {
			this.boards.refresh(LeaderboardKind.TEAM_HOURS, team);
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(HoursRevoked event) {
		hours(event.volunteerUserId(), event.activityId());
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ActivityFinished event) {
		Long unit = this.activities.unitOf(event.activityId());
		if (unit != null) {
			this.boards.refresh(LeaderboardKind.STATION_ACTIVITIES, unit);
		}
	}

	/** A volunteer joined or left a team: their scores appear on or leave the team's boards at once. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TeamMembershipChanged event) {
		this.boards.teamMembershipChanged(event.teamId(), event.userId());
	}

	/**
	 * A unit moved to another parent: the boards of the units it left and joined (not their common
	 * ancestors, not the unit's own) are rebuilt from their members if they are in Redis, read from
	 * the previous copy meanwhile.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(OrgUnitMoved event) {
		this.boards.unitMoved(event.unitId(), event.oldPath(), event.newPath());
	}

	private void hours(long userId, long activityId) {
		this.boards.refresh(LeaderboardKind.VOLUNTEER_HOURS, userId);
		Long team = this.activities.teamOf(activityId);
		if (team != null) {
			this.boards.refresh(LeaderboardKind.TEAM_HOURS, team);
		}
	}

}
