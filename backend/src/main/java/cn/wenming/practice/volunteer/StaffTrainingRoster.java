package cn.wenming.practice.volunteer;

import java.util.Collection;
import java.util.Set;

/**
 * Who a 骨干培训 (staff training) is for: the people the assessment's {@code STAFF_TRAINING_COVERAGE}
 * counts at a unit — its staff (admins granted on it) and 骨干 (leaders of its active teams).
 * Supplied by the assessment feature, which defines that figure and depends on this one (team leaders
 * are known only above this module), so that a session records only people it can count for.
 */
public interface StaffTrainingRoster {

	/** Those of {@code userIds} counted as staff or 骨干 at one of the units (each once, any order). */
	Set<Long> staffAmong(Collection<Long> unitIds, Collection<Long> userIds);

}
