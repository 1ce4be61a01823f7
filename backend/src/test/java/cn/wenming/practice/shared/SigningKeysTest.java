package cn.wenming.practice.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** HKDF per RFC 5869 and one distinct key per purpose, none of them the configured secret. */
class SigningKeysTest {

	private static final String SECRET = "test-jwt-secret-0123456789-abcdefghijklmnop";

	@Test
	void hkdfMatchesRfc5869TestCase1() {
		byte[] ikm = new byte[22];
		Arrays.fill(ikm, (byte) 0x0b);
		byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c");
		byte[] info = HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9");
		assertThat(HexFormat.of().formatHex(SigningKeys.hkdf(ikm, salt, info, 42))).isEqualTo(
				"3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
	}

	@Test
	void everyPurposeHasItsOwnKeyAndNoneIsTheSecret() {
		SigningKeys keys = new SigningKeys(SECRET);
		Set<String> seen = new HashSet<>();
		for (SigningKeys.Purpose purpose : SigningKeys.Purpose.values()) {
			byte[] key = keys.key(purpose);
			assertThat(key).hasSize(32).isNotEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
			assertThat(seen.add(HexFormat.of().formatHex(key))).as(purpose.name()).isTrue();
		}
		byte[] data = "42.1700000000.7".getBytes(StandardCharsets.UTF_8);
		assertThat(keys.mac(SigningKeys.Purpose.PHOTO_URL, data))
			.isNotEqualTo(keys.mac(SigningKeys.Purpose.CHECK_IN_CODE, data))
			.isNotEqualTo(keys.mac(SigningKeys.Purpose.CERTIFICATE_LINK, data));
		// Same secret, same keys (every instance agrees); another secret, other keys.
		assertThat(new SigningKeys(SECRET).key(SigningKeys.Purpose.ACCESS_TOKEN))
			.isEqualTo(keys.key(SigningKeys.Purpose.ACCESS_TOKEN));
		assertThat(new SigningKeys(SECRET + "x").key(SigningKeys.Purpose.ACCESS_TOKEN))
			.isNotEqualTo(keys.key(SigningKeys.Purpose.ACCESS_TOKEN));
	}

}
