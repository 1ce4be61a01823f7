package cn.wenming.practice.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * {@code Project.rating}: the average over every rating of a service delivered under the project,
 * its activities' ratings (from each {@link RatedUnderProject}) and the ratings of needs served
 * under it ({@link ProjectNeedRatings}), all counted alike. One statement per source, whatever the
 * number of projects.
 */
@Component
class ProjectRatings {

	private final ProjectNeedRatingMapper needRatings;

	private final List<RatedUnderProject> sources;

	ProjectRatings(ProjectNeedRatingMapper needRatings, List<RatedUnderProject> sources) {
		this.needRatings = needRatings;
		this.sources = sources;
	}

	/** GraphQL {@code RatingSummary}: average stars (2 decimals, null without ratings) and count. */
	record Summary(BigDecimal average, int count) {

		static final Summary NONE = new Summary(null, 0);

	}

	Map<Long, Summary> of(Collection<Long> projectIds) {
		if (projectIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, long[]> totals = new HashMap<>();
		add(totals, this.needRatings.tallies(projectIds));
		this.sources.forEach(source -> add(totals, source.tallies(projectIds)));
		Map<Long, Summary> result = new HashMap<>();
		totals.forEach((id, t) -> result.put(id, new Summary(average(t[1], t[0]), (int) t[0])));
		return result;
	}

	private static void add(Map<Long, long[]> totals, List<StarTally> tallies) {
		for (StarTally tally : tallies) {
			long[] t = totals.computeIfAbsent(tally.projectId(), id -> new long[2]);
			t[0] += tally.count();
			t[1] += tally.stars();
		}
	}

	/**
	 * The quotient as MySQL's DECIMAL division gave it when one statement averaged both sources (4
	 * decimals, half up), then rounded to 2: the same figures as before the sources were split.
	 */
	private static BigDecimal average(long stars, long count) {
		return BigDecimal.valueOf(stars)
			.divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_UP)
			.setScale(2, RoundingMode.HALF_UP);
	}

}
