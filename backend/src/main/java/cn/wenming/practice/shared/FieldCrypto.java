package cn.wenming.practice.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest (AES-256-GCM, random 96-bit nonce per value) and computes a
 * keyed blind index (HMAC-SHA256) so encrypted values can still be unique and looked up. Both keys
 * of a key id are derived from its master key, so one secret covers both.
 * <p>
 * A sealed value names the key that sealed it: {@code $<keyId>$<base64 of nonce, ciphertext and
 * tag>} (the key id is also authenticated as GCM's associated data). That is what makes
 * {@code APP_CRYPTO_KEY} rotatable: the active key seals, every configured key
 * ({@code APP_CRYPTO_PREVIOUS_KEYS}) still opens, and the rotation command ({@link CryptoRotation})
 * re-seals old values under the active key while the service runs. Values written before key ids
 * existed (bare base64) are opened by trying each key (GCM's tag tells the right one).
 */
@Component
public class FieldCrypto {

	static final String KEY_ID = "[A-Za-z0-9]{1,16}";

	private static final java.util.regex.Pattern SEALED = java.util.regex.Pattern
		.compile("^\\$(" + KEY_ID + ")\\$([A-Za-z0-9+/]+=*)$");

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	/** Key id → keys; the active key first. */
	private final Map<String, Keys> keys = new LinkedHashMap<>();

	private final String activeId;

	private final SecureRandom random = new SecureRandom();

	private record Keys(SecretKeySpec encryption, SecretKeySpec index) {
	}

	FieldCrypto(CryptoProperties properties) {
		this.activeId = properties.keyId().trim();
		this.keys.put(this.activeId, keys(properties.key(), "APP_CRYPTO_KEY"));
		String previous = (properties.previousKeys() == null) ? "" : properties.previousKeys();
		for (String entry : previous.split(",")) {
			if (entry.isBlank()) {
				continue;
			}
			int colon = entry.indexOf(':');
			String id = (colon < 0) ? "" : entry.substring(0, colon).trim();
			if (!id.matches(KEY_ID)) {
				throw new IllegalStateException("APP_CRYPTO_PREVIOUS_KEYS entries must be id:base64 (id 1-16 letters or digits)");
			}
			if (this.keys.containsKey(id)) {
				throw new IllegalStateException("APP_CRYPTO_PREVIOUS_KEYS repeats key id " + id);
			}
			this.keys.put(id, keys(entry.substring(colon + 1), "APP_CRYPTO_PREVIOUS_KEYS key " + id));
		}
	}

	/**
	 * For tools outside the application context (the county seeder) that must write values the
	 * application can read: the same key gives the same encryption and blind index (key id 1).
	 */
	public static FieldCrypto withKey(String base64Key) {
		return new FieldCrypto(new CryptoProperties(base64Key, "1", "", false, 500));
	}

	/** Keys for tests and tools: the active one and those still readable ({@code id:base64,...}). */
	public static FieldCrypto withKeys(String activeId, String activeBase64Key, String previousKeys) {
		return new FieldCrypto(new CryptoProperties(activeBase64Key, activeId, previousKeys, false, 500));
	}

	private static Keys keys(String base64, String name) {
		byte[] master;
		try {
			master = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(name + " must be base64");
		}
		if (master.length != 32) {
			throw new IllegalStateException(name + " must decode to 32 bytes");
		}
		return new Keys(new SecretKeySpec(derive(master, "field-encryption"), "AES"),
				new SecretKeySpec(derive(master, "blind-index"), "HmacSHA256"));
	}

	/** The id of the key new values are sealed with. */
	public String activeKeyId() {
		return this.activeId;
	}

	/** {@code $keyId$} followed by base64 of nonce, ciphertext and tag, under the active key. */
	public String encrypt(String plaintext) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.activeId).encryption(),
					new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(this.activeId.getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return "$" + this.activeId + "$" + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	/** Opens a value sealed by {@link #encrypt} under any configured key, or one from before key ids. */
	public String decrypt(String stored) {
		Matcher sealed = SEALED.matcher(stored);
		if (sealed.matches()) {
			Keys key = this.keys.get(sealed.group(1));
			if (key == null) {
				throw new IllegalStateException("decryption failed: key id " + sealed.group(1) + " is not configured");
			}
			return open(key, sealed.group(1), Base64.getDecoder().decode(sealed.group(2)));
		}
		byte[] all;
		try {
			all = Base64.getDecoder().decode(stored);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("decryption failed: not a sealed value");
		}
		for (Keys key : this.keys.values()) {
			try {
				return open(key, null, all);
			}
			catch (IllegalStateException wrongKey) {
				// GCM's tag did not verify: another key's value (or damaged).
			}
		}
		throw new IllegalStateException("decryption failed under every configured key");
	}

	/**
	 * For columns that held plaintext before they were encrypted (resident contacts): a sealed
	 * value is opened, anything else is the plaintext not yet re-encrypted.
	 */
	public String decryptOrPlain(String stored) {
		return (stored != null && isSealed(stored)) ? decrypt(stored) : stored;
	}

	/** Whether {@code stored} has the sealed form ({@code $keyId$base64}). */
	public static boolean isSealed(String stored) {
		return SEALED.matcher(stored).matches();
	}

	/** Whether {@code stored} is sealed under the active key (nothing for the rotation command to do). */
	public boolean isCurrent(String stored) {
		Matcher sealed = SEALED.matcher(stored);
		return sealed.matches() && sealed.group(1).equals(this.activeId);
	}

	/** Deterministic keyed hash (hex) under the active key, for uniqueness and look-ups of encrypted values. */
	public String blindIndex(String plaintext) {
		return index(this.keys.get(this.activeId), plaintext);
	}

	/**
	 * The blind index under every configured key, the active one first: during a rotation a value
	 * may still be indexed under an old key, so a uniqueness check must look for all of them.
	 */
	public List<String> blindIndexes(String plaintext) {
		List<String> all = new ArrayList<>();
		this.keys.values().forEach(key -> all.add(index(key, plaintext)));
		return all;
	}

	/**
	 * Like {@link #blindIndex(String)} but under an index key of its own for {@code purpose} (e.g.
	 * {@code phone}), so equal values in different columns do not share a hash.
	 */
	public String blindIndex(String purpose, String plaintext) {
		return HexFormat.of()
			.formatHex(hmac(derive(this.keys.get(this.activeId).index().getEncoded(), purpose),
					plaintext.getBytes(StandardCharsets.UTF_8)));
	}

	/** {@link #blindIndex(String, String)} under every configured key, the active one first. */
	public List<String> blindIndexes(String purpose, String plaintext) {
		List<String> all = new ArrayList<>();
		this.keys.values()
			.forEach(key -> all.add(HexFormat.of()
				.formatHex(hmac(derive(key.index().getEncoded(), purpose), plaintext.getBytes(StandardCharsets.UTF_8)))));
		return all;
	}

	private static String index(Keys key, String plaintext) {
		return HexFormat.of().formatHex(hmac(key.index().getEncoded(), plaintext.getBytes(StandardCharsets.UTF_8)));
	}

	private static String open(Keys key, String keyId, byte[] all) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key.encryption(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
			if (keyId != null) {
				cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
			}
			return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("decryption failed", ex);
		}
	}

	private static byte[] derive(byte[] master, String purpose) {
		return hmac(master, purpose.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
