package cn.wenming.practice.activity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.project.RatedUnderProject;
import cn.wenming.practice.project.StarTally;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.DomainException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Activity ratings (活动评价), counted by {@code Project.rating} too ({@link RatedUnderProject}).
 * <p>
 * Who rates: volunteers who attended, i.e. whose live sign-up was checked in, once the activity is
 * FINISHED; once per person (unique key). Attendance is the one fact the system verifies for
 * activities — the residents served are not registered per activity — so the rating speaks for
 * people who were there. The comment goes through WeChat msgSecCheck before anything is stored,
 * like need ratings: risky → {@code CONTENT_REJECTED}; review or WeChat unavailable → stored held
 * and shown to its author only.
 * <p>
 * The project feature asks for this feature's tallies per project rather than reading its table;
 * it adds the ratings of needs served under the project itself. {@code Activity.rating} counts
 * activity ratings only.
 */
@Service
class ActivityRatings implements RatedUnderProject {

	private final ActivityRatingMapper ratings;

	private final SignUpMapper signUps;

	private final ActivityService activities;

	private final ContentSecurity contentSecurity;

	private final AccessControl access;

	private final Clock clock;

	ActivityRatings(ActivityRatingMapper ratings, SignUpMapper signUps, ActivityService activities,
			ContentSecurity contentSecurity, AccessControl access, Clock clock) {
		this.ratings = ratings;
		this.signUps = signUps;
		this.activities = activities;
		this.contentSecurity = contentSecurity;
		this.access = access;
		this.clock = clock;
	}

	ActivityRating rate(long activityId, int stars, String comment) {
		long userId = this.access.requireUserId();
		Activity activity = this.activities.byId(activityId);
		if (activity == null) {
			throw DomainException.notFound("活动");
		}
		SignUp mine = this.signUps.findLive(activityId, userId);
		if (mine == null || mine.getStatus() != SignUpStatus.CONFIRMED) {
			throw new DomainException(ActivityError.NOT_SIGNED_UP);
		}
		if (mine.getCheckedInAt() == null) {
			throw new DomainException(ActivityError.NOT_CHECKED_IN, "未签到参加该活动，不能评价");
		}
		if (activity.getStatus() != ActivityStatus.FINISHED) {
			throw new DomainException(ActivityError.ACTIVITY_INVALID_STATE, "活动结束后才能评价");
		}
		if (this.ratings.exists(new LambdaQueryWrapper<ActivityRating>()
			.eq(ActivityRating::getActivityId, activityId)
			.eq(ActivityRating::getUserId, userId))) {
			throw new DomainException(ActivityError.ACTIVITY_ALREADY_RATED);
		}
		String text = (comment == null || comment.isBlank()) ? null : comment.strip();
		// Outside any transaction: WeChat may take seconds.
		ContentSecurity.Verdict verdict = (text == null) ? ContentSecurity.Verdict.PASS
				: this.contentSecurity.check(this.access.openidOf(userId), ContentSecurity.Scene.COMMENT, null, text);
		if (verdict == ContentSecurity.Verdict.RISKY) {
			throw new DomainException(CommonError.CONTENT_REJECTED);
		}
		ActivityRating rating = new ActivityRating();
		rating.setActivityId(activityId);
		rating.setProjectId(activity.getProjectId());
		rating.setUserId(userId);
		rating.setStars(stars);
		rating.setComment(text);
		rating.setCommentHold(verdict.held() ? verdict.name() : null);
		rating.setCreatedAt(this.clock.instant());
		try {
			this.ratings.insert(rating);
		}
		catch (DuplicateKeyException ex) {
			throw new DomainException(ActivityError.ACTIVITY_ALREADY_RATED);
		}
		return this.ratings.selectById(rating.getId());
	}

	/** GraphQL {@code RatingSummary}: average stars (2 decimals, null without ratings) and count. */
	record Summary(BigDecimal average, int count) {

		static final Summary NONE = new Summary(null, 0);

	}

	@Override
	public List<StarTally> tallies(Collection<Long> projectIds) {
		return projectIds.isEmpty() ? List.of() : this.ratings.tallies(projectIds);
	}

	Map<Long, Summary> ofActivities(Collection<Long> activityIds) {
		return activityIds.isEmpty() ? Map.of() : summaries(this.ratings.byActivities(activityIds));
	}

	private static Map<Long, Summary> summaries(List<ActivityRatingMapper.Summary> rows) {
		return rows.stream()
			.collect(Collectors.toMap(ActivityRatingMapper.Summary::id,
					row -> new Summary(row.average().setScale(2, RoundingMode.HALF_UP), row.count()),
					(a, b) -> a));
	}

}
