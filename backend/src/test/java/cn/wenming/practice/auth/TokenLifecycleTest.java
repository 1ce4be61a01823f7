package cn.wenming.practice.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.shared.FieldCrypto;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static org.assertj.core.api.Assertions.assertThat;

/** Refresh-token rotation, reuse detection, logout, bad tokens and phone binding. */
@IntegrationTest
class TokenLifecycleTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FieldCrypto crypto;

	@Autowired
	JwtEncoder encoder;

	@Scenario
	Api api;

	private GraphQlTester.Response refresh(String token) {
		return this.api.anonymous().documentName("refresh").variable("token", token).execute();
	}

	private static void expectCode(GraphQlTester.Response response, String code) {
		response.errors().satisfy(errors -> {
			assertThat(errors).isNotEmpty();
			assertThat(errors.get(0).getExtensions()).containsEntry("code", code);
		});
	}

	@Test
	void refreshRotatesAndOldTokenCannotBeReused() {
		Session session = this.api.login(Fixtures.unique("carol"));

		Map<?, ?> rotated = refresh(session.refreshToken()).path("refreshToken").entity(Map.class).get();
		String second = (String) rotated.get("refreshToken");
		assertThat(second).isNotEqualTo(session.refreshToken());
		this.api.as((String) rotated.get("accessToken")).documentName("me").execute().path("me.id")
			.entity(String.class).isEqualTo(Long.toString(session.userId()));

		// Presenting the rotated-away token again is theft or a replay: the whole family dies.
		expectCode(refresh(session.refreshToken()), "REFRESH_TOKEN_REUSED");
		expectCode(refresh(second), "REFRESH_TOKEN_INVALID");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM refresh_token WHERE user_id = ? AND revoked_at IS NULL", Integer.class,
				session.userId())).isZero();
		assertThat(this.jdbc.queryForList("SELECT token_hash FROM refresh_token WHERE user_id = ?", String.class,
				session.userId())).doesNotContain(session.refreshToken(), second).allMatch(h -> h.length() == 64);
	}

	@Test
	void concurrentRefreshesOfOneTokenLetAtMostOneThrough() throws Exception {
		Session session = this.api.login(Fixtures.unique("race"));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Callable<Boolean>> calls = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			calls.add(() -> {
				var response = refresh(session.refreshToken()).returnResponse();
				return response.isValid() && response.getErrors().isEmpty();
			});
		}
		int successes = 0;
		for (Future<Boolean> result : pool.invokeAll(calls)) {
			successes += result.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(successes).isLessThanOrEqualTo(1);
	}

	@Test
	void unknownRefreshTokenIsInvalid() {
		expectCode(refresh("not-a-real-token"), "REFRESH_TOKEN_INVALID");
	}

	@Test
	void logoutRevokesAccessAndRefreshTokens() {
		Session session = this.api.login(Fixtures.unique("dave"));
		this.api.as(session).documentName("logout").execute().path("logout").entity(Boolean.class).isEqualTo(true);

		expectCode(refresh(session.refreshToken()), "REFRESH_TOKEN_INVALID");
		String body = this.api.client().post().header("Authorization", "Bearer " + session.accessToken())
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(body).contains("\"code\":\"UNAUTHENTICATED\"");
	}

	@Test
	void missingTokenIsUnauthenticated() {
		expectCode(this.api.anonymous().documentName("me").execute(), "UNAUTHENTICATED");
		expectCode(this.api.anonymous().documentName("logout").execute(), "UNAUTHENTICATED");
	}

	/**
	 * Signed with our key but naming another issuer (or none): refused. The issuer claim is read as
	 * the plain name it is (no URL conversion), and the issuer check still applies to it.
	 */
	@Test
	void aTokenOfAnotherIssuerIsUnauthenticated() {
		Session session = this.api.login(Fixtures.unique("ivan"));
		Instant now = Instant.now();
		for (String issuer : new String[] { "https://elsewhere.example", "wenming-practice-x", null }) {
			JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
				.subject(Long.toString(session.userId()))
				.id(UUID.randomUUID().toString())
				.issuedAt(now)
				.expiresAt(now.plusSeconds(600));
			if (issuer != null) {
				claims.issuer(issuer);
			}
			String token = this.encoder
				.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
				.getTokenValue();
			String body = this.api.client().post().header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.bodyValue(Map.of("query", "{ me { id } }"))
				.exchange()
				.expectStatus().isUnauthorized()
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(body).as("issuer %s", issuer).contains("\"code\":\"UNAUTHENTICATED\"");
		}
		// The same claims with our issuer are accepted: the refusals above are the issuer's.
		JwtClaimsSet ours = JwtClaimsSet.builder()
			.issuer("wenming-practice")
			.subject(Long.toString(session.userId()))
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(now.plusSeconds(600))
			.build();
		String token = this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), ours))
			.getTokenValue();
		this.api.as(token).documentName("me").execute().path("me.id").entity(String.class)
			.isEqualTo(Long.toString(session.userId()));
	}

	@Test
	void forgedOrMalformedTokenIsUnauthenticated() {
		Session session = this.api.login(Fixtures.unique("erin"));
		String[] parts = session.accessToken().split("\\.");
		String forged = parts[0] + "." + parts[1] + "." + "AAAA" + parts[2].substring(4);
		for (String token : List.of(forged, "garbage", session.accessToken() + "x")) {
			String body = this.api.client().post().header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.bodyValue(Map.of("query", "{ me { id } }"))
				.exchange()
				.expectStatus().isUnauthorized()
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(body).contains("\"code\":\"UNAUTHENTICATED\"").doesNotContain("Exception");
		}
	}

	@Test
	void bindPhoneStoresNumberAndRejectsReusedCode() {
		Session session = this.api.login(Fixtures.unique("frank"));
		String code = Fixtures.unique("phone");
		String phone = this.api.as(session).documentName("bindPhone").variable("code", code).execute()
			.path("bindPhone.phone").entity(String.class).get();
		assertThat(phone).matches("139\\d{8}");
		// Stored sealed, never as the number itself (PhoneEncryptionTest has the rest).
		String stored = this.jdbc.queryForObject("SELECT phone FROM app_user WHERE id = ?", String.class,
				session.userId());
		assertThat(stored).startsWith("$1$").doesNotContain(phone);
		assertThat(this.crypto.decrypt(stored)).isEqualTo(phone);

		expectCode(this.api.as(session).documentName("bindPhone").variable("code", code).execute(),
				"WECHAT_CODE_INVALID");
		expectCode(this.api.as(session).documentName("bindPhone").variable("code", Fixtures.unique("expired"))
			.execute(), "WECHAT_CODE_INVALID");
		expectCode(this.api.anonymous().documentName("bindPhone").variable("code", Fixtures.unique("p")).execute(),
				"UNAUTHENTICATED");
	}

}
