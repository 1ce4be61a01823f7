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

}
