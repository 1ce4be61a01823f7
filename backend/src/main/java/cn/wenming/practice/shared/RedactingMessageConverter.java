package cn.wenming.practice.shared;

import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Last line of defence for logs: anything shaped like a WeChat secret ({@code session_key},
 * {@code access_token}, an app {@code secret}) or a bearer token is masked before it is written,
 * whoever logged it. Used by {@code logback-spring.xml} as {@code %redactedMsg}.
 */
public class RedactingMessageConverter extends MessageConverter {

	private static final Pattern SECRET = Pattern.compile(
			"(?i)(session_?key|access_?token|refresh_?token|app_?secret|secret|jwt)([\"']?\\s*[:=]\\s*[\"']?)[^&\\s,\"'}]+");

	private static final Pattern BEARER = Pattern.compile("(?i)(Bearer\\s+)[A-Za-z0-9._~+/=-]+");

	@Override
	public String convert(ILoggingEvent event) {
		return redact(super.convert(event));
	}

	static String redact(String message) {
		if (message == null || message.isEmpty()) {
			return message;
		}
		String masked = SECRET.matcher(message).replaceAll("$1$2***");
		return BEARER.matcher(masked).replaceAll("$1***");
	}

}
