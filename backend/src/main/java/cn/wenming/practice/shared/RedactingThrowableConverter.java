package cn.wenming.practice.shared;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * Stack traces through the same redaction as messages ({@code %redactedEx} in
 * {@code logback-spring.xml}): an exception's message (a WeChat error echoing the request, a SQL
 * error quoting a row) holds secrets, phone and ID numbers as often as a log message does. Like
 * Spring Boot's {@code %wEx}, the trace starts on a new line.
 */
public class RedactingThrowableConverter extends ExtendedThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(IThrowableProxy proxy) {
		return CoreConstants.LINE_SEPARATOR + RedactingMessageConverter.redact(super.throwableProxyToString(proxy));
	}

}
