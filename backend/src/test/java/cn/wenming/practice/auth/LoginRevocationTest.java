package cn.wenming.practice.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys-and-logins findings of issue 17: access tokens signed with their own derived key (one
 * signed with {@code APP_JWT_SECRET} itself is refused), a login revoked for refresh-token reuse
 * or on another instance ends its access tokens at once or within one poll (not after 2 h),
 * logout's revocation survives a Redis failure, and login needs no Redis for WeChat's
 * {@code session_key} (which is no longer kept at all).
 */
@IntegrationTest
class LoginRevocationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RevokedLogins revokedLogins;

	@Autowired
	JwtDecoder decoder;

	@Autowired
	WxMaService wechat;

	@Autowired
	AppUserMapper users;

	@Autowired
	RoleGrants roles;

	@Autowired
	UnitPaths units;

	@Autowired
	RefreshTokenMapper refreshTokens;

	@Autowired
	TokenService tokens;

	@Autowired
	BootstrapAdminGrantMapper bootstrapGrants;

	@Autowired
	AuthProperties properties;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	UserPhones phones;

	@Scenario
	Api api;

	private JedisConnectionFactory dead;

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
		if (this.dead != null) {
			this.dead.destroy();
		}
	}

	/** An AuthService wired like the application's, but to a Redis nobody listens on. */
	private AuthService withRedisDown() {
		this.dead = new JedisConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1));
		this.dead.afterPropertiesSet();
		StringRedisTemplate deadRedis = new StringRedisTemplate(this.dead);
		deadRedis.afterPropertiesSet();
		return new AuthService(this.wechat, this.users, this.roles, this.units, this.refreshTokens, this.tokens,
				this.bootstrapGrants, this.revokedLogins, this.properties, deadRedis, this.tx, this.phones);
	}

	private int status(String accessToken) {
		return this.api.client().post().header("Authorization", "Bearer " + accessToken)
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private GraphQlTester.Response refresh(String token) {
		return this.api.anonymous().documentName("refresh").variable("token", token).execute();
	}

	@Test
	void reusingARefreshTokenEndsTheLoginsAccessTokensAtOnce() {
		String code = Fixtures.unique("thief");
		Session session = this.api.login(code);
		assertThat(status(session.accessToken())).isEqualTo(200);
		String rotatedAccess = refresh(session.refreshToken()).path("refreshToken.accessToken").entity(String.class).get();
		assertThat(status(rotatedAccess)).isEqualTo(200);

		refresh(session.refreshToken()).errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
			.containsEntry("code", "REFRESH_TOKEN_REUSED"));

		// Both access tokens of the stolen login, issued minutes ago and valid for 2 h, stop working now.
		assertThat(status(session.accessToken())).isEqualTo(401);
		assertThat(status(rotatedAccess)).isEqualTo(401);
		// Another login of the same user is not affected.
		Session other = this.api.login(code);
		assertThat(status(other.accessToken())).isEqualTo(200);
	}

	@Test
	void aLoginRevokedOnAnotherInstanceEndsItsAccessTokensWithinOnePoll() {
		Session session = this.api.login(Fixtures.unique("elsewhere"));
		this.revokedLogins.poll();
		assertThat(status(session.accessToken())).isEqualTo(200);
		String family = this.jdbc.queryForObject("SELECT family_id FROM refresh_token WHERE user_id = ? LIMIT 1",
				String.class, session.userId());

		// What another instance does on reuse or logout: only MySQL knows.
		this.jdbc.update("UPDATE refresh_token SET revoked_at = NOW(3) WHERE family_id = ?", family);
		assertThat(status(session.accessToken())).as("until this instance polls").isEqualTo(200);
		this.revokedLogins.poll();
		assertThat(status(session.accessToken())).isEqualTo(401);
	}

	@Test
	void logoutRevocationIsKeptWhenRedisFails() {
		AuthService service = withRedisDown();
		Session session = this.api.login(Fixtures.unique("offline-out"));
		SecurityContextHolder.getContext()
			.setAuthentication(new JwtAuthenticationToken(this.decoder.decode(session.accessToken())));

		assertThat(service.logout(session.userId())).isTrue();

		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM refresh_token WHERE user_id = ? AND revoked_at IS NULL", Integer.class,
				session.userId())).isZero();
		refresh(session.refreshToken()).errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
			.containsEntry("code", "REFRESH_TOKEN_INVALID"));
		// Not deny-listed in Redis, yet refused: the revoked login ends it.
		assertThat(status(session.accessToken())).isEqualTo(401);
	}

	@Test
	void loginWorksWithRedisDownAndKeepsNoSessionKey() {
		String code = Fixtures.unique("offline-in");
		AuthService.AuthPayload payload = withRedisDown().wxLogin(code);

		assertThat(payload.accessToken()).isNotBlank();
		assertThat(status(payload.accessToken())).isEqualTo(200);
		assertThat(this.redis.hasKey("auth:session-key:" + payload.user().getId())).isFalse();
		Session online = this.api.login(Fixtures.unique("online"));
		assertThat(this.redis.hasKey("auth:session-key:" + online.userId())).isFalse();
	}

	@Test
	void anAccessTokenSignedWithTheConfiguredSecretItselfIsRefused() {
		Session session = this.api.login(Fixtures.unique("forger"));
		String[] parts = session.accessToken().split("\\.");
		String signedInput = parts[0] + "." + parts[1];
		// Same header and claims, signed with APP_JWT_SECRET as such: the secret signs nothing directly.
		String withSecret = signedInput + "." + hs256(this.properties.jwtSecret().getBytes(StandardCharsets.UTF_8),
				signedInput);
		assertThat(withSecret).isNotEqualTo(session.accessToken());
		assertThat(status(withSecret)).isEqualTo(401);
		assertThat(status(session.accessToken())).isEqualTo(200);
	}

	private static String hs256(byte[] key, String input) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return Base64.getUrlEncoder().withoutPadding()
				.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}


}
