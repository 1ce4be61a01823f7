package cn.wenming.practice.shared;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: JSON logs switched on by {@code logging.structured.format.console} keep the redaction
 * of the text logs. The application's {@code logback-spring.xml} is loaded as Spring Boot loads it
 * (the Spring {@link Environment} in the logger context, the format in
 * {@code CONSOLE_LOG_STRUCTURED_FORMAT}), and its console encoder writes an event whose message and
 * stack trace (exception and cause) hold a token, a session key, phone and ID numbers.
 */
class StructuredLogRedactionTest {

	@Test
	void ecsJsonLinesAreRedactedInMessagesAndStackTraces() throws Exception {
		String line = encode("ecs");

		JsonNode json = JsonMapper.shared().readTree(line);
		assertThat(json.path("message").asString()).isEqualTo("Call failed for phone 139****4321 with Bearer ***");
		assertThat(json.path("log").path("level").asString()).isEqualTo("ERROR");
		String trace = json.path("error").path("stack_trace").asString();
		assertThat(trace).contains("java.lang.RuntimeException")
			.contains("at cn.wenming.practice.shared.StructuredLogRedactionTest")
			.contains("138****5678")
			.contains("110101********1234")
			.contains("session_key=***");
		assertThat(line).doesNotContain("T0ken5ecret")
			.doesNotContain("Cause5ecret")
			.doesNotContain("Be4rerSecret")
			.doesNotContain("13812345678")
			.doesNotContain("13987654321")
			.doesNotContain("110101199003071234");
		assertThat(line).endsWith("\n");
	}

	@Test
	void logstashJsonIsRedactedToo() throws Exception {
		String line = encode("logstash");
		JsonNode json = JsonMapper.shared().readTree(line);
		assertThat(json.path("message").asString()).contains("139****4321");
		assertThat(line).doesNotContain("T0ken5ecret").doesNotContain("110101199003071234");
	}

	@Test
	void withoutAFormatTheLinesAreRedactedText() throws Exception {
		String line = encode("");
		assertThat(line).startsWith("20").contains(" ERROR ").contains("Call failed for phone 139****4321");
		assertThat(line).doesNotContain("T0ken5ecret").doesNotContain("110101199003071234").doesNotContain("{\"");
	}

	/** One event through the CONSOLE appender's encoder of logback-spring.xml with the given format. */
	private static String encode(String format) throws Exception {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
		context.putObject(Environment.class.getName(), new MockEnvironment());
		context.putProperty("CONSOLE_LOG_STRUCTURED_FORMAT", format);
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(context);
		configurator.doConfigure(StructuredLogRedactionTest.class.getResource("/logback-spring.xml"));
		try {
			ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) context
				.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
				.getAppender("CONSOLE");
			assertThat(console.getEncoder()).isInstanceOf(RedactingConsoleEncoder.class);
			IllegalStateException cause = new IllegalStateException(
					"resident 110101199003071234 not found, session_key=Cause5ecret");
			RuntimeException ex = new RuntimeException("WeChat said: access_token=T0ken5ecret for 13812345678", cause);
			ch.qos.logback.classic.Logger logger = context.getLogger(StructuredLogRedactionTest.class);
			LoggingEvent event = new LoggingEvent(ch.qos.logback.classic.Logger.class.getName(), logger, Level.ERROR,
					"Call failed for phone {} with Bearer {}", ex, new Object[] { "13987654321", "Be4rerSecret" });
			return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
		}
		finally {
			context.stop();
		}
	}

}
