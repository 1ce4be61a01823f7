package cn.wenming.practice.shared;

import java.util.List;
import java.util.Map;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;

/**
 * Whether the field being fetched selects a path of sub-fields, read from the request's syntax
 * tree. graphql-java's {@code DataFetchingFieldSelectionSet} answers the same, but its first call
 * normalizes the whole operation and matches globs through a file-system path matcher: on a
 * leaderboard read that cost as much as the read itself (docs/performance.md §7, runs S21–S22).
 * <p>
 * Conservative: fragments count whatever their type condition, and {@code @skip}/{@code @include}
 * are not evaluated, so a field that will not be shown may count as selected (an unneeded look-up,
 * never a missing value). Fragment cycles are refused by validation before any fetcher runs.
 */
public final class Selections {

	private Selections() {
	}

	/** {@code selects(env, "me", "name")}: whether {@code me { name }} is asked for under this field. */
	public static boolean selects(DataFetchingEnvironment env, String... path) {
		return selects(env.getMergedField().getFields(), env.getFragmentsByName(), path);
	}

	static boolean selects(List<Field> fields, Map<String, FragmentDefinition> fragments, String... path) {
		for (Field field : fields) {
			if (selects(field.getSelectionSet(), fragments, path, 0)) {
				return true;
			}
		}
		return false;
	}

	private static boolean selects(SelectionSet set, Map<String, FragmentDefinition> fragments, String[] path, int at) {
		if (set == null) {
			return false;
		}
		for (Selection<?> selection : set.getSelections()) {
			boolean found = false;
			if (selection instanceof Field field) {
				found = field.getName().equals(path[at])
						&& (at == path.length - 1 || selects(field.getSelectionSet(), fragments, path, at + 1));
			}
			else if (selection instanceof InlineFragment inline) {
				found = selects(inline.getSelectionSet(), fragments, path, at);
			}
			else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
				found = selects(fragments.get(spread.getName()).getSelectionSet(), fragments, path, at);
			}
			if (found) {
				return true;
			}
		}
		return false;
	}

}
