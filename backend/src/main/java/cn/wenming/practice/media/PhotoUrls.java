package cn.wenming.practice.media;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import cn.wenming.practice.shared.SigningKeys;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Signed, expiring photo URLs: {@code /media/photos/{id}?exp=..&v=..&sig=..}, where {@code v} is
 * the viewer the URL was issued to (0: WeChat's check) and {@code sig} an HMAC-SHA256 over id,
 * expiry and viewer with the photo-URL key of {@link SigningKeys} (its own key: no other signed
 * value verifies as a photo URL). The mini-program's {@code <image>} cannot send a
 * bearer token, hence the signature; the viewer in it lets the server re-check visibility on
 * every fetch, so a URL outlives neither its expiry nor the viewer's right to see the photo.
 */
@Component
class PhotoUrls {

	/** The viewer id of URLs handed to WeChat's check. */
	static final long WECHAT = 0;

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private final SigningKeys keys;

	private final MediaProperties properties;

	PhotoUrls(SigningKeys keys, MediaProperties properties) {
		this.properties = properties;
		this.keys = keys;
	}

	/** A URL for {@code viewer} (a user id, or {@link #WECHAT}) expiring at {@code expiresAt}; {@code base} may be blank (relative). */
	String url(String base, long photoId, long viewer, Instant expiresAt) {
		long exp = expiresAt.getEpochSecond();
		String path = "/media/photos/" + photoId + "?exp=" + exp + "&v=" + viewer + "&sig=" + sign(photoId, exp, viewer);
		return StringUtils.hasText(base) ? stripSlash(base) + path : path;
	}

	/**
	 * The thumbnail's URL: {@code /media/photos/{id}/thumbnail} with the same query and signature as
	 * the photo's, since whoever may see a photo may see its thumbnail.
	 */
	String thumbnailUrl(String base, long photoId, long viewer, Instant expiresAt) {
		return url(base, photoId, viewer, expiresAt).replace("/media/photos/" + photoId + "?",
				"/media/photos/" + photoId + "/thumbnail?");
	}

	/** The configured public base URL, or null. */
	String configuredBase() {
		return StringUtils.hasText(this.properties.publicBaseUrl()) ? this.properties.publicBaseUrl() : null;
	}

	/** Whether the signature is genuine and the URL has not expired at {@code now}. */
	boolean valid(long photoId, long exp, long viewer, String sig, Instant now) {
		if (sig == null || now.getEpochSecond() > exp) {
			return false;
		}
		return MessageDigest.isEqual(sign(photoId, exp, viewer).getBytes(StandardCharsets.US_ASCII),
				sig.getBytes(StandardCharsets.US_ASCII));
	}

	private String sign(long photoId, long exp, long viewer) {
		return B64.encodeToString(this.keys.mac(SigningKeys.Purpose.PHOTO_URL,
				(photoId + "." + exp + "." + viewer).getBytes(StandardCharsets.UTF_8)));
	}

	private static String stripSlash(String base) {
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
