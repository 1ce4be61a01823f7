package cn.wenming.practice.shared;

import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: errors say the same thing in {@code code} and {@code classification}, graphql-java's
 * own English texts become Chinese messages (with {@code extensions.field} where known), and an
 * empty {@code after} cursor is a bad request, not the first page.
 */
@IntegrationTest
class ErrorShapeTest {

	private static final JsonMapper JSON = JsonMapper.shared();

	@Scenario
	Api api;

	private String token;

	@Test
	void unauthenticatedIsClassifiedAsUnauthenticated() throws Exception {
		JsonNode error = firstError(post(false, "mutation { refreshToken(token: \"" + "x".repeat(40) + "\") { accessToken } }",
				Map.of()));
		assertThat(error.at("/extensions/code").asString()).isEqualTo("REFRESH_TOKEN_INVALID");
		assertThat(error.at("/extensions/classification").asString()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void validationAndCoercionMessagesAreChineseWithTheField() throws Exception {
		JsonNode unknown = firstError(post(true, "{ noSuchField }", Map.of()));
		assertThat(unknown.at("/extensions/code").asString()).isEqualTo("BAD_REQUEST");
		assertThat(unknown.at("/extensions/field").asString()).isEqualTo("noSuchField");
		assertChinese(unknown.get("message").asString());

		JsonNode wrongType = firstError(post(true, "mutation { wxLogin(code: 42) { accessToken } }", Map.of()));
		assertThat(wrongType.at("/extensions/field").asString()).isEqualTo("code");
		assertChinese(wrongType.get("message").asString());

		JsonNode variable = firstError(post(true, "query($n: Int) { activities(first: $n) { edges { cursor } } }",
				Map.of("n", "not a number")));
		assertThat(variable.at("/extensions/code").asString()).isEqualTo("BAD_REQUEST");
		assertThat(variable.at("/extensions/field").asString()).isEqualTo("n");
		assertChinese(variable.get("message").asString());

		JsonNode syntax = firstError(post(true, "{ me { id ", Map.of()));
		assertChinese(syntax.get("message").asString());
	}

	@Test
	void anEmptyAfterCursorIsABadRequest() throws Exception {
		String body = post(true, "{ activities(first: 1, after: \"\") { edges { cursor } } }", Map.of());
		assertThat(firstError(body).at("/extensions/code").asString()).as(body).isEqualTo("BAD_REQUEST");
		assertThat(body).doesNotContain("\"cursor\"");
	}

	private static void assertChinese(String message) {
		assertThat(message).matches(".*[\\u4e00-\\u9fff].*")
			.doesNotContain("Validation")
			.doesNotContain("Field '")
			.doesNotContain("Variable '")
			.doesNotContain("Invalid syntax")
			.doesNotContain("graphql");
	}

	static JsonNode firstError(String body) throws Exception {
		JsonNode errors = JSON.readTree(body).get("errors");
		assertThat(errors).as(body).isNotNull();
		return errors.get(0);
	}

	private String post(boolean signedIn, String query, Map<String, Object> variables) {
		if (signedIn && this.token == null) {
			this.token = this.api.login(Fixtures.unique("error-shape")).accessToken();
		}
		var request = this.api.client().post().header("Content-Type", "application/json");
		if (signedIn) {
			request = request.header("Authorization", "Bearer " + this.token);
		}
		return request.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
