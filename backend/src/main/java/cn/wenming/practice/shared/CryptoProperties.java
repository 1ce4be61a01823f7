package cn.wenming.practice.shared;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The field-encryption keys ({@code app.crypto.*}).
 *
 * @param key the active key, base64 of 32 random bytes ({@code APP_CRYPTO_KEY}): new values are
 * sealed with it
 * @param keyId its id ({@code APP_CRYPTO_KEY_ID}, default {@code 1}), written into every value it
 * seals; a new key needs a new id
 * @param previousKeys keys still readable during a rotation ({@code APP_CRYPTO_PREVIOUS_KEYS}),
 * {@code id:base64} separated by commas; drop one once the rotation command reports nothing left
 * under it
 * @param reencrypt whether this instance runs the rotation command after start-up
 * ({@code APP_CRYPTO_REENCRYPT}, {@link CryptoRotation})
 * @param reencryptBatchSize rows the rotation command reads and re-seals at a time
 */
@Validated
@ConfigurationProperties("app.crypto")
record CryptoProperties(@NotBlank(message = "APP_CRYPTO_KEY is required") String key,
		@NotBlank @Pattern(regexp = FieldCrypto.KEY_ID, message = "APP_CRYPTO_KEY_ID must be 1-16 letters or digits") @DefaultValue("1") String keyId,
		@DefaultValue("") String previousKeys, boolean reencrypt, @Min(1) @DefaultValue("500") int reencryptBatchSize) {

	@Override
	public String toString() {
		return "CryptoProperties[key=***, keyId=" + this.keyId + ", previousKeys=***, reencrypt=" + this.reencrypt
				+ ", reencryptBatchSize=" + this.reencryptBatchSize + "]";
	}

}
