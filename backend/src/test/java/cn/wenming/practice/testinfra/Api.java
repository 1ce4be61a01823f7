package cn.wenming.practice.testinfra;

import java.time.Duration;
import java.util.Map;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpResponseDecorator;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphQL over real HTTP against the running test server, anonymously or as a logged-in user.
 * Documents live in {@code src/test/resources/graphql-test/}.
 */
public final class Api {

	private final String url;

	public Api(int port) {
		this.url = "http://127.0.0.1:" + port + "/graphql";
	}

	public String url() {
		return this.url;
	}

	/**
	 * The JDK's client speaking HTTP/1.1 only, as the mini-program and the console do. Its default,
	 * HTTP/2, sends every plain-HTTP POST with an h2c upgrade offer that Tomcat ignores; two clean-clone
	 * builds each had requests hang until the 30-second response timeout with nothing in the server's log
	 * (PointsLedgerTest's fifty concurrent deductions, 7 of them; earlier HoursStatsTest and
	 * RedemptionTest), a pattern reported for that upgrade path with other servers too.
	 * <p>
	 * One client for every tester of the JVM, as {@code HttpClient} is meant to be used. A client per
	 * tester (thousands in a run) each owned a selector thread that ends once the garbage collector
	 * finds the client unreachable, and a tester's client may be unreachable while its exchange is in
	 * flight; clean-clone runs on 2026-12-06 had single requests of ProjectTaskTest and
	 * ProjectNeedRatingTest wait out the 30-second timeout with nothing in the server's log, with no
	 * product change between a green run and a red one. That life cycle is the candidate, not shown;
	 * a shared client has none to end. Idle connections are dropped
	 * by the client after {@code jdk.httpclient.keepalive.timeout} (10 s, set for the test JVMs in
	 * backend/pom.xml), well before Tomcat closes them (60 s), so a pooled connection is never one
	 * the server is closing.
	 */
	public static ClientHttpConnector connector() {
		return new JdkClientHttpConnector(HTTP);
	}

	// Surefire and Failsafe set the keep-alive property before any test class loads.
	private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
		.version(java.net.http.HttpClient.Version.HTTP_1_1)
		.build();

	public WebTestClient client() {
		return WebTestClient.bindToServer(connector())
			.baseUrl(this.url)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * Anonymous calls of operations that are not {@code @public} are refused with HTTP 401 before
	 * execution (the status is asserted by {@code AuthenticationFirstTest}); the tester, which insists
	 * on 200, is shown such an answer as 200 so tests read its {@code UNAUTHENTICATED} code like any
	 * other error.
	 */
	public HttpGraphQlTester anonymous() {
		ClientHttpConnector jdk = connector();
		ClientHttpConnector unauthorizedAsOk = (method, uri, callback) -> jdk.connect(method, uri, callback)
			.map(response -> (response.getStatusCode().value() == 401) ? new ClientHttpResponseDecorator(response) {
				@Override
				public HttpStatusCode getStatusCode() {
					return HttpStatus.OK;
				}
			} : response);
		WebTestClient client = WebTestClient.bindToServer(unauthorizedAsOk)
			.baseUrl(this.url)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		return HttpGraphQlTester.create(client);
	}

	public HttpGraphQlTester as(Session session) {
		return as(session.accessToken());
	}

	public HttpGraphQlTester as(String accessToken) {
		return HttpGraphQlTester.builder(client().mutate())
			.header("Authorization", "Bearer " + accessToken)
			.build();
	}

	/** Logs in through the stub: code {@code X} becomes openid {@code dev-X}. */
	public Session login(String code) {
		Map<String, Object> payload = anonymous().documentName("login")
			.variable("code", code)
			.execute()
			.path("wxLogin")
			.entity(Map.class)
			.get();
		@SuppressWarnings("unchecked")
		Map<String, Object> user = (Map<String, Object>) payload.get("user");
		return new Session(Long.parseLong((String) user.get("id")), (String) payload.get("accessToken"),
				(String) payload.get("refreshToken"));
	}

	/** A logged-in user. */
	public record Session(long userId, String accessToken, String refreshToken) {
	}

}
