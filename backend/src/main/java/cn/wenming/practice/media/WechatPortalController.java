package cn.wenming.practice.media;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mini-program's message push endpoint (消息推送, plaintext mode, JSON or XML). WeChat signs
 * every request with SHA-1 over the sorted token, timestamp and nonce; a request whose signature
 * does not match {@code app.media.message-token} gets 403 and is not read. {@code GET} is WeChat's
 * URL verification (echo {@code echostr}); {@code POST} carries events, of which
 * {@code wxa_media_check} (mediaCheckAsync's result, matched by {@code trace_id}) is handled and
 * everything else acknowledged. A body that cannot be parsed is logged and acknowledged, so WeChat
 * does not retry a message that will never parse.
 */
@RestController
class WechatPortalController {

	private static final Logger log = LoggerFactory.getLogger(WechatPortalController.class);

	private static final String SUCCESS = "success";

	private final MediaProperties properties;

	private final Photos photos;

	private final Clock clock;

	WechatPortalController(MediaProperties properties, Photos photos, Clock clock) {
		this.properties = properties;
		this.photos = photos;
		this.clock = clock;
	}

	@GetMapping(path = "/wx/ma/portal", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> verify(@RequestParam(name = "signature", required = false) String signature,
			@RequestParam(name = "timestamp", required = false) String timestamp,
			@RequestParam(name = "nonce", required = false) String nonce,
			@RequestParam(name = "echostr", required = false) String echostr) {
		if (!signed(signature, timestamp, nonce)) {
			return forbidden();
		}
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body((echostr == null) ? "" : echostr);
	}

	@PostMapping(path = "/wx/ma/portal", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> receive(@RequestParam(name = "signature", required = false) String signature,
			@RequestParam(name = "timestamp", required = false) String timestamp,
			@RequestParam(name = "nonce", required = false) String nonce,
			@RequestBody(required = false) byte[] body) {
		if (!signed(signature, timestamp, nonce)) {
			return forbidden();
		}
		Event event;
		try {
			event = parse((body == null) ? "" : new String(body, StandardCharsets.UTF_8));
		}
		catch (Exception ex) {
			log.warn("WeChat push message not understood ({}), acknowledged and dropped", ex.getClass().getSimpleName());
			return ok();
		}
		if (!"wxa_media_check".equals(event.event())) {
			log.info("WeChat push event {} ignored", event.event());
			return ok();
		}
		this.photos.decide(event.traceId(), verdict(event));
		return ok();
	}

	/** What one pushed message says; for other events only {@code event} is meaningful. */
	record Event(String event, String traceId, Integer errcode, String suggest) {
	}

	static Photos.Verdict verdict(Event event) {
		if (event.errcode() != null && event.errcode() != 0) {
			return Photos.Verdict.FAILED;
		}
		if ("pass".equals(event.suggest())) {
			return Photos.Verdict.PASS;
		}
		if ("risky".equals(event.suggest()) || "review".equals(event.suggest())) {
			// No human review of photos: "review" is hidden like "risky" (the uploader can send another).
			return Photos.Verdict.REJECT;
		}
		return Photos.Verdict.FAILED;
	}

	static Event parse(String body) throws Exception {
		String text = body.strip();
		if (text.startsWith("{")) {
			JsonNode json = JsonMapper.shared().readTree(text);
			JsonNode result = json.get("result");
			return new Event(string(json, "Event"), string(json, "trace_id"),
					json.has("errcode") ? integer(json.get("errcode")) : null,
					(result != null && result.isObject()) ? string(result, "suggest") : null);
		}
		if (text.startsWith("<")) {
			Document doc = xml(text);
			Element root = doc.getDocumentElement();
			String errcode = child(root, "errcode");
			Element result = firstChild(root, "result");
			return new Event(child(root, "Event"), child(root, "trace_id"),
					StringUtils.hasText(errcode) ? Integer.valueOf(errcode.strip()) : null,
					(result == null) ? null : child(result, "suggest"));
		}
		throw new IllegalArgumentException("neither JSON nor XML");
	}

	/** A field as text; null when absent or JSON null; an object or array is not an event. */
	private static String string(JsonNode json, String field) {
		JsonNode value = json.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isValueNode()) {
			throw new IllegalArgumentException(field + " is not a value");
		}
		return value.asString();
	}

	/** A number, or a string holding one (WeChat has sent both); anything else is not an event. */
	private static int integer(JsonNode value) {
		if (value.isNumber()) {
			return value.intValue();
		}
		if (value.isString()) {
			return Integer.parseInt(value.asString());
		}
		throw new IllegalArgumentException("errcode is not a number");
	}

	/** A parser that refuses DOCTYPEs and external entities (XXE). */
	private static Document xml(String text) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setExpandEntityReferences(false);
		factory.setXIncludeAware(false);
		var builder = factory.newDocumentBuilder();
		builder.setErrorHandler(null);
		return builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static Element firstChild(Element parent, String name) {
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element element && name.equals(element.getTagName())) {
				return element;
			}
		}
		return null;
	}

	private static String child(Element parent, String name) {
		Element element = firstChild(parent, name);
		return (element == null) ? null : element.getTextContent().strip();
	}

	/** WeChat's signature: hex SHA-1 of token, timestamp and nonce sorted and joined. */
	private boolean signed(String signature, String timestamp, String nonce) {
		String token = this.properties.messageToken();
		if (!StringUtils.hasText(token)) {
			log.warn("WeChat push refused: app.media.message-token (WX_MINIAPP_MSG_TOKEN) is not set");
			return false;
		}
		if (signature == null || timestamp == null || nonce == null) {
			return false;
		}
		String expected = signature(token, timestamp, nonce);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
			return false;
		}
		// The signature covers the timestamp, so a fresh one proves the message was signed lately:
		// without this check a captured callback (a "pass" verdict) could be replayed at any time.
		long signedAt;
		try {
			signedAt = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException ex) {
			return false;
		}
		long skew = Math.abs(this.clock.instant().getEpochSecond() - signedAt);
		if (skew > this.properties.messageMaxAge().toSeconds()) {
			log.warn("WeChat push refused: signed timestamp is {} s away from now", skew);
			return false;
		}
		return true;
	}

	static String signature(String token, String timestamp, String nonce) {
		String[] parts = { token, timestamp, nonce };
		Arrays.sort(parts);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ResponseEntity<String> forbidden() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("forbidden");
	}

	private static ResponseEntity<String> ok() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(SUCCESS);
	}

}
