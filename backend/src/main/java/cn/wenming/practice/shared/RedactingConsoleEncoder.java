package cn.wenming.practice.shared;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ArrayNode;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.util.StringUtils;

/**
 * The console encoder of {@code logback-spring.xml}: text lines by {@code pattern} (whose
 * {@code %redactedMsg} / {@code %redactedEx} mask secrets), or, when {@code format} is set
 * ({@code logging.structured.format.console}: {@code ecs}, {@code logstash}, {@code gelf}), one JSON
 * object per line written by Spring Boot's {@link StructuredLogEncoder}.
 * <p>
 * Spring Boot's structured formatters read the raw message and print stack traces themselves, so
 * the pattern's converters never see them: every string value of the JSON (message, stack trace,
 * error message, MDC) is run through {@link RedactingMessageConverter#redact} after formatting,
 * decoded first so that an escaped newline cannot hide an ID number from the rules' boundaries.
 */
public class RedactingConsoleEncoder extends EncoderBase<ILoggingEvent> {

	private static final JsonMapper JSON = JsonMapper.shared();

	private String pattern;

	private String format;

	private Charset charset = StandardCharsets.UTF_8;

	private Encoder<ILoggingEvent> delegate;

	private boolean structured;

	public void setPattern(String pattern) {
		this.pattern = pattern;
	}

	public void setFormat(String format) {
		this.format = format;
	}

	public void setCharset(Charset charset) {
		this.charset = charset;
	}

	@Override
	public void start() {
		this.structured = StringUtils.hasText(this.format);
		if (this.structured) {
			StructuredLogEncoder json = new StructuredLogEncoder();
			json.setContext(getContext());
			json.setFormat(this.format.trim());
			json.setCharset(this.charset);
			json.start();
			this.delegate = json;
		}
		else {
			PatternLayoutEncoder text = new PatternLayoutEncoder();
			text.setContext(getContext());
			text.setPattern(this.pattern);
			text.setCharset(this.charset);
			text.start();
			this.delegate = text;
		}
		super.start();
	}

	@Override
	public void stop() {
		if (this.delegate != null) {
			this.delegate.stop();
		}
		super.stop();
	}

	@Override
	public byte[] headerBytes() {
		return this.delegate.headerBytes();
	}

	@Override
	public byte[] encode(ILoggingEvent event) {
		byte[] bytes = this.delegate.encode(event);
		return this.structured ? redactJson(bytes) : bytes;
	}

	@Override
	public byte[] footerBytes() {
		return this.delegate.footerBytes();
	}

	private byte[] redactJson(byte[] bytes) {
		String line = new String(bytes, this.charset);
		String trimmed = line.stripTrailing();
		String ending = line.substring(trimmed.length());
		try {
			JsonNode node = JSON.readTree(trimmed);
			return (JSON.writeValueAsString(redacted(node)) + ending).getBytes(this.charset);
		}
		catch (JacksonException ex) {
			// Not JSON after all (a custom format): redact the line as text.
			return RedactingMessageConverter.redact(line).getBytes(this.charset);
		}
	}

	private static JsonNode redacted(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				object.set(field.getKey(), redacted(field.getValue()));
			}
			return object;
		}
		if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, redacted(array.get(i)));
			}
			return array;
		}
		if (node.isString()) {
			return JSON.getNodeFactory().stringNode(RedactingMessageConverter.redact(node.asString()));
		}
		return node;
	}

}
