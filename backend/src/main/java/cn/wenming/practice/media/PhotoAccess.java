package cn.wenming.practice.media;

/**
 * Whether a user may see the passed photos of a subject: implemented by the feature that owns the
 * subject (needs), so that fetching the bytes re-checks the same rule as the GraphQL field.
 */
public interface PhotoAccess {

	boolean maySee(PhotoSubject subject, long subjectId, long viewerUserId);

	/**
	 * Whether the user may review (and so see) the subject's held photos: the admins answering for
	 * it. None by default.
	 */
	default boolean mayReview(PhotoSubject subject, long subjectId, long viewerUserId) {
		return false;
	}

}
