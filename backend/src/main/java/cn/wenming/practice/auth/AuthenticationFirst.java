package cn.wenming.practice.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Authentication before anything else: an anonymous request that selects any root field not
 * marked {@code @public} in the schema is refused with HTTP 401 and {@code UNAUTHENTICATED}
 * before graphql-java validates its arguments or a resolver looks anything up. Checking in each
 * resolver came after argument binding and validation, so anonymous callers learned which ids
 * exist and what the validation rules are, and clients showed the wrong screen.
 * <p>
 * A document that does not parse is left to graphql-java (a syntax error reveals nothing about the
 * data); one whose operation cannot be chosen (several operations and no name, or a name none has)
 * is refused like a private one; unknown root fields count as not public. The
 * allow-list lives in the schema so every client and reviewer sees it beside the operation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthenticationFirst implements WebGraphQlInterceptor {

	static final String PUBLIC = "public";

	private final AccessControl access;

	private final ObjectProvider<GraphQlSource> source;

	private volatile Map<String, Set<String>> publicFields;

	AuthenticationFirst(AccessControl access, ObjectProvider<GraphQlSource> source) {
		this.access = access;
		this.source = source;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String name = request.getOperationName();
		if (name != null && name.isEmpty()) {
			// graphql-java refuses a document of several operations only when the name is missing, and
			// runs the first one for "": this gate, the operation limits and the login rate limit all
			// take "" as no name, so execution must too, or it runs an operation none of them checked.
			request.configureExecutionInput((input, builder) -> builder.operationName(null).build());
		}
		if (this.access.currentUserId() == null && !allPublic(request)) {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "请先登录", null) {
				@Override
				public HttpHeaders getHeaders() {
					return headers;
				}
			};
		}
		return chain.next(request);
	}

	private boolean allPublic(WebGraphQlRequest request) {
		Document document;
		try {
			document = Parser.parse(request.getDocument());
		}
		catch (InvalidSyntaxException | IllegalArgumentException ex) {
			return true;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		OperationDefinition operation = chosen(operations, request.getOperationName());
		if (operation == null) {
			// Nothing this gate could check runs (execution refuses an operation it cannot choose
			// either), so refusing costs an honest caller nothing and leaves no gap if they ever differ.
			return false;
		}
		Set<String> allowed = publicFields().getOrDefault(operation.getOperation().name(), Set.of());
		Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
		return rootFieldNames(operation.getSelectionSet(), fragments).stream()
			.allMatch(name -> name.startsWith("__") || allowed.contains(name));
	}

	static OperationDefinition chosen(List<OperationDefinition> operations, String name) {
		if (name == null || name.isEmpty()) {
			return (operations.size() == 1) ? operations.get(0) : null;
		}
		return operations.stream().filter(op -> name.equals(op.getName())).findFirst().orElse(null);
	}

	/** The root fields an operation selects, through inline fragments and fragment spreads. */
	static Set<String> rootFieldNames(SelectionSet root, Map<String, FragmentDefinition> fragments) {
		Set<String> names = new HashSet<>();
		Set<String> visited = new HashSet<>();
		Deque<SelectionSet> pending = new ArrayDeque<>();
		pending.push(root);
		while (!pending.isEmpty()) {
			SelectionSet set = pending.pop();
			if (set == null) {
				continue;
			}
			for (Selection<?> selection : set.getSelections()) {
				if (selection instanceof Field field) {
					names.add(field.getName());
				}
				else if (selection instanceof InlineFragment inline) {
					pending.push(inline.getSelectionSet());
				}
				else if (selection instanceof FragmentSpread spread && visited.add(spread.getName())) {
					FragmentDefinition fragment = fragments.get(spread.getName());
					if (fragment == null) {
						names.add("<unknown fragment>");
					}
					else {
						pending.push(fragment.getSelectionSet());
					}
				}
			}
		}
		return names;
	}

	/** Operation type (QUERY, MUTATION, SUBSCRIPTION) → root fields marked {@code @public}. */
	private Map<String, Set<String>> publicFields() {
		Map<String, Set<String>> fields = this.publicFields;
		if (fields == null) {
			GraphQLSchema schema = this.source.getObject().schema();
			fields = Map.of("QUERY", publicOf(schema.getQueryType()), "MUTATION", publicOf(schema.getMutationType()),
					"SUBSCRIPTION", publicOf(schema.getSubscriptionType()));
			this.publicFields = fields;
		}
		return fields;
	}

	static Set<String> publicOf(GraphQLObjectType type) {
		if (type == null) {
			return Set.of();
		}
		return type.getFieldDefinitions()
			.stream()
			.filter(field -> field.hasAppliedDirective(PUBLIC))
			.map(GraphQLFieldDefinition::getName)
			.collect(Collectors.toUnmodifiableSet());
	}

}
