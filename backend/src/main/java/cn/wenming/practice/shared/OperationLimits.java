package cn.wenming.practice.shared;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * The depth and complexity ceilings of one operation, checked before it executes. graphql-java's
 * {@code MaxQueryDepthInstrumentation} and {@code MaxQueryComplexityInstrumentation} check the
 * same, but as instrumentations they put every field of every request through a chain of
 * instrumentations (issue 14's leaderboard profile: 15 % of the time, inclusive), and they walk
 * the document on every request. Here the verdict is worked out once per document, operation and
 * the values of the only variables that can change it — those passed to a {@code first} argument
 * or to {@code @skip} / {@code @include} — and the document cache keeps it ({@link
 * ParsedDocumentCache}).
 */
final class OperationLimits {

	private final int maxDepth;

	private final int maxComplexity;

	private final FieldComplexityCalculator complexity;

	OperationLimits(int maxDepth, int maxComplexity, FieldComplexityCalculator complexity) {
		this.maxDepth = maxDepth;
		this.maxComplexity = maxComplexity;
		this.complexity = complexity;
	}

	/**
	 * The refusal of this execution of a valid document, or null when it is within the ceilings
	 * (or its variables do not coerce: execution then answers that error, as it would have).
	 */
	GraphQLError check(GraphQLSchema schema, Document document, ExecutionInput input) {
		CoercedVariables variables;
		try {
			variables = coerce(schema, document, input);
		}
		catch (RuntimeException notCoercible) {
			return null;
		}
		if (variables == null) {
			return null;
		}
		int depth = QueryTraverser.newQueryTraverser()
			.schema(schema)
			.document(document)
			.operationName(input.getOperationName())
			.coercedVariables(variables)
			.build()
			.reducePreOrder((QueryVisitorFieldEnvironment env, Integer deepest) -> Math.max(depth(env), deepest), 0);
		if (depth > this.maxDepth) {
			return refusal("深度 " + depth + " 超过上限 " + this.maxDepth);
		}
		int cost = QueryComplexityCalculator.newCalculator()
			.fieldComplexityCalculator(this.complexity)
			.schema(schema)
			.document(document)
			.operationName(input.getOperationName())
			.variables(variables)
			.build()
			.calculate();
		if (cost > this.maxComplexity) {
			return refusal("复杂度 " + cost + " 超过上限 " + this.maxComplexity);
		}
		return null;
	}

	/** The operation's variables as execution will see them; null when the operation is not in the document. */
	private static CoercedVariables coerce(GraphQLSchema schema, Document document, ExecutionInput input) {
		OperationDefinition operation = operation(document, input.getOperationName());
		if (operation == null) {
			return null;
		}
		return ValuesResolver.coerceVariableValues(schema, operation.getVariableDefinitions(),
				RawVariables.of(input.getVariables()), input.getGraphQLContext(), input.getLocale());
	}

	private static OperationDefinition operation(Document document, String name) {
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (name == null || name.isEmpty()) {
			return (operations.size() == 1) ? operations.get(0) : null;
		}
		return operations.stream().filter(op -> name.equals(op.getName())).findFirst().orElse(null);
	}

	/** A top-level field is at depth 1, as graphql-java counts. */
	private static int depth(QueryVisitorFieldEnvironment env) {
		int depth = 0;
		for (QueryVisitorFieldEnvironment at = env; at != null; at = at.getParentEnvironment()) {
			depth++;
		}
		return depth;
	}

	private static GraphQLError refusal(String detail) {
		return GraphqlErrorBuilder.newError()
			.message(CommonError.QUERY_TOO_COMPLEX.defaultMessage() + "（" + detail + "）")
			.errorType(ErrorType.ExecutionAborted)
			.extensions(Map.of("code", CommonError.QUERY_TOO_COMPLEX.name()))
			.build();
	}

	/**
	 * The variables whose values can change a verdict: those given to a {@code first} argument
	 * (complexity counts its rows, {@link GraphQlConfig#complexity}) or to the {@code if} of
	 * {@code @skip} / {@code @include} (which fields are there at all). Every other variable may
	 * take any value without changing depth or complexity.
	 */
	static Set<String> verdictVariables(Document document) {
		Set<String> names = new LinkedHashSet<>();
		new NodeTraverser().depthFirst(new NodeVisitorStub() {
			@Override
			public TraversalControl visitField(Field field, TraverserContext<Node> context) {
				addVariables(field.getArguments(), Set.of("first"), names);
				return TraversalControl.CONTINUE;
			}

			@Override
			public TraversalControl visitDirective(Directive directive, TraverserContext<Node> context) {
				if ("skip".equals(directive.getName()) || "include".equals(directive.getName())) {
					addVariables(directive.getArguments(), Set.of("if"), names);
				}
				return TraversalControl.CONTINUE;
			}
		}, document);
		return Set.copyOf(names);
	}

	private static void addVariables(List<Argument> arguments, Set<String> argumentNames, Set<String> into) {
		for (Argument argument : arguments) {
			if (argumentNames.contains(argument.getName()) && argument.getValue() instanceof VariableReference ref) {
				into.add(ref.getName());
			}
		}
	}

}
