package cn.wenming.practice.media;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.shared.ErrorCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors of the photo endpoints as {@code {"code", "message"}}. The multipart limits are checked by
 * the servlet container before any controller runs, so their exceptions are handled here (an
 * advice without selectors: no handler is known yet at that point).
 */
@RestControllerAdvice
class MediaErrors {

	private static final Map<ErrorCode, HttpStatus> HTTP_STATUS = Map.of(CommonError.UNAUTHENTICATED,
			HttpStatus.UNAUTHORIZED, CommonError.FORBIDDEN, HttpStatus.FORBIDDEN, MediaError.PHOTO_TOO_LARGE,
			HttpStatus.PAYLOAD_TOO_LARGE, MediaError.PHOTO_TYPE_INVALID, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
			CommonError.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR, CommonError.RATE_LIMITED,
			HttpStatus.TOO_MANY_REQUESTS, CommonError.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);

	static ResponseEntity<Map<String, Object>> body(ErrorCode code, String message) {
		HttpStatus status = HTTP_STATUS.getOrDefault(code, HttpStatus.BAD_REQUEST);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code.name());
		body.put("message", message);
		return ResponseEntity.status(status).body(body);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
		return body(MediaError.PHOTO_TOO_LARGE, MediaError.PHOTO_TOO_LARGE.defaultMessage());
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Map<String, Object>> badMultipart(MultipartException ex) {
		return body(CommonError.BAD_REQUEST, "上传格式不正确：需要 multipart/form-data，照片放在 file 字段");
	}

}
