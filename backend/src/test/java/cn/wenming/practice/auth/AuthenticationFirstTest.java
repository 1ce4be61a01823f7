package cn.wenming.practice.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, must show 1: an anonymous sweep of every operation the schema does not mark
 * {@code @public}, with unknown ids and invalid input, answers HTTP 401 and {@code UNAUTHENTICATED}
 * and nothing else: no {@code NOT_FOUND} (which would say the id does not exist), no validation
 * message (which would give the rules away). The sweep is generated from the schema, so a new
 * operation is covered the day it is added.
 */
@IntegrationTest
class AuthenticationFirstTest {

	@Autowired
	GraphQlSource source;

	@Scenario
	Api api;

	@Test
	void everyNonPublicOperationRefusesAnonymousCallersFirst() {
		List<String> leaks = new ArrayList<>();
		int swept = 0;
		for (GraphQLObjectType root : List.of(this.source.schema().getQueryType(),
				this.source.schema().getMutationType())) {
			String keyword = (root == this.source.schema().getQueryType()) ? "query" : "mutation";
			for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
				if (field.hasAppliedDirective(AuthenticationFirst.PUBLIC)) {
					continue;
				}
				swept++;
				// Unknown ids and invalid input at once: an empty object for every input type misses its
				// required fields, which graphql-java would otherwise report by name.
				String document = keyword + " { " + field.getName() + arguments(field) + selection(field.getType())
						+ " }";
				EntityExchangeResult<String> result = post(null, document);
				String body = result.getResponseBody();
				if (result.getStatus() != HttpStatus.UNAUTHORIZED || body == null
						|| !body.contains("\"code\":\"UNAUTHENTICATED\"") || body.contains("\"data\"")) {
					leaks.add(field.getName() + " → " + result.getStatus() + " " + body);
				}
			}
		}
		assertThat(swept).isGreaterThan(100);
		assertThat(leaks).as("operations that answered an anonymous caller with something else").isEmpty();
	}

	@Test
	void theRefusalComesBeforeVariablesAreCheckedAndFragmentsDoNotHideAField() {
		EntityExchangeResult<String> badVariables = this.api.client()
			.post()
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", "mutation($id: ID!) { publishActivity(id: $id) { id } }", "variables",
					Map.of("id", Map.of("not", "an id"))))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(badVariables.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(badVariables.getResponseHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
		assertThat(badVariables.getResponseBody()).contains("\"code\":\"UNAUTHENTICATED\"").contains("请先登录")
			.doesNotContain("Exception").doesNotContain("\"data\"");

		// A private field reached through an inline fragment or a named fragment beside a public one.
		for (String document : List.of("mutation { ... on Mutation { restockReward(input: {}) { id } } }",
				"query { ...f fulfilmentLists(orgUnitId: \"1\") { month } } fragment f on Query { me { id } }",
				"query Named { me { id } } query Other { fulfilmentLists(orgUnitId: \"1\") { month } }")) {
			EntityExchangeResult<String> result = (document.contains("Named")) ? postNamed(document, "Named")
					: post(null, document);
			assertThat(result.getStatus()).as(document).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

	/**
	 * An empty operation name with several operations: graphql-java runs the first operation for
	 * {@code ""} (it refuses only a missing name), so a gate that took "" as "no choice possible" and
	 * left the request to graphql-java let an anonymous caller run a private first operation.
	 */
	@Test
	void anEmptyOperationNameDoesNotOpenTheGate() {
		String document = "query A { fulfilmentLists(orgUnitId: \"1\") { month } me { id } } "
				+ "query B { fulfilmentLists(orgUnitId: \"1\") { month } }";
		EntityExchangeResult<String> result = postNamed(document, "");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(result.getResponseBody()).contains("\"code\":\"UNAUTHENTICATED\"").doesNotContain("\"data\"");
		// Signed in, the same request is refused for what it is (no operation chosen), not run.
		Api.Session someone = this.api.login(Fixtures.unique("gate-empty"));
		EntityExchangeResult<String> signedIn = this.api.client()
			.post()
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + someone.accessToken())
			.bodyValue(Map.of("query", document, "operationName", ""))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertThat(signedIn.getResponseBody()).doesNotContain("\"me\":").contains("\"errors\"");
	}

	@Test
	void publicOperationsStillAnswerAnonymousCallersAndTokensPassTheGate() {
		// The published 落实清单 months of an unknown unit: a public read, answered (empty), not refused.
		EntityExchangeResult<String> months = post(null,
				"query { fulfilmentLists(orgUnitId: \"999999999\") { month } }");
		assertThat(months.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(months.getResponseBody()).doesNotContain("UNAUTHENTICATED");
		// Named operations: the chosen one decides.
		assertThat(postNamed("query Named { me { id } } query Other { fulfilmentLists(orgUnitId: \"1\") { month } }",
				"Other").getStatus()).isEqualTo(HttpStatus.OK);
		// A syntax error is still a syntax error (it reveals nothing), with its code.
		EntityExchangeResult<String> broken = post(null, "{ me { id ");
		assertThat(broken.getResponseBody()).contains("\"code\":\"BAD_REQUEST\"");

		Api.Session someone = this.api.login(Fixtures.unique("gate"));
		EntityExchangeResult<String> me = post(someone.accessToken(), "query { me { id } }");
		assertThat(me.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(me.getResponseBody()).contains("\"id\":\"" + someone.userId() + "\"");
	}

	private EntityExchangeResult<String> post(String token, String document) {
		var request = this.api.client().post().header("Content-Type", "application/json");
		if (token != null) {
			request = request.header("Authorization", "Bearer " + token);
		}
		return request.bodyValue(Map.of("query", document)).exchange().expectBody(String.class).returnResult();
	}

	private EntityExchangeResult<String> postNamed(String document, String operationName) {
		return this.api.client()
			.post()
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", document, "operationName", operationName))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	private static String arguments(GraphQLFieldDefinition field) {
		List<String> args = field.getArguments()
			.stream()
			.filter(arg -> GraphQLTypeUtil.isNonNull(arg.getType()))
			.map(arg -> arg.getName() + ": " + junk(arg))
			.collect(Collectors.toList());
		return args.isEmpty() ? "" : "(" + String.join(", ", args) + ")";
	}

	private static String junk(GraphQLArgument argument) {
		return junk(argument.getType());
	}

	private static String junk(GraphQLInputType type) {
		GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(type);
		if (inner instanceof GraphQLList) {
			return "[]";
		}
		if (inner instanceof GraphQLInputObjectType) {
			return "{}";
		}
		if (inner instanceof GraphQLEnumType enumType) {
			return enumType.getValues().get(0).getName();
		}
		String name = ((GraphQLScalarType) inner).getName();
		return switch (name) {
			case "Int", "Long" -> "-1";
			case "Float" -> "-1.5";
			case "Boolean" -> "true";
			default -> "\"999999999\"";
		};
	}

	private static String selection(GraphQLOutputType type) {
		GraphQLType inner = GraphQLTypeUtil.unwrapAll(type);
		return (inner instanceof GraphQLScalarType || inner instanceof GraphQLEnumType) ? "" : " { __typename }";
	}

}
