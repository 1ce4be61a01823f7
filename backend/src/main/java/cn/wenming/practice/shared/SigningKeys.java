package cn.wenming.practice.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One MAC key per purpose, each derived with HKDF-SHA256 (RFC 5869) from {@code APP_JWT_SECRET}:
 * the configured secret itself signs nothing. A value signed for one purpose (an access token, a
 * photo URL, an on-site check-in code, a certificate download link) therefore never verifies as
 * another, and a key that leaks from one verifier (a log, a heap dump of the photo path) forges
 * nothing else. Adding a purpose needs no new secret to deploy.
 */
@Component
public class SigningKeys {

	/** What a key signs; the label is HKDF's {@code info} and must never change for a live purpose. */
	public enum Purpose {

		/** The JWT access tokens (HS256). */
		ACCESS_TOKEN("access-token"),
		/** Signed, expiring photo URLs. */
		PHOTO_URL("photo-url"),
		/** The organiser's rotating on-site check-in QR codes. */
		CHECK_IN_CODE("check-in-code"),
		/** Download links of service certificates. */
		CERTIFICATE_LINK("certificate-link");

		private final String label;

		Purpose(String label) {
			this.label = label;
		}

	}

	private static final byte[] SALT = "wenming-practice/signing-keys/v1".getBytes(StandardCharsets.UTF_8);

	private final Map<Purpose, byte[]> keys = new EnumMap<>(Purpose.class);

	public SigningKeys(@Value("${app.auth.jwt-secret}") String secret) {
		byte[] master = secret.getBytes(StandardCharsets.UTF_8);
		for (Purpose purpose : Purpose.values()) {
			this.keys.put(purpose, hkdf(master, SALT, purpose.label.getBytes(StandardCharsets.UTF_8), 32));
		}
	}

	/** A copy of the 32-byte key of {@code purpose}. */
	public byte[] key(Purpose purpose) {
		return this.keys.get(purpose).clone();
	}

	/** HMAC-SHA256 of {@code data} under the key of {@code purpose}. */
	public byte[] mac(Purpose purpose, byte[] data) {
		return hmac(this.keys.get(purpose), data);
	}

	/** HKDF-SHA256 (RFC 5869): extract with {@code salt}, then expand to {@code length} bytes for {@code info}. */
	static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info, int length) {
		byte[] prk = hmac(salt, ikm);
		byte[] out = new byte[length];
		byte[] block = new byte[0];
		int filled = 0;
		for (int counter = 1; filled < length; counter++) {
			byte[] input = new byte[block.length + info.length + 1];
			System.arraycopy(block, 0, input, 0, block.length);
			System.arraycopy(info, 0, input, block.length, info.length);
			input[input.length - 1] = (byte) counter;
			block = hmac(prk, input);
			int n = Math.min(block.length, length - filled);
			System.arraycopy(block, 0, out, filled, n);
			filled += n;
		}
		return out;
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
