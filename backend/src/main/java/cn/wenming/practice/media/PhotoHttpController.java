package cn.wenming.practice.media;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.Outages;
import cn.wenming.practice.shared.RateLimitedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photo upload and download over plain HTTP: the mini-program uploads with {@code wx.uploadFile}
 * (multipart, field {@code file}, {@code Authorization: Bearer} as for /graphql) and shows photos
 * with {@code <image src>}, which cannot send headers, hence signed URLs for the bytes. Errors
 * answer {@code {"code": ..., "message": ...}} with a stable code.
 */
@RestController
class PhotoHttpController {

	private static final Logger log = LoggerFactory.getLogger(PhotoHttpController.class);

	private final Photos photos;

	private final PhotoUrls urls;

	private final java.util.Map<PhotoSubject, PhotoAccess> photoAccess = new java.util.EnumMap<>(PhotoSubject.class);

	private final AccessControl access;

	private final MediaProperties properties;

	private final Clock clock;

	PhotoHttpController(Photos photos, PhotoUrls urls, java.util.List<PhotoAccess> photoAccess, AccessControl access,
			MediaProperties properties, Clock clock) {
		this.photos = photos;
		this.urls = urls;
		photoAccess.forEach(owner -> owner.subjects().forEach(subject -> this.photoAccess.put(subject, owner)));
		this.access = access;
		this.properties = properties;
		this.clock = clock;
	}

	/** Uploads one photo: {@code {"id", "status"}}; it stays visible only to the uploader until WeChat passes it. */
	@PostMapping(path = "/media/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> upload(@RequestParam(name = "file", required = false) MultipartFile file)
			throws IOException {
		long userId = this.access.requireUserId();
		if (file == null || file.isEmpty()) {
			throw new DomainException(CommonError.BAD_REQUEST, "缺少照片文件（字段 file）");
		}
		long max = this.properties.maxPhotoSize().toBytes();
		if (file.getSize() > max) {
			throw new DomainException(MediaError.PHOTO_TOO_LARGE);
		}
		byte[] bytes;
		try (InputStream in = file.getInputStream()) {
			// Never more than the limit (+1 to notice an over-long body) in memory, whatever the part claims.
			bytes = in.readNBytes((int) max + 1);
		}
		Photo photo = this.photos.upload(userId, bytes);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", photo.getId().toString());
		body.put("status", photo.getStatus().name());
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}

	/**
	 * The bytes, for a genuine unexpired URL whose viewer may still see the photo: WeChat's check
	 * while the photo is pending, the uploader unless it was rejected, an admin who may review it
	 * while it is held, anyone else only once it passed and while they may see what it is attached to. Anything else is 404, the same answer
	 * as for a photo that does not exist.
	 */
	@GetMapping("/media/photos/{id}")
	ResponseEntity<byte[]> download(@PathVariable("id") long id, @RequestParam(name = "exp", defaultValue = "0") long exp,
			@RequestParam(name = "v", defaultValue = "-1") long viewer,
			@RequestParam(name = "sig", required = false) String sig) {
		if (!this.urls.valid(id, exp, viewer, sig, this.clock.instant())) {
			return notFound();
		}
		Photo photo = this.photos.find(id);
		if (photo == null || !mayFetch(photo, viewer)) {
			return notFound();
		}
		byte[] bytes = this.photos.bytes(photo);
		if (bytes == null) {
			return notFound();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.getContentType()))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	/**
	 * The thumbnail (JPEG), under the photo's URL and rules: the same signature and visibility
	 * checks, 404 likewise, and 404 for a photo without one (or whose file is gone).
	 */
	@GetMapping("/media/photos/{id}/thumbnail")
	ResponseEntity<byte[]> thumbnail(@PathVariable("id") long id,
			@RequestParam(name = "exp", defaultValue = "0") long exp,
			@RequestParam(name = "v", defaultValue = "-1") long viewer,
			@RequestParam(name = "sig", required = false) String sig) {
		if (!this.urls.valid(id, exp, viewer, sig, this.clock.instant())) {
			return notFound();
		}
		Photo photo = this.photos.find(id);
		if (photo == null || photo.getThumbnailKey() == null || !mayFetch(photo, viewer)) {
			return notFound();
		}
		byte[] bytes = this.photos.thumbnailBytes(photo);
		if (bytes == null) {
			return notFound();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

	private boolean mayFetch(Photo photo, long viewer) {
		if (viewer == PhotoUrls.WECHAT) {
			return photo.getStatus() == PhotoStatus.PENDING;
		}
		// A held photo (even one WeChat judged risky) is shown to the admins who must decide on it.
		PhotoAccess owner = (photo.getSubjectType() == null) ? null : this.photoAccess.get(photo.getSubjectType());
		if (Photos.isHeld(photo) && owner != null
				&& owner.mayReview(photo.getSubjectType(), photo.getSubjectId(), viewer)) {
			return true;
		}
		if (photo.getStatus() == PhotoStatus.REJECTED) {
			return false;
		}
		if (photo.getOwnerUserId() == viewer) {
			return true;
		}
		return photo.getStatus() == PhotoStatus.PASSED && owner != null
				&& owner.maySee(photo.getSubjectType(), photo.getSubjectId(), viewer);
	}

	private static ResponseEntity<byte[]> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore()).build();
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Map<String, Object>> domainError(DomainException ex) {
		if (ex instanceof RateLimitedException limited) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()))
				.body(MediaErrors.body(ex.code(), ex.getMessage()).getBody());
		}
		if (ex.code() == CommonError.SERVICE_UNAVAILABLE) {
			return unavailable();
		}
		return MediaErrors.body(ex.code(), ex.getMessage());
	}

	/**
	 * MySQL or Redis unreachable while uploading or serving a photo (the token check, the quota, the
	 * row): HTTP 503 with {@code Retry-After} and {@code SERVICE_UNAVAILABLE}, as GraphQL answers an
	 * outage, not a 500 that reads as a bug. Anything else is a bug and goes on to the container.
	 */
	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<Map<String, Object>> failure(RuntimeException ex) {
		if (!Outages.isOutage(ex)) {
			throw ex;
		}
		log.warn("Photo request failed, service unavailable: {}", ex.getClass().getSimpleName());
		return unavailable();
	}

	private static ResponseEntity<Map<String, Object>> unavailable() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Outages.RETRY_AFTER_SECONDS)
			.body(MediaErrors.body(CommonError.SERVICE_UNAVAILABLE, CommonError.SERVICE_UNAVAILABLE.defaultMessage())
				.getBody());
	}

}
