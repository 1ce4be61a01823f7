package cn.wenming.practice.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import graphql.relay.Connection;
import graphql.relay.DefaultConnection;
import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;

/**
 * Keyset pagination for every list: cursors are opaque, encode the last row's id, and a page
 * is at most {@value #MAX_FIRST} rows. Queries fetch {@code limit + 1} rows to learn whether
 * there is a next page without a COUNT.
 */
public final class Connections {

	public static final int DEFAULT_FIRST = 20;

	public static final int MAX_FIRST = 100;

	private static final String PREFIX = "id:";

	private Connections() {
	}

	/** A validated page request: fetch {@link #fetchSize()} rows with id beyond {@link #afterId()}. */
	public record PageRequest(int first, Long afterId) {

		public int fetchSize() {
			return this.first + 1;
		}

	}

	public static PageRequest page(Integer first, String after) {
		int size = (first == null) ? DEFAULT_FIRST : first;
		if (size < 0 || size > MAX_FIRST) {
			throw new DomainException(CommonError.BAD_REQUEST, "first 必须在 0 到 " + MAX_FIRST + " 之间");
		}
		return new PageRequest(size, decode(after));
	}

	public static String encode(long id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
	}

	static Long decode(String cursor) {
		// Absent means the first page; an empty string is not a cursor we ever handed out, and reading
		// it as "no cursor" would silently restart a client's paging from the top.
		if (cursor == null) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (!text.startsWith(PREFIX)) {
				throw new IllegalArgumentException();
			}
			return Long.parseLong(text.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException(CommonError.BAD_REQUEST, "after 游标无效");
		}
	}

	private static final String OFFSET_PREFIX = "at:";

	/**
	 * The offset an {@code after} cursor of an offset-paged list points past (0 for the first page).
	 * For lists ordered by a key that changes as rows move (the dispatch desk's deadlines), where no
	 * keyset cursor is stable either.
	 */
	public static int offset(String after) {
		if (after == null) {
			return 0;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
			if (!text.startsWith(OFFSET_PREFIX)) {
				throw new IllegalArgumentException();
			}
			int offset = Integer.parseInt(text.substring(OFFSET_PREFIX.length()));
			if (offset < 0) {
				throw new IllegalArgumentException();
			}
			return offset;
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException(CommonError.BAD_REQUEST, "after 游标无效");
		}
	}

	/** A connection of rows fetched with {@link PageRequest#fetchSize()} from {@code offset}. */
	public static <T> Connection<T> ofOffset(List<T> rows, int first, int offset) {
		boolean hasNext = rows.size() > first;
		List<T> nodes = hasNext ? rows.subList(0, first) : rows;
		List<Edge<T>> edges = new ArrayList<>(nodes.size());
		for (int i = 0; i < nodes.size(); i++) {
			String cursor = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((OFFSET_PREFIX + (offset + i + 1)).getBytes(StandardCharsets.UTF_8));
			edges.add(new DefaultEdge<>(nodes.get(i), new DefaultConnectionCursor(cursor)));
		}
		var start = edges.isEmpty() ? null : edges.get(0).getCursor();
		var end = edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor();
		return new DefaultConnection<>(edges, new DefaultPageInfo(start, end, offset > 0, hasNext));
	}

	/**
	 * Builds a connection from rows fetched with {@link PageRequest#fetchSize()}, ordered by the key
	 * that {@code idOf} returns.
	 */
	public static <T> Connection<T> of(List<T> rows, PageRequest page, Function<T, Long> idOf) {
		boolean hasNext = rows.size() > page.first();
		List<T> nodes = hasNext ? rows.subList(0, page.first()) : rows;
		List<Edge<T>> edges = new ArrayList<>(nodes.size());
		for (T node : nodes) {
			edges.add(new DefaultEdge<>(node, new DefaultConnectionCursor(encode(idOf.apply(node)))));
		}
		var start = edges.isEmpty() ? null : edges.get(0).getCursor();
		var end = edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor();
		return new DefaultConnection<>(edges, new DefaultPageInfo(start, end, page.afterId() != null, hasNext));
	}

}
