package cn.wenming.practice.need;

import java.util.List;

/** The assignee's completion (see {@link NeedCompletion}): a note, who served for how long, photos. */
record CompleteNeed(long needId, String note, List<Participant> participants, List<Long> photoIds,
		Integer beneficiaries) {

	/** One volunteer who served, and their hours. */
	record Participant(long userId, double hours) {
	}

}
