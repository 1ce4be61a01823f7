package cn.wenming.practice.shared;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a fetcher is told is selected under its field, through aliases and both kinds of fragment. */
class SelectionsTest {

	private static boolean selects(String document, String... path) {
		Document parsed = Parser.parse(document);
		OperationDefinition operation = parsed.getDefinitionsOfType(OperationDefinition.class).get(0);
		List<Field> fields = operation.getSelectionSet().getSelectionsOfType(Field.class);
		Map<String, FragmentDefinition> fragments = parsed.getDefinitionsOfType(FragmentDefinition.class).stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, f -> f));
		return Selections.selects(fields, fragments, path);
	}

	@Test
	void aPathIsSelectedOnlyWhenEveryStepIs() {
		String page = "{ leaderboard { entries { rank name } me { rank score } } }";
		assertThat(selects(page, "entries", "name")).isTrue();
		assertThat(selects(page, "me", "name")).isFalse();
		assertThat(selects(page, "me")).isTrue();
		assertThat(selects("{ leaderboard { periodValue } }", "entries", "name")).isFalse();
		// A field of that name elsewhere in the tree is not the path.
		assertThat(selects("{ leaderboard { entries { rank } me { rank } name } }", "me", "name")).isFalse();
	}

	@Test
	void aliasesAndFragmentsAreSeenThrough() {
		assertThat(selects("{ leaderboard { mine: me { who: name } } }", "me", "name")).isTrue();
		assertThat(selects("{ leaderboard { me { ... on LeaderboardEntry { name } } } }", "me", "name")).isTrue();
		assertThat(selects("{ leaderboard { ... on Leaderboard { me { name } } } }", "me", "name")).isTrue();
		assertThat(selects("query { leaderboard { ...Board } } fragment Board on Leaderboard { me { ...Row } } "
				+ "fragment Row on LeaderboardEntry { name }", "me", "name")).isTrue();
		assertThat(selects("query { leaderboard { ...Board } } fragment Board on Leaderboard { me { rank } }", "me",
				"name")).isFalse();
	}

	@Test
	void fieldsAskedTwiceAreMerged() {
		assertThat(selects("{ a: leaderboard { me { rank } } b: leaderboard { me { name } } }", "me", "name")).isTrue();
	}

}
