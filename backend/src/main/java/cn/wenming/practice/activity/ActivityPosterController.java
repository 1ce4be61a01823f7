package cn.wenming.practice.activity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.ErrorCode;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /activities/{id}/wxacode?source=poster}: the activity's 小程序码 as an image, for the
 * admin's {@code wx.downloadFile} (Bearer token as for /graphql) or the staff console. Refusals answer
 * in GraphQL's error shape with a stable code, as every other refusal of this server.
 */
@RestController
class ActivityPosterController {

	private static final Map<ErrorCode, HttpStatus> STATUS = Map.of(CommonError.UNAUTHENTICATED,
			HttpStatus.UNAUTHORIZED, CommonError.FORBIDDEN, HttpStatus.FORBIDDEN, CommonError.NOT_FOUND,
			HttpStatus.NOT_FOUND, CommonError.UPSTREAM_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
			CommonError.WECHAT_RATE_LIMITED, HttpStatus.TOO_MANY_REQUESTS);

	private final ActivityPosters posters;

	ActivityPosterController(ActivityPosters posters) {
		this.posters = posters;
	}

	@GetMapping("/activities/{id}/wxacode")
	ResponseEntity<byte[]> wxaCode(@PathVariable("id") String id,
			@RequestParam(name = "source", defaultValue = "poster") String source) {
		try {
			long activityId;
			try {
				activityId = Long.parseLong(id);
			}
			catch (NumberFormatException ex) {
				throw DomainException.notFound("活动");
			}
			byte[] image = this.posters.wxaCode(activityId, source);
			return ResponseEntity.ok()
				.contentType(isPng(image) ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
				.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
				.header("X-Content-Type-Options", "nosniff")
				.body(image);
		}
		catch (DomainException ex) {
			return refusal(STATUS.getOrDefault(ex.code(), HttpStatus.BAD_REQUEST), ex.code(), ex.getMessage());
		}
	}

	private static boolean isPng(byte[] image) {
		return image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G';
	}

	private static ResponseEntity<byte[]> refusal(HttpStatus status, ErrorCode code, String message) {
		String body = "{\"errors\":[{\"message\":\"" + message.replace("\"", "'").replace("\\", "")
				+ "\",\"extensions\":{\"code\":\"" + code.name() + "\"}}]}";
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

}
