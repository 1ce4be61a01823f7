package cn.wenming.practice.activity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** {@code rateActivity} and the batched {@code Project.rating} / {@code Activity.rating}; rules in {@link ActivityRatings}. */
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

	@BatchMapping(typeName = "Project", field = "rating")
	Map<Project, ActivityRatings.Summary> projectRating(List<Project> projects) {
		Map<Long, ActivityRatings.Summary> byId = this.ratings
			.ofProjects(projects.stream().map(Project::getId).distinct().toList());
		Map<Project, ActivityRatings.Summary> result = new LinkedHashMap<>();
		projects.forEach(p -> result.put(p, byId.getOrDefault(p.getId(), ActivityRatings.Summary.NONE)));
		return result;
	}

	@BatchMapping(typeName = "Activity", field = "rating")
	Map<Activity, ActivityRatings.Summary> activityRating(List<Activity> activities) {
		Map<Long, ActivityRatings.Summary> byId = this.ratings
			.ofActivities(activities.stream().map(Activity::getId).distinct().toList());
		Map<Activity, ActivityRatings.Summary> result = new LinkedHashMap<>();
		activities.forEach(a -> result.put(a, byId.getOrDefault(a.getId(), ActivityRatings.Summary.NONE)));
		return result;
	}

}
