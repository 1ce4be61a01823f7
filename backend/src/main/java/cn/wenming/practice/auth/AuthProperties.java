package cn.wenming.practice.auth;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token lifetimes and the JWT signing secret ({@code APP_JWT_SECRET}, at least 32 bytes), from
 * which every signing key is derived per purpose ({@code SigningKeys}).
 * {@code bootstrapAdminOpenids} are the openids that may create the county center and become its
 * first center admins; everyone else is granted roles by them.
 */
@Validated
@ConfigurationProperties("app.auth")
record AuthProperties(@NotNull Duration accessTokenTtl, @NotNull Duration refreshTokenTtl,
		@NotBlank(message = "APP_JWT_SECRET is required") @Size(min = 32, message = "APP_JWT_SECRET must be at least 32 characters") String jwtSecret,
		List<String> bootstrapAdminOpenids) {

	AuthProperties {
		bootstrapAdminOpenids = (bootstrapAdminOpenids == null) ? List.of()
				: bootstrapAdminOpenids.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	@Override
	public String toString() {
		return "AuthProperties[accessTokenTtl=" + this.accessTokenTtl + ", refreshTokenTtl=" + this.refreshTokenTtl
				+ ", jwtSecret=***]";
	}

}
