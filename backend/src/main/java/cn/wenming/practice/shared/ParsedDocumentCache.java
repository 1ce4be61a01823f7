package cn.wenming.practice.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

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
 * language. Validation does not depend on variables or the caller; the per-request checks (depth,
 * complexity, introspection) run when the operation executes, after this cache.
 */
@Component
class ParsedDocumentCache implements PreparsedDocumentProvider {

	private final Cache<String, PreparsedDocumentEntry> documents;

	private final LongAdder parses = new LongAdder();

	ParsedDocumentCache(GraphQlConfig.GraphQlLimits limits) {
		this.documents = Caffeine.newBuilder()
			.maximumWeight(limits.documentCacheChars())
			.weigher((String query, PreparsedDocumentEntry entry) -> query.length())
			.build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry kept = this.documents.getIfPresent(input.getQuery());
		if (kept != null) {
			return CompletableFuture.completedFuture(kept);
		}
		// Two first requests of one document may both parse it; the second put replaces the first.
		this.parses.increment();
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			this.documents.put(input.getQuery(), entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	/** How many documents were parsed and validated (not taken from the cache) since start. */
	long parses() {
		return this.parses.sum();
	}

	boolean holds(String query) {
		return this.documents.getIfPresent(query) != null;
	}

}
