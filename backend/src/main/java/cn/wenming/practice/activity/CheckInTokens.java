package cn.wenming.practice.activity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.SigningKeys;

import org.springframework.stereotype.Component;

/**
 * The organiser's rotating on-site QR code (签到码): {@code activityId.expiresAtMillis.nonce.mac},
 * where the MAC is HMAC-SHA256 over the first three parts with the check-in key of
 * {@link SigningKeys} (its own key: no other signed value verifies as a check-in code). A token names its activity and expires {@value #TTL_SECONDS} s
 * after issue; without the secret it cannot be forged or moved to another activity.
 */
@Component
class CheckInTokens {

	static final int TTL_SECONDS = 60;

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private final SecureRandom random = new SecureRandom();

	private final SigningKeys keys;

	CheckInTokens(SigningKeys keys) {
		this.keys = keys;
	}

	/** A token issued at {@code now}. */
	Issued issue(long activityId, Instant now) {
		byte[] nonce = new byte[9];
		this.random.nextBytes(nonce);
		Instant expiresAt = now.plus(Duration.ofSeconds(TTL_SECONDS));
		String body = activityId + "." + expiresAt.toEpochMilli() + "." + B64.encodeToString(nonce);
		return new Issued(body + "." + mac(body), expiresAt);
	}

	/** A token and when it stops being accepted. */
	record Issued(String token, Instant expiresAt) {
	}

	/**
	 * Accepts the token for {@code activityId} at {@code now}: {@code CHECK_IN_TOKEN_INVALID} when it
	 * is malformed, forged or for another activity, {@code CHECK_IN_TOKEN_EXPIRED} when it is genuine
	 * but too old (a replayed photo of the code).
	 */
	void verify(long activityId, String token, Instant now) {
		String[] parts = (token == null) ? new String[0] : token.split("\\.", -1);
		if (parts.length != 4) {
			throw new DomainException(ActivityError.CHECK_IN_TOKEN_INVALID);
		}
		String body = parts[0] + "." + parts[1] + "." + parts[2];
		if (!MessageDigest.isEqual(mac(body).getBytes(StandardCharsets.US_ASCII),
				parts[3].getBytes(StandardCharsets.US_ASCII))) {
			throw new DomainException(ActivityError.CHECK_IN_TOKEN_INVALID);
		}
		long tokenActivity;
		long expiresAt;
		try {
			tokenActivity = Long.parseLong(parts[0]);
			expiresAt = Long.parseLong(parts[1]);
		}
		catch (NumberFormatException ex) {
			throw new DomainException(ActivityError.CHECK_IN_TOKEN_INVALID);
		}
		if (tokenActivity != activityId) {
			throw new DomainException(ActivityError.CHECK_IN_TOKEN_INVALID, "签到码不属于该活动");
		}
		if (now.toEpochMilli() > expiresAt) {
			throw new DomainException(ActivityError.CHECK_IN_TOKEN_EXPIRED);
		}
	}

	private String mac(String body) {
		return B64.encodeToString(this.keys.mac(SigningKeys.Purpose.CHECK_IN_CODE, body.getBytes(StandardCharsets.UTF_8)));
	}

}
