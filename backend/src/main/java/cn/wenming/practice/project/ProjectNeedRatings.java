package cn.wenming.practice.project;

import java.time.Clock;


import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records ratings of needs served under a project so that {@code Project.rating} counts them with
 * the activity ratings. Runs after the rating committed, through the event publication registry (a
 * failure is retried); the need id is the primary key, so a redelivered event changes nothing.
 */
@Component
class ProjectNeedRatings {

	private final ProjectNeedRatingMapper ratings;

	private final Clock clock;

	ProjectNeedRatings(ProjectNeedRatingMapper ratings, Clock clock) {
		this.ratings = ratings;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ServiceRated event) {
		if (event.source() != ServiceRated.Source.NEED) {
			return;
		}
		ProjectNeedRating row = new ProjectNeedRating();
		row.setNeedId(event.sourceId());
		row.setProjectId(event.projectId());
		row.setStars(event.stars());
		row.setRatedAt(event.ratedAt());
		row.setCreatedAt(this.clock.instant());
		try {
			this.ratings.insert(row);
		}
		catch (DuplicateKeyException ex) {
			// Already counted: a replay.
		}
	}

}
