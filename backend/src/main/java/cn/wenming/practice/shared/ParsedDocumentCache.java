package cn.wenming.practice.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Parsed and validated GraphQL documents, by their text: the mini-program sends the same few dozen
 * documents all day with different variables, and parsing plus validating one cost more than a
 * warm leaderboard read's own work (issue 14's profile). Bounded by the total length of the kept
 * texts ({@code app.graphql.document-cache-chars}), least recently used first out, so clients
 * sending endless distinct documents cost memory only up to that bound.
 * <p>
 * Only documents without errors are kept: a document that does not parse or validate is parsed
 * and validated again each time, so its errors are always the current ones, in the caller's
 * language. Validation does not depend on variables or the caller. Depth and complexity do, on a
 * few variables only ({@link OperationLimits}): their verdict is checked here, on every request,
 * and kept with the document for the values seen; introspection is checked when the operation
 * executes.
 */
@Component
class ParsedDocumentCache implements PreparsedDocumentProvider {

	/** Verdicts kept per document: the page sizes and switches a client sends with one document are few. */
	private static final int VERDICTS_PER_DOCUMENT = 64;

	/** Operation names longer than this are the caller's text too, not worth keeping a verdict under. */
	private static final int MAX_KEPT_OPERATION_NAME = 100;

	/** A variable left out, told apart from one sent as null (an operation's default applies only to the first). */
	private static final Object ABSENT = new Object();

	private final Cache<String, Kept> documents;

	private final OperationLimits limits;

	private final ObjectProvider<GraphQlSource> source;

	private final LongAdder parses = new LongAdder();

	private final LongAdder checks = new LongAdder();

	ParsedDocumentCache(GraphQlConfig.GraphQlLimits limits, ObjectProvider<GraphQlSource> source) {
		this.documents = Caffeine.newBuilder()
			.maximumWeight(limits.documentCacheChars())
			.weigher((String query, Kept kept) -> query.length())
			.build();
		this.limits = new OperationLimits(limits.maxDepth(), limits.maxComplexity(), GraphQlConfig::complexity);
		this.source = source;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Kept kept = this.documents.getIfPresent(input.getQuery());
		if (kept == null) {
			// Two first requests of one document may both parse it; the second put replaces the first.
			this.parses.increment();
			PreparsedDocumentEntry entry = parseAndValidate.apply(input);
			if (entry.hasErrors()) {
				return CompletableFuture.completedFuture(entry);
			}
			kept = new Kept(entry, OperationLimits.verdictVariables(entry.getDocument()), new ConcurrentHashMap<>());
			this.documents.put(input.getQuery(), kept);
		}
		GraphQLError refusal = verdict(kept, input);
		return CompletableFuture.completedFuture((refusal != null) ? new PreparsedDocumentEntry(refusal) : kept.entry());
	}

	private GraphQLError verdict(Kept kept, ExecutionInput input) {
		Object[] key = new Object[kept.verdictVariables().size() + 1];
		String operation = String.valueOf(input.getOperationName());
		key[0] = operation;
		boolean keepable = operation.length() <= MAX_KEPT_OPERATION_NAME;
		int i = 1;
		for (String name : kept.verdictVariables()) {
			Object value = input.getVariables().containsKey(name) ? input.getVariables().get(name) : ABSENT;
			// Only the values a page size or a switch takes are kept: anything else (a string, an
			// object) is the caller's to make as large as a request, and kept 64 times per document it
			// would be memory anyone could fill. Its verdict is worked out each time.
			keepable &= value == null || value == ABSENT || value instanceof Number || value instanceof Boolean;
			key[i++] = value;
		}
		List<Object> values = Arrays.asList(key);
		Optional<GraphQLError> known = keepable ? kept.verdicts().get(values) : null;
		if (known != null) {
			return known.orElse(null);
		}
		this.checks.increment();
		Optional<GraphQLError> verdict = Optional
			.ofNullable(this.limits.check(this.source.getObject().schema(), kept.entry().getDocument(), input));
		if (keepable && kept.verdicts().size() < VERDICTS_PER_DOCUMENT) {
			kept.verdicts().putIfAbsent(values, verdict);
		}
		return verdict.orElse(null);
	}

	/** How many documents were parsed and validated (not taken from the cache) since start. */
	long parses() {
		return this.parses.sum();
	}

	/** How many times depth and complexity were worked out (no verdict kept for the variables) since start. */
	long checks() {
		return this.checks.sum();
	}

	boolean holds(String query) {
		return this.documents.getIfPresent(query) != null;
	}

	/**
	 * A valid document, the variables its limits depend on, and the verdicts by operation name and
	 * those variables' values (an empty Optional: within the limits).
	 */
	private record Kept(PreparsedDocumentEntry entry, Set<String> verdictVariables,
			Map<List<Object>, Optional<GraphQLError>> verdicts) {
	}

}
