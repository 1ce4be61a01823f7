package cn.wenming.practice.activity;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code rateActivity} and the batched {@code Activity.rating}; rules in {@link ActivityRatings}. */
@Controller
class ActivityRatingController {

	private final ActivityRatings ratings;

	ActivityRatingController(ActivityRatings ratings) {
		this.ratings = ratings;
	}

	@MutationMapping
	ActivityRating rateActivity(@Argument long activityId, @Argument @Min(1) @Max(5) int stars,
			@Argument @Size(max = 500) String comment) {
		return this.ratings.rate(activityId, stars, comment);
	}

	@BatchMapping(typeName = "Activity", field = "rating")
	List<ActivityRatings.Summary> activityRating(List<Activity> activities) {
		Map<Long, ActivityRatings.Summary> byId = this.ratings
			.ofActivities(activities.stream().map(Activity::getId).distinct().toList());
		return activities.stream().map(a -> byId.getOrDefault(a.getId(), ActivityRatings.Summary.NONE)).toList();
	}

}
