package cn.wenming.practice.shared;

import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Last line of defence for logs: anything shaped like a WeChat secret ({@code session_key},
 * {@code access_token}, an app {@code secret}), a bearer token, an ID card number or a mobile
 * number is masked before it is written, whoever logged it. Used by {@code logback-spring.xml} as
 * {@code %redactedMsg}; stack traces go through the same rules ({@link RedactingThrowableConverter}).
 */
public class RedactingMessageConverter extends MessageConverter {

	private static final Pattern SECRET = Pattern.compile(
			"(?i)(session_?key|access_?token|refresh_?token|app_?secret|secret|jwt)([\"']?\\s*[:=]\\s*[\"']?)[^&\\s,\"'}]+");

	private static final Pattern BEARER = Pattern.compile("(?i)(Bearer\\s+)[A-Za-z0-9._~+/=-]+");

	/** A mainland ID card number (18 characters, the last may be X), not part of a longer number. */
	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");

	/** A mainland mobile number, not part of a longer number: 138****5678. */
	private static final Pattern PHONE = Pattern.compile("(?<![0-9A-Za-z])(1[3-9]\\d)\\d{4}(\\d{4})(?![0-9A-Za-z])");

	@Override
	public String convert(ILoggingEvent event) {
		return redact(super.convert(event));
	}

	static String redact(String message) {
		if (message == null || message.isEmpty()) {
			return message;
		}
		String masked = SECRET.matcher(message).replaceAll("$1$2***");
		masked = BEARER.matcher(masked).replaceAll("$1***");
		masked = ID_NUMBER.matcher(masked).replaceAll("$1********$2");
		return PHONE.matcher(masked).replaceAll("$1****$2");
	}

}
