package cn.wenming.practice.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest (AES-256-GCM, random 96-bit nonce per value) and computes a
 * keyed blind index (HMAC-SHA256) so encrypted values can still be unique and looked up. The
 * index key is derived from the master key, so one secret covers both.
 */
@Component
public class FieldCrypto {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec indexKey;

	private final SecureRandom random = new SecureRandom();

	FieldCrypto(CryptoProperties properties) {
		byte[] master;
		try {
			master = Base64.getDecoder().decode(properties.key().trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("APP_CRYPTO_KEY must be base64");
		}
		if (master.length != 32) {
			throw new IllegalStateException("APP_CRYPTO_KEY must decode to 32 bytes");
		}
		this.encryptionKey = new SecretKeySpec(derive(master, "field-encryption"), "AES");
		this.indexKey = new SecretKeySpec(derive(master, "blind-index"), "HmacSHA256");
	}

	/**
	 * For tools outside the application context (the county seeder) that must write values the
	 * application can read: the same key gives the same encryption and blind index.
	 */
	public static FieldCrypto withKey(String base64Key) {
		return new FieldCrypto(new CryptoProperties(base64Key));
	}

	/** Base64 of nonce followed by ciphertext and tag. */
	public String encrypt(String plaintext) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
				.put(nonce)
				.put(sealed)
				.array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	public String decrypt(String stored) {
		try {
			byte[] all = Base64.getDecoder().decode(stored);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
			return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("decryption failed", ex);
		}
	}

	/** Deterministic keyed hash (hex) for uniqueness checks and look-ups of encrypted values. */
	public String blindIndex(String plaintext) {
		return HexFormat.of().formatHex(hmac(this.indexKey.getEncoded(), plaintext.getBytes(StandardCharsets.UTF_8)));
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
