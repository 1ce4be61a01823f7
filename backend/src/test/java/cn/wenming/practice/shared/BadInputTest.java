package cn.wenming.practice.shared;

import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a client sends, the answer is a GraphQL error with a stable code and no internals. */
@IntegrationTest
class BadInputTest {

	@Scenario
	Api api;

	private String token;

	/** Signed in: anonymous callers of anything but a public operation get UNAUTHENTICATED first. */
	private String post(String query) {
		if (this.token == null) {
			this.token = this.api.login(cn.wenming.practice.testinfra.Fixtures.unique("bad-input")).accessToken();
		}
		return this.api.client().post().header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.token)
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectBody(String.class).returnResult().getResponseBody();
	}

	@Test
	void emptyAndHugeStringsAreBadRequestsWithTheField() {
		for (String code : new String[] { "", "x".repeat(10_000) }) {
			this.api.anonymous().documentName("login").variable("code", code).execute().errors().satisfy(errors -> {
				assertThat(errors).isNotEmpty();
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "BAD_REQUEST").containsEntry("field", "code");
				assertThat(errors.get(0).getMessage()).doesNotContain("javax").doesNotContain("jakarta");
			});
		}
	}

	@Test
	void syntaxAndSchemaErrorsCarryACode() {
		assertThat(post("{ me { id ")).contains("\"code\":\"BAD_REQUEST\"");
		assertThat(post("{ noSuchField }")).contains("\"code\":\"BAD_REQUEST\"");
		assertThat(post("mutation { wxLogin(code: 42) { accessToken } }")).contains("\"code\":\"BAD_REQUEST\"");
	}

	@Test
	void overDeepQueryIsRejectedBeforeItRuns() {
		String deep = "{ orgUnit(id: \"1\") { " + "children { ".repeat(14) + "id" + " }".repeat(14) + " } }";
		String body = post(deep);
		assertThat(body).contains("\"code\":\"QUERY_TOO_COMPLEX\"").doesNotContain("\"children\":[");

		String fine = "{ orgUnit(id: \"1\") { " + "children { ".repeat(3) + "id" + " }".repeat(3) + " } }";
		assertThat(post(fine)).doesNotContain("QUERY_TOO_COMPLEX");
	}

	@Test
	void overComplexQueryIsRejected() {
		StringBuilder wide = new StringBuilder("{ ");
		for (int i = 0; i < 600; i++) {
			wide.append("a").append(i).append(": orgUnit(id: \"1\") { id name } ");
		}
		assertThat(post(wide.append("}").toString())).contains("\"code\":\"QUERY_TOO_COMPLEX\"");
	}

	@Test
	void malformedRequestBodiesStillGetAGraphQlErrorCode() {
		for (String body : new String[] { "this is not json", "{\"query\": \"{ me { id } }\", \"variables\": \"notjson\"}" }) {
			String answer = this.api.client().post().header("Content-Type", "application/json")
				.bodyValue(body)
				.exchange()
				.expectStatus().isBadRequest()
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(answer).contains("\"errors\"").contains("\"code\":\"BAD_REQUEST\"").doesNotContain("Exception");
		}
	}

	@Test
	void introspectionIsOffOutsideLocal() {
		String body = post("{ __schema { types { name } } }");
		assertThat(body).contains("\"code\":\"BAD_REQUEST\"").doesNotContain("\"types\"");
	}

	@Test
	void noStackTraceOrSqlEverLeaks() {
		String body = post("mutation { refreshToken(token: \"' OR 1=1 --\") { accessToken } }");
		assertThat(body).contains("\"code\":\"REFRESH_TOKEN_INVALID\"")
			.doesNotContain("SQL")
			.doesNotContain("at cn.")
			.doesNotContain("Exception");
	}

}
