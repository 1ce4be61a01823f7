package cn.wenming.practice.project;

import java.util.Collection;
import java.util.List;

/**
 * Ratings a feature keeps of services it delivered under projects, counted by
 * {@code Project.rating}. Implemented by the activity feature (its activity ratings), which owns
 * those rows: this feature asks for tallies instead of reading its tables, so it depends on
 * neither activities nor needs. Ratings of needs arrive as {@link ServiceRated} instead, because
 * the need feature keeps no per-project copy of them.
 */
public interface RatedUnderProject {

	/** One tally per project that has ratings from this source, in one statement. */
	List<StarTally> tallies(Collection<Long> projectIds);

}
