package cn.wenming.practice.project;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records ratings of needs served under a project so that {@code Project.rating} counts them with
 * the activity ratings. Runs after the rating committed; the need id is the primary key, so a
 * redelivered event changes nothing. A failure here must not reach the resident who rated: it is
 * logged with the event.
 */
@Component
class ProjectNeedRatings {

	private static final Logger log = LoggerFactory.getLogger(ProjectNeedRatings.class);

	private final ProjectNeedRatingMapper ratings;

	private final Clock clock;

	ProjectNeedRatings(ProjectNeedRatingMapper ratings, Clock clock) {
		this.ratings = ratings;
		this.clock = clock;
	}

	@TransactionalEventListener(fallbackExecution = true)
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
		catch (RuntimeException ex) {
			log.error("Project need rating not recorded: {}", event, ex);
		}
	}

}
