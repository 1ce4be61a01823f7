package cn.wenming.practice.activity;

/**
 * Life of an activity: {@code DRAFT → PUBLISHED → ONGOING → FINISHED}, or {@code CANCELLED} from
 * any state before FINISHED. Stored by name.
 */
enum ActivityStatus {

	DRAFT, PUBLISHED, ONGOING, FINISHED, CANCELLED;

	/** Whether the activity is open work that keeps its org unit from being closed. */
	boolean unfinished() {
		return this == DRAFT || this == PUBLISHED || this == ONGOING;
	}

	/** Whether the activity is shown in the nearby index (招募中 or 进行中). */
	boolean discoverable() {
		return this == PUBLISHED || this == ONGOING;
	}

}
