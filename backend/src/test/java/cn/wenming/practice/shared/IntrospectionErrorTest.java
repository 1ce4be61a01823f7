package cn.wenming.practice.shared;

import java.util.Map;

import cn.wenming.practice.IntegrationTestWithSmallLimits;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Scenario;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: with introspection on (the local run), an introspection query that selects a field
 * more often than graphql-java's good-faith check allows answered {@code INTERNAL_ERROR} without
 * an {@code errorId}; it is the client's doing and says so.
 */
@IntegrationTestWithSmallLimits
class IntrospectionErrorTest {

	@Scenario
	Api api;

	@Test
	void aBadFaithIntrospectionQueryIsQueryTooComplexInChinese() throws Exception {
		String body = this.api.client()
			.post()
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "{ __schema { types { fields { name } fields { name } } } a: __schema { types { name } } }"))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		JsonNode error = ErrorShapeTest.firstError(body);
		assertThat(error.at("/extensions/code").asString()).as(body).isEqualTo("QUERY_TOO_COMPLEX");
		assertThat(error.at("/extensions/classification").asString()).isNotEqualTo("INTERNAL_ERROR");
		assertThat(error.get("message").asString()).matches(".*[\\u4e00-\\u9fff].*").doesNotContain("good faith");

		// A plain introspection query is still answered.
		String fine = this.api.client().post().header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "{ __schema { queryType { name } } }"))
			.exchange().expectBody(String.class).returnResult().getResponseBody();
		assertThat(fine).contains("\"queryType\"").doesNotContain("\"errors\"");
	}

}
