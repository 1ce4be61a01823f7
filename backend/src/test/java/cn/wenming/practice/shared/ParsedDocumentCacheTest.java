package cn.wenming.practice.shared;

import java.util.Map;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsed and validated documents are kept ({@link ParsedDocumentCache}): the second execution of a
 * document does not parse it again and still answers with its own variables; a document with errors
 * is never kept, so its errors come back every time.
 */
@IntegrationTest
class ParsedDocumentCacheTest {

	@Scenario
	Api api;

	@Autowired
	ParsedDocumentCache cache;

	@Autowired
	JdbcTemplate jdbc;

	private String post(String query, Map<String, Object> variables) {
		return this.api.client().post().header("Content-Type", "application/json")
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectBody(String.class).returnResult().getResponseBody();
	}

	@Test
	void theSecondExecutionOfADocumentIsNotParsedAgainAndUsesItsOwnVariables() {
		Fixtures.Tree tree = new Fixtures(this.jdbc).tree();
		// A text no other test sends, so this test's first request is the first of the document.
		String query = "query " + Fixtures.unique("Unit").replaceAll("\\W", "_")
				+ "($id: ID!) { orgUnit(id: $id) { id level } }";
		assertThat(this.cache.holds(query)).isFalse();

		long before = this.cache.parses();
		String first = post(query, Map.of("id", Long.toString(tree.station())));
		long afterFirst = this.cache.parses();
		String second = post(query, Map.of("id", Long.toString(tree.institute())));
		long afterSecond = this.cache.parses();

		assertThat(afterFirst - before).as("the first execution parses").isEqualTo(1);
		assertThat(this.cache.holds(query)).isTrue();
		assertThat(first).contains("\"id\":\"" + tree.station() + "\"").contains("\"STATION\"").doesNotContain("errors");
		assertThat(second).contains("\"id\":\"" + tree.institute() + "\"").contains("\"INSTITUTE\"")
			.doesNotContain("errors");
		assertThat(afterSecond - afterFirst).as("parses during the second execution").isZero();
	}

	@Test
	void aDocumentWithErrorsIsNotKeptAndAnswersItsErrorsEveryTime() {
		String invalid = "query " + Fixtures.unique("Broken").replaceAll("\\W", "_") + " { orgUnit(id: \"1\") { noSuchField } }";
		String unparsable = "query " + Fixtures.unique("Cut").replaceAll("\\W", "_") + " { orgUnit(id: \"1\") { id ";
		for (String query : new String[] { invalid, unparsable }) {
			for (int i = 0; i < 2; i++) {
				long before = this.cache.parses();
				String body = post(query, Map.of());
				assertThat(body).as("attempt %d of %s", i + 1, query).contains("\"errors\"")
					.contains("\"code\":\"BAD_REQUEST\"");
				assertThat(this.cache.parses() - before).as("parsed again").isEqualTo(1);
				assertThat(this.cache.holds(query)).isFalse();
			}
		}
	}

	/**
	 * Depth and complexity are checked before execution, once per document, operation and the
	 * values of the variables that can change them (issue 14): a kept document still answers
	 * each request's own page size, and a verdict for values seen before is not worked out again.
	 */
	@Test
	void limitsFollowEachRequestsVariablesOnAKeptDocument() {
		String query = "query " + Fixtures.unique("Pages").replaceAll("\\W", "_") + "($n: Int) { "
				+ "a%d: activities(first: $n) { edges { node { id title } } } ".repeat(20).formatted(
						java.util.stream.IntStream.range(0, 20).boxed().toArray())
				+ "}";
		long parsesBefore = this.cache.parses();
		long checksBefore = this.cache.checks();
		assertThat(post(query, Map.of("n", 1, "title", "x"))).doesNotContain("QUERY_TOO_COMPLEX").contains("\"a19\"");
		assertThat(post(query, Map.of("n", 100, "title", "x"))).contains("\"code\":\"QUERY_TOO_COMPLEX\"")
			.contains("查询过深或过于复杂").doesNotContain("\"edges\"");
		// Another value of a variable the limits do not depend on (undeclared, ignored): the verdict for n = 1 is kept.
		assertThat(post(query, Map.of("n", 1, "title", "y"))).doesNotContain("QUERY_TOO_COMPLEX").contains("\"a19\"");
		assertThat(post(query, Map.of("n", 100, "title", "y"))).contains("\"code\":\"QUERY_TOO_COMPLEX\"");
		assertThat(this.cache.parses() - parsesBefore).as("parses").isEqualTo(1);
		assertThat(this.cache.checks() - checksBefore).as("limits worked out").isEqualTo(2);
	}

	/**
	 * A value a page size cannot take (here a long string for {@code first}) is refused by execution as
	 * before and never kept with the document: kept verdicts are memory a caller must not be able to fill.
	 */
	@Test
	void verdictsForValuesOtherThanNumbersAndSwitchesAreNotKept() {
		String query = "query " + Fixtures.unique("Odd").replaceAll("\\W", "_")
				+ "($n: Int) { activities(first: $n) { edges { node { id } } } }";
		String huge = "9".repeat(50_000);
		for (int i = 0; i < 2; i++) {
			long checksBefore = this.cache.checks();
			assertThat(post(query, Map.of("n", huge))).contains("\"code\":\"BAD_REQUEST\"").doesNotContain(huge);
			assertThat(this.cache.checks() - checksBefore).as("worked out again, attempt %d", i + 1).isEqualTo(1);
		}
	}

	@Test
	void aSkippedOrIncludedPartCountsOnlyWhenItIsThere() {
		String deep = "children { ".repeat(14) + "id" + " }".repeat(14);
		String query = "query " + Fixtures.unique("Deep").replaceAll("\\W", "_")
				+ "($deep: Boolean!) { orgUnit(id: \"1\") { id ... @include(if: $deep) { " + deep + " } } }";
		assertThat(post(query, Map.of("deep", false))).doesNotContain("QUERY_TOO_COMPLEX");
		assertThat(post(query, Map.of("deep", true))).contains("\"code\":\"QUERY_TOO_COMPLEX\"")
			.doesNotContain("\"children\"");
		assertThat(post(query, Map.of("deep", false))).doesNotContain("QUERY_TOO_COMPLEX");
		// A variable of the wrong type is execution's error, as before the limits were checked here.
		assertThat(post(query, Map.of("deep", "maybe"))).contains("\"code\":\"BAD_REQUEST\"")
			.doesNotContain("QUERY_TOO_COMPLEX");
	}

}
