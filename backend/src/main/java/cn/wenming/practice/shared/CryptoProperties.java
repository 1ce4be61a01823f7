package cn.wenming.practice.shared;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The field-encryption key: base64 of 32 random bytes, from {@code APP_CRYPTO_KEY}. */
@Validated
@ConfigurationProperties("app.crypto")
record CryptoProperties(@NotBlank(message = "APP_CRYPTO_KEY is required") String key) {

	@Override
	public String toString() {
		return "CryptoProperties[key=***]";
	}

}
