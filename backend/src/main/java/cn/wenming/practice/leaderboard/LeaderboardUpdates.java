package cn.wenming.practice.leaderboard;

import java.util.Set;

import cn.wenming.practice.activity.ActivityFinished;
import cn.wenming.practice.activity.ActivityStandings;
import cn.wenming.practice.activity.HoursConfirmed;
import cn.wenming.practice.activity.HoursRevoked;
import cn.wenming.practice.points.PointsEntryRecorded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the boards current from other features' committed facts. Each event only says WHO changed;
 * the new scores are read from MySQL ({@link LeaderboardService#refresh}), so events may arrive
 * twice, late or out of order without counting twice. Failures are logged and never reach the
 * business change; a missed update lasts until the board's key expires or is rebuilt
 * ({@code rebuildLeaderboards}).
 */
@Component
class LeaderboardUpdates {

	private static final Logger log = LoggerFactory.getLogger(LeaderboardUpdates.class);

	/** Entry types that change "earned"; redemptions, refunds, adjustments and expiry do not. */
	private static final Set<String> EARNING = Set.of("ACTIVITY_HOURS", "NEED_COMPLETED", "RATING_BONUS", "REVERSAL");

	private final LeaderboardService boards;

	private final ActivityStandings activities;

	LeaderboardUpdates(LeaderboardService boards, ActivityStandings activities) {
		this.boards = boards;
		this.activities = activities;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PointsEntryRecorded event) {
		if (EARNING.contains(event.type())) {
			safely(event, () -> this.boards.refresh(LeaderboardKind.VOLUNTEER_POINTS, event.userId()));
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(HoursConfirmed event) {
		safely(event, () -> hours(event.volunteerUserId(), event.activityId()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(HoursRevoked event) {
		safely(event, () -> hours(event.volunteerUserId(), event.activityId()));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ActivityFinished event) {
		safely(event, () -> {
			Long unit = this.activities.unitOf(event.activityId());
			if (unit != null) {
				this.boards.refresh(LeaderboardKind.STATION_ACTIVITIES, unit);
			}
		});
	}

	private void hours(long userId, long activityId) {
		this.boards.refresh(LeaderboardKind.VOLUNTEER_HOURS, userId);
		Long team = this.activities.teamOf(activityId);
		if (team != null) {
			this.boards.refresh(LeaderboardKind.TEAM_HOURS, team);
		}
	}

	private static void safely(Object event, Runnable update) {
		try {
			update.run();
		}
		catch (RuntimeException ex) {
			log.warn("Leaderboard update failed (boards stay stale until rebuilt): {}", event, ex);
		}
	}

}
