package cn.wenming.practice.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

import org.springframework.stereotype.Component;

/**
 * Fills a kind's page and data fields from its variables. Placeholders are {@code {name}}; a
 * configuration naming a variable the kind does not have is refused at start-up. Data values are
 * cut to what WeChat accepts for the keyword's type (the key without its number: {@code thing1} is
 * a {@code thing}), because WeChat rejects the whole message (47003) for one value too long.
 */
@Component
class MessageRenderer {

	private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([a-zA-Z]+)}");

	/** Longest value per keyword type, in characters (WeChat's subscribe message rules). */
	private static final Map<String, Integer> LIMITS = Map.of("thing", 20, "phrase", 5, "name", 10, "symbol", 5,
			"character_string", 32, "number", 32, "letter", 32, "phone_number", 17, "car_number", 8);

	private final DateTimeFormatter times;

	MessageRenderer(NotificationProperties properties) {
		this.times = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(properties.zone());
		properties.templates().forEach((kind, template) -> {
			check(kind, "page", template.page());
			template.data().forEach((key, value) -> check(kind, "data." + key, value));
		});
	}

	private static void check(NotificationKind kind, String where, String text) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			if (!kind.variables.contains(matcher.group(1))) {
				throw new IllegalStateException("app.notification.templates." + kind + "." + where + " uses {"
						+ matcher.group(1) + "}, which " + kind + " does not have; it has " + kind.variables);
			}
		}
	}

	/** A time as messages show it, in the configured zone. */
	String time(Instant instant) {
		return (instant == null) ? "-" : this.times.format(instant);
	}

	/** The page with its placeholders filled (URL-encoded: it carries a query string). */
	String page(NotificationProperties.Template template, Map<String, String> variables) {
		return fill(template.page(), variables, true);
	}

	/** The data fields with their placeholders filled and cut to WeChat's limits, in configured order. */
	Map<String, String> data(NotificationProperties.Template template, Map<String, String> variables) {
		Map<String, String> data = new LinkedHashMap<>();
		template.data().forEach((key, value) -> data.put(key, cut(key, fill(value, variables, false))));
		return data;
	}

	private static String fill(String text, Map<String, String> variables, boolean encode) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = variables.get(matcher.group(1));
			if (value == null || value.isBlank()) {
				value = "-";
			}
			value = encode ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value.strip();
			matcher.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	static String cut(String key, String value) {
		Integer limit = LIMITS.get(key.replaceAll("\\d+$", ""));
		if (limit == null || value.codePointCount(0, value.length()) <= limit) {
			return value;
		}
		int end = value.offsetByCodePoints(0, limit - 1);
		return value.substring(0, end) + "…";
	}

}
