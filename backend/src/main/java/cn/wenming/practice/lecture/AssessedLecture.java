package cn.wenming.practice.lecture;

/**
 * One lecture the assessment counted for a unit and month: a recorded lecture, or a held activity
 * flagged as a theory lecture that no recorded lecture stands for.
 */
public record AssessedLecture(Source source, long id, String title, String heldOn, String place, Integer audience) {

	/** Where the count comes from. */
	public enum Source {

		LECTURE, ACTIVITY

	}

}
