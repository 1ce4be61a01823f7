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
		// 500 × 11 > app.graphql.max-complexity (5000), well under graphql-java's parser token limit.
		for (int i = 0; i < 500; i++) {
			wide.append("a").append(i)
				.append(": orgUnit(id: \"1\") { id level name address regionCode latitude longitude status createdAt updatedAt } ");
		}
		assertThat(post(wide.append("}").toString())).contains("\"code\":\"QUERY_TOO_COMPLEX\"");
	}

	/** Issue 17: complexity counts the rows a {@code first} argument asks for, not only the fields. */
	@Test
	void listSizesCountTowardsComplexity() {
		String lists = "{ " + "a%d: activities(first: %s) { edges { node { id title } } } ".repeat(20) + "}";
		Object[] small = new Object[40];
		Object[] large = new Object[40];
		for (int i = 0; i < 20; i++) {
			small[2 * i] = i;
			small[2 * i + 1] = "1";
			large[2 * i] = i;
			large[2 * i + 1] = "100";
		}
		assertThat(post(String.format(lists, small))).doesNotContain("QUERY_TOO_COMPLEX").contains("\"a19\"");
		assertThat(post(String.format(lists, large))).contains("\"code\":\"QUERY_TOO_COMPLEX\"")
			.doesNotContain("\"edges\"");
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
