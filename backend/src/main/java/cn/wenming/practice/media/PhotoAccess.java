package cn.wenming.practice.media;

/**
 * Whether a user may see the passed photos of a subject: implemented by the feature that owns the
 * subject (needs, 随手拍), so that fetching the bytes re-checks the same rule as the GraphQL field.
 * Each implementation answers for the subjects it names in {@link #subjects()}; a photo of a subject
 * nobody answers for is shown to its uploader only.
 */
public interface PhotoAccess {

	/** The subjects this implementation answers for. */
	java.util.Set<PhotoSubject> subjects();

	boolean maySee(PhotoSubject subject, long subjectId, long viewerUserId);

	/**
	 * Whether the user may review (and so see) the subject's held photos: the admins answering for
	 * it. None by default.
	 */
	default boolean mayReview(PhotoSubject subject, long subjectId, long viewerUserId) {
		return false;
	}

}
