package cn.wenming.practice.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import cn.wenming.practice.shared.SigningKeys;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security. The HTTP layer only authenticates; what a caller may do is
 * decided per operation by {@link AccessControl}, because most of the API (login, public lists)
 * is open and GraphQL has one endpoint.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

	static final String REVOKED_PREFIX = "auth:revoked-jti:";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Public pages (the published 落实清单 a 公众号 article links to) and the staff console's
			// static files (its data comes only through /graphql, token-checked per operation) stay
			// open whatever the default below becomes.
			.authorizeHttpRequests(requests -> requests.requestMatchers("/public/**", "/console", "/console/**")
				.permitAll()
				.anyRequest()
				.permitAll())
			.oauth2ResourceServer(server -> server.jwt(jwt -> {
			}).authenticationEntryPoint(graphQlEntryPoint()))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(graphQlEntryPoint()));
		return http.build();
	}

	/** A rejected token answers in GraphQL's error shape, so clients handle it like any other error. */
	private static AuthenticationEntryPoint graphQlEntryPoint() {
		return (request, response, ex) -> {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			response.getWriter()
				.write("{\"errors\":[{\"message\":\"登录已过期或无效，请重新登录\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}");
		};
	}

	/** The access-token key of {@link SigningKeys}, never {@code APP_JWT_SECRET} itself. */
	@Bean
	SecretKey jwtKey(SigningKeys keys) {
		return new SecretKeySpec(keys.key(SigningKeys.Purpose.ACCESS_TOKEN), "HmacSHA256");
	}

	/**
	 * No observation per security filter, authentication or authorization: the request is observed
	 * as a whole ({@code http.server.requests}, {@code graphql.request}), and the per-filter
	 * observations were most of Micrometer's share of a profile (shared.ObservationConfig).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey jwtKey) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(jwtKey));
	}

	@Bean
	JwtDecoder jwtDecoder(SecretKey jwtKey, StringRedisTemplate redis, RevokedLogins revokedLogins) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtKey).macAlgorithm(MacAlgorithm.HS256).build();
		// Our issuer is a name, not a URL: the default claim conversion tries a URL first and throws
		// (and catches) an IllegalArgumentException on every request (a profile found one per token).
		decoder.setClaimSetConverter(MappedJwtClaimSetConverter
			.withDefaults(Map.of(JwtClaimNames.ISS, issuer -> (issuer != null) ? issuer.toString() : null)));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(TokenService.ISSUER), notRevoked(redis),
				loginNotRevoked(revokedLogins)));
		return decoder;
	}

	/** Rejects access tokens whose login was revoked (refresh-token reuse, logout), see {@link RevokedLogins}. */
	private static OAuth2TokenValidator<Jwt> loginNotRevoked(RevokedLogins revokedLogins) {
		return jwt -> {
			String familyId = jwt.getClaimAsString("sid");
			if (familyId != null && revokedLogins.isRevoked(familyId)) {
				return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "login revoked", null));
			}
			return OAuth2TokenValidatorResult.success();
		};
	}

	/**
	 * Rejects access tokens revoked by logout. If Redis is unreachable the token is accepted: the
	 * refresh token (MySQL) is already revoked, so the window is the access token's short life.
	 */
	private static OAuth2TokenValidator<Jwt> notRevoked(StringRedisTemplate redis) {
		return jwt -> {
			try {
				if (jwt.getId() != null && Boolean.TRUE.equals(redis.hasKey(REVOKED_PREFIX + jwt.getId()))) {
					return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "revoked", null));
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not check token revocation: {}", ex.getClass().getSimpleName());
			}
			return OAuth2TokenValidatorResult.success();
		};
	}

}
