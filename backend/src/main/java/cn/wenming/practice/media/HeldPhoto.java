package cn.wenming.practice.media;

import java.time.Instant;

/**
 * A photo in (or just out of) the staff's review queue, for one reviewer: {@code hold} is why it is
 * held, null once decided (by staff: {@code reviewedBy}, {@code reviewedAt}); the view's URLs are
 * signed for that reviewer and serve while the photo is held and they may review it.
 */
public record HeldPhoto(long id, PhotoSubject subject, long subjectId, long ownerUserId, PhotoHold hold,
		Instant uploadedAt, Long reviewedBy, Instant reviewedAt, PhotoView view) {
}
