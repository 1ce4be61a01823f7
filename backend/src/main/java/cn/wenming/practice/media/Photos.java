package cn.wenming.practice.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.RateLimitedException;
import cn.wenming.practice.shared.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Photos: upload (checked by magic bytes and size before anything is stored), WeChat's
 * asynchronous check (sent after the row exists, outside any transaction), its verdict, and
 * attaching photos to a subject. The API other features use: {@link #validateIds},
 * {@link #attach}, {@link #visible} and {@link #isUploaderOf}.
 */
@Component
public class Photos {

	private static final Logger log = LoggerFactory.getLogger(Photos.class);

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	static final String QUOTA_PREFIX = "media:upload-quota:";

	/** Rows read per retry page. */
	static final int PAGE = 100;

	private final PhotoMapper photos;

	private final PhotoStore store;

	private final PhotoUrls urls;

	private final MediaCheck check;

	private final MediaProperties properties;

	private final AccessControl access;

	private final Clock clock;

	private final RateLimiter limiter;

	Photos(PhotoMapper photos, PhotoStore store, PhotoUrls urls, MediaCheck check, MediaProperties properties,
			AccessControl access, Clock clock, RateLimiter limiter) {
		this.limiter = limiter;
		this.photos = photos;
		this.store = store;
		this.urls = urls;
		this.check = check;
		this.properties = properties;
		this.access = access;
		this.clock = clock;
	}

	// --- Upload and check.

	/**
	 * Stores a photo uploaded by {@code ownerUserId} and asks WeChat to check it (fetching it from
	 * {@code app.media.public-base-url}). Refused (nothing stored):
	 * {@code PHOTO_TOO_LARGE}, {@code PHOTO_TYPE_INVALID}.
	 */
	Photo upload(long ownerUserId, byte[] bytes) {
		// Fails closed: without Redis the quota cannot be checked, and each upload spends WeChat's check quota.
		Duration wait = this.limiter.takeOrUnavailable(QUOTA_PREFIX + ownerUserId, new RateLimiter.Bucket(
				this.properties.uploadQuota().capacity(), this.properties.uploadQuota().refillPeriod()));
		if (!wait.isZero()) {
			this.limiter.refused("photo-upload");
			throw new RateLimitedException(wait);
		}
		if (bytes.length > this.properties.maxPhotoSize().toBytes()) {
			throw new DomainException(MediaError.PHOTO_TOO_LARGE);
		}
		String contentType = contentType(bytes);
		if (contentType == null) {
			throw new DomainException(MediaError.PHOTO_TYPE_INVALID);
		}
		bytes = PhotoMetadata.strip(bytes, contentType);
		byte[] thumbnail = PhotoThumbnails.of(bytes, this.properties.thumbnailMaxSide());
		String key = this.store.put(bytes);
		String thumbnailKey = null;
		Photo photo = new Photo();
		try {
			thumbnailKey = (thumbnail == null) ? null : this.store.put(thumbnail);
		}
		catch (RuntimeException ex) {
			this.store.delete(key);
			throw ex;
		}
		photo.setOwnerUserId(ownerUserId);
		photo.setStorageKey(key);
		photo.setThumbnailKey(thumbnailKey);
		photo.setContentType(contentType);
		photo.setSizeBytes(bytes.length);
		photo.setStatus(PhotoStatus.PENDING);
		photo.setCheckAttempts(0);
		try {
			this.photos.insert(photo);
		}
		catch (RuntimeException ex) {
			this.store.delete(key);
			if (thumbnailKey != null) {
				this.store.delete(thumbnailKey);
			}
			throw ex;
		}
		// Only the configured address: the request's Host header is the client's to forge, and WeChat
		// would check whatever image that host serves. Without one the check is not sent (pending).
		send(photo, this.urls.configuredBase());
		return this.photos.selectById(photo.getId());
	}

	/** The type the bytes really are (by their first bytes, never the name or the declared type), or null. */
	static String contentType(byte[] bytes) {
		if (startsWith(bytes, PNG)) {
			return "image/png";
		}
		// A JPEG starts with SOI and a marker; a bare FF D8 FF of a few bytes is not an image.
		if (bytes.length > 100 && startsWith(bytes, JPEG)) {
			return "image/jpeg";
		}
		return null;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** Sends the check request; on failure the photo stays pending with one more attempt counted. */
	private boolean send(Photo photo, String base) {
		Instant now = this.clock.instant();
		String openid = this.access.openidOf(photo.getOwnerUserId());
		String url = (base == null) ? null
				: this.urls.url(base, photo.getId(), PhotoUrls.WECHAT, now.plus(this.properties.checkUrlTtl()));
		String traceId = this.check.request(openid, url);
		if (traceId == null) {
			this.photos.recordFailedAttempt(photo.getId(), now);
			return false;
		}
		return this.photos.recordSent(photo.getId(), traceId, now) == 1;
	}

	/**
	 * Re-sends the checks that never reached WeChat, at most {@code checkMaxAttempts} times per
	 * photo; returns how many were sent now. Needs {@code app.media.public-base-url}.
	 */
	int resendUnsent() {
		String base = this.urls.configuredBase();
		if (base == null) {
			log.warn("Photo checks not re-sent: app.media.public-base-url is not set");
			return 0;
		}
		int sent = 0;
		long afterId = 0;
		while (true) {
			List<Photo> rows = this.photos.unsent(this.properties.checkMaxAttempts(), afterId, PAGE);
			for (Photo photo : rows) {
				try {
					if (send(photo, base)) {
						sent++;
					}
				}
				catch (RuntimeException ex) {
					log.warn("Photo check re-send failed for photo {}: {}", photo.getId(), ex.getClass().getSimpleName());
				}
				afterId = photo.getId();
			}
			if (rows.size() < PAGE) {
				if (sent > 0) {
					log.info("Photo checks re-sent: {}", sent);
				}
				return sent;
			}
		}
	}

	/**
	 * Deletes photos that were never attached (a need abandoned after its photos were uploaded) once
	 * they are older than {@code app.media.unattached-max-age}: the row first, guarded by
	 * {@code subject_type IS NULL} so a photo attached at this moment is kept, then the file. Returns
	 * how many were deleted.
	 */
	int deleteUnattached() {
		Instant before = this.clock.instant().minus(this.properties.unattachedMaxAge());
		int deleted = 0;
		long afterId = 0;
		while (true) {
			List<Photo> rows = this.photos.unattachedBefore(before, afterId, PAGE);
			for (Photo photo : rows) {
				afterId = photo.getId();
				if (this.photos.deleteUnattached(photo.getId()) == 1) {
					deleted++;
					try {
						this.store.delete(photo.getStorageKey());
						if (photo.getThumbnailKey() != null) {
							this.store.delete(photo.getThumbnailKey());
						}
					}
					catch (RuntimeException ex) {
						log.warn("Photo file {} of deleted photo {} not removed: {}", photo.getStorageKey(), photo.getId(),
								ex.getClass().getSimpleName());
					}
				}
			}
			if (rows.size() < PAGE) {
				if (deleted > 0) {
					log.info("Unattached photos deleted: {}", deleted);
				}
				return deleted;
			}
		}
	}

	/** What WeChat's check of one photo said. */
	enum Verdict {

		PASS, REJECT, FAILED

	}

	/**
	 * Applies WeChat's verdict to the photo with {@code traceId}; an unknown trace id is logged and
	 * ignored, as is a verdict for a photo already decided (WeChat may push twice).
	 */
	void decide(String traceId, Verdict verdict) {
		Photo photo = (traceId == null) ? null : this.photos.findByTrace(traceId);
		if (photo == null) {
			log.info("WeChat media check result for unknown trace_id {} ignored", traceId);
			return;
		}
		Instant now = this.clock.instant();
		switch (verdict) {
			case PASS -> this.photos.decide(photo.getId(), PhotoStatus.PASSED, now);
			case REJECT -> this.photos.decide(photo.getId(), PhotoStatus.REJECTED, now);
			case FAILED -> {
				log.warn("WeChat could not check photo {} (trace {}): re-sending later", photo.getId(), traceId);
				this.photos.forgetTrace(photo.getId(), now);
			}
		}
	}

	Photo find(long id) {
		return this.photos.selectById(id);
	}

	/** The photo's bytes, or null when its file is gone (logged: the row outlived its file). */
	byte[] bytes(Photo photo) {
		return stored(photo, photo.getStorageKey());
	}

	/** The thumbnail's JPEG bytes, or null when the photo has none or its file is gone. */
	byte[] thumbnailBytes(Photo photo) {
		return (photo.getThumbnailKey() == null) ? null : stored(photo, photo.getThumbnailKey());
	}

	private byte[] stored(Photo photo, String key) {
		byte[] bytes = this.store.get(key);
		if (bytes == null) {
			log.warn("Photo {}: its file is missing from the media storage directory", photo.getId());
		}
		return bytes;
	}

	// --- For the features photos are attached to.

	/** Checks a list of photo ids from an input before anything is stored: at most the limit, no repeats. */
	public List<Long> validateIds(List<Long> ids) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		if (ids.size() > this.properties.maxPhotosPerPart()) {
			throw new DomainException(CommonError.BAD_REQUEST, "最多 " + this.properties.maxPhotosPerPart() + " 张照片");
		}
		if (new HashSet<>(ids).size() != ids.size()) {
			throw new DomainException(CommonError.BAD_REQUEST, "照片重复");
		}
		return List.copyOf(ids);
	}

	/**
	 * Attaches the owner's photos to the subject, in the caller's transaction. {@code unitId} is the
	 * org unit answering for the subject (its station): the review queue of {@link #held} finds held
	 * photos by it. A photo that is not the owner's, does not exist or is already attached fails the
	 * whole call with {@code PHOTO_NOT_ATTACHABLE} (the caller's transaction then rolls back).
	 */
	public void attach(long ownerUserId, List<Long> ids, PhotoSubject subject, long subjectId, long unitId) {
		if (ids.isEmpty()) {
			return;
		}
		if (this.photos.attach(ids, ownerUserId, subject, subjectId, unitId, this.clock.instant()) != ids.size()) {
			throw new DomainException(MediaError.PHOTO_NOT_ATTACHABLE);
		}
	}

	/**
	 * The photos of the subjects as {@code viewerUserId} may see them, in one query: passed photos
	 * of subjects for which {@code passedVisible} holds, and the viewer's own photos (pending and
	 * rejected ones as a status, without a URL when rejected).
	 */
	public Map<Long, List<PhotoView>> visible(PhotoSubject subject, Collection<Long> subjectIds, Long viewerUserId,
			LongPredicate passedVisible) {
		Map<Long, List<PhotoView>> out = new LinkedHashMap<>();
		Set<Long> ids = new HashSet<>(subjectIds);
		ids.forEach(id -> out.put(id, new java.util.ArrayList<>()));
		if (ids.isEmpty()) {
			return out;
		}
		Instant expiresAt = this.clock.instant().plus(this.properties.viewUrlTtl());
		String base = this.urls.configuredBase();
		long viewer = (viewerUserId == null) ? -1 : viewerUserId;
		for (Photo photo : this.photos.ofSubjects(subject, ids)) {
			boolean own = photo.getOwnerUserId() == viewer;
			boolean passed = photo.getStatus() == PhotoStatus.PASSED;
			if (!own && !(passed && passedVisible.test(photo.getSubjectId()))) {
				continue;
			}
			boolean fetchable = photo.getStatus() != PhotoStatus.REJECTED && viewer > 0;
			String url = fetchable ? this.urls.url(base, photo.getId(), viewer, expiresAt) : null;
			String thumbnailUrl = (fetchable && photo.getThumbnailKey() != null)
					? this.urls.thumbnailUrl(base, photo.getId(), viewer, expiresAt) : null;
			out.get(photo.getSubjectId())
				.add(new PhotoView(photo.getId(), photo.getStatus(), url, thumbnailUrl));
		}
		return out;
	}

	/**
	 * Whether {@code userId} uploaded any photo attached to the subject under one of these subject
	 * types (pending, passed or rejected alike): for a feature that keeps a decision about a subject's
	 * photos away from the people who took them.
	 */
	public boolean isUploaderOf(long userId, Set<PhotoSubject> subjects, long subjectId) {
		return !subjects.isEmpty() && this.photos.uploadedAny(subjects, subjectId, userId);
	}

	// --- Staff review of held photos (for the feature owning the subject, which checks the reviewer's scope).

	/**
	 * A page of held photos (not passed by WeChat, not yet reviewed) of these subject types attached
	 * in these units (the {@code unitId} given to {@link #attach}; the caller passes the reviewer's
	 * subtree), oldest first, after photo id {@code afterId}, with URLs signed for
	 * {@code reviewerUserId}. One indexed statement, whatever the page size.
	 */
	public List<HeldPhoto> held(Set<PhotoSubject> subjects, Collection<Long> unitIds, long afterId, int limit,
			long reviewerUserId) {
		if (subjects.isEmpty() || unitIds.isEmpty() || limit <= 0) {
			return List.of();
		}
		Instant expiresAt = this.clock.instant().plus(this.properties.viewUrlTtl());
		return this.photos.held(subjects, unitIds, afterId, limit)
			.stream()
			.map((photo) -> held(photo, reviewerUserId, expiresAt))
			.toList();
	}

	/**
	 * The attached photo with this id as its reviewer sees it (URLs signed for them while it is held
	 * or passed), or null when it is unknown or attached to nothing. The caller checks the scope.
	 */
	public HeldPhoto forReview(long photoId, long reviewerUserId) {
		Photo photo = this.photos.selectById(photoId);
		if (photo == null || photo.getSubjectType() == null) {
			return null;
		}
		return held(photo, reviewerUserId, this.clock.instant().plus(this.properties.viewUrlTtl()));
	}

	/**
	 * Records a reviewer's decision on a held photo: approved it is shown like a photo WeChat passed,
	 * rejected it is never shown. Who and when stay on the row; a later WeChat verdict changes
	 * nothing. False when the photo is no longer held (decided meanwhile).
	 */
	public boolean review(long photoId, boolean approve, long reviewerUserId) {
		boolean done = this.photos.review(photoId, approve ? PhotoStatus.PASSED : PhotoStatus.REJECTED, reviewerUserId,
				this.clock.instant()) == 1;
		if (done) {
			log.info("Held photo {} {} by user {}", photoId, approve ? "approved" : "rejected", reviewerUserId);
		}
		return done;
	}

	static boolean isHeld(Photo photo) {
		return photo.getStatus() != PhotoStatus.PASSED && photo.getReviewedAt() == null;
	}

	private HeldPhoto held(Photo photo, long reviewer, Instant expiresAt) {
		String base = this.urls.configuredBase();
		PhotoHold hold = null;
		if (isHeld(photo)) {
			if (photo.getStatus() == PhotoStatus.REJECTED) {
				hold = PhotoHold.RISKY;
			}
			else {
				hold = (photo.getTraceId() != null) ? PhotoHold.CHECKING : PhotoHold.UNCHECKED;
			}
		}
		// A photo rejected by staff is shown to nobody, the reviewer included.
		boolean fetchable = hold != null || photo.getStatus() == PhotoStatus.PASSED;
		String url = fetchable ? this.urls.url(base, photo.getId(), reviewer, expiresAt) : null;
		String thumbnailUrl = (fetchable && photo.getThumbnailKey() != null)
				? this.urls.thumbnailUrl(base, photo.getId(), reviewer, expiresAt) : null;
		return new HeldPhoto(photo.getId(), photo.getSubjectType(), photo.getSubjectId(), photo.getOwnerUserId(), hold,
				photo.getCreatedAt(), photo.getReviewedBy(), photo.getReviewedAt(),
				new PhotoView(photo.getId(), photo.getStatus(), url, thumbnailUrl));
	}

}
