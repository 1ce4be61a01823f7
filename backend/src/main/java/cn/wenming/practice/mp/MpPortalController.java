package cn.wenming.practice.mp;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.servlet.http.HttpServletRequest;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The official account's message endpoint ({@code /wx/mp/portal}), the URL configured in the
 * account's server settings (服务器配置).
 * <ul>
 * <li>GET: WeChat checks the URL; a correct {@code signature} (SHA-1 of the sorted token,
 * timestamp and nonce) is answered with {@code echostr}.</li>
 * <li>POST: a follower's message or event. The signature (and its timestamp's age) is checked
 * before the body is even read; in safe mode ({@code encrypt_type=aes}) also {@code msg_signature},
 * which covers the ciphertext, before decrypting. A wrong signature → 403 and nothing happens.
 * A body that cannot be parsed → {@code success} (WeChat's "no reply"), logged without its content.</li>
 * </ul>
 * Without a configured account the endpoint answers 404.
 */
@RestController
@RequestMapping("/wx/mp/portal")
class MpPortalController {

	private static final Logger log = LoggerFactory.getLogger(MpPortalController.class);

	/** WeChat's "received, no reply". */
	static final String SUCCESS = "success";

	/** WeChat's messages are a few KB; anything much larger is not one of them. */
	static final int MAX_BODY_BYTES = 64 * 1024;

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

	private final ObjectProvider<WxMpService> wechat;

	private final MpMessages messages;

	private final MpProperties properties;

	private final Clock clock;

	MpPortalController(ObjectProvider<WxMpService> wechat, MpMessages messages, MpProperties properties, Clock clock) {
		this.wechat = wechat;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping
	ResponseEntity<String> verify(@RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String echostr) {
		WxMpService service = this.wechat.getIfAvailable();
		if (service == null) {
			return ResponseEntity.notFound().build();
		}
		if (echostr == null || !signed(service.getWxMpConfigStorage(), signature, timestamp, nonce)) {
			return forbidden();
		}
		return ResponseEntity.ok().contentType(TEXT).body(echostr);
	}

	@PostMapping
	ResponseEntity<String> receive(HttpServletRequest request, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(name = "encrypt_type", required = false) String encryptType,
			@RequestParam(name = "msg_signature", required = false) String msgSignature) throws IOException {
		WxMpService service = this.wechat.getIfAvailable();
		if (service == null) {
			return ResponseEntity.notFound().build();
		}
		WxMpConfigStorage config = service.getWxMpConfigStorage();
		if (!signed(config, signature, timestamp, nonce) || !fresh(timestamp)) {
			return forbidden();
		}
		boolean safeMode = "aes".equalsIgnoreCase(encryptType);
		if (safeMode && !this.properties.safeModeAvailable()) {
			log.warn("Encrypted WeChat message refused: WX_MP_AES_KEY is not configured");
			return forbidden();
		}
		String body = readBody(request);
		if (body == null) {
			log.warn("WeChat message ignored: body larger than {} bytes", MAX_BODY_BYTES);
			return success();
		}
		String xml = body;
		if (safeMode) {
			String encrypted = encryptPart(body);
			if (encrypted == null) {
				log.warn("Malformed encrypted WeChat message ignored ({} bytes)", body.length());
				return success();
			}
			if (!sameDigest(SHA1.gen(config.getToken(), timestamp, nonce, encrypted), msgSignature)) {
				return forbidden();
			}
			try {
				xml = new WxMpCryptUtil(config).decrypt(encrypted);
			}
			catch (RuntimeException ex) {
				log.warn("WeChat message that cannot be decrypted ignored: {}", ex.getClass().getSimpleName());
				return success();
			}
		}
		WxMpXmlMessage in;
		try {
			if (xml.toUpperCase(java.util.Locale.ROOT).contains("<!DOCTYPE")) {
				// WeChat never sends a DTD; refusing it up front keeps entity tricks away from every parser.
				throw new IllegalArgumentException("DTD in message");
			}
			in = WxMpXmlMessage.fromXml(xml);
		}
		catch (RuntimeException ex) {
			// Never the body itself: it may carry a follower's text or location.
			log.warn("Malformed WeChat message ignored ({} bytes): {}", xml.length(), ex.getClass().getSimpleName());
			return success();
		}
		if (in == null || isBlank(in.getFromUser()) || isBlank(in.getToUser()) || isBlank(in.getMsgType())) {
			log.warn("WeChat message without sender, receiver or type ignored");
			return success();
		}
		WxMpXmlOutMessage out;
		try {
			out = this.messages.handle(in);
		}
		catch (RuntimeException ex) {
			// A follower sees "该公众号暂时无法提供服务" for an error, and WeChat would retry: answer nothing.
			String errorId = UUID.randomUUID().toString();
			log.error("Handling a WeChat {} message failed, errorId={}", in.getMsgType(), errorId, ex);
			return success();
		}
		if (out == null) {
			return success();
		}
		return ResponseEntity.ok().contentType(XML).body(safeMode ? out.toEncryptedXml(config) : out.toXml());
	}

	/** WeChat's signature: SHA-1 of the sorted token, timestamp and nonce, compared in constant time. */
	private static boolean signed(WxMpConfigStorage config, String signature, String timestamp, String nonce) {
		if (isBlank(signature) || isBlank(timestamp) || isBlank(nonce)) {
			return false;
		}
		return sameDigest(SHA1.gen(config.getToken(), timestamp, nonce), signature);
	}

	/**
	 * The plain-mode signature does not cover the body, so a captured one could be replayed with
	 * another body; refusing old timestamps bounds that window (safe mode's msg_signature covers it).
	 */
	private boolean fresh(String timestamp) {
		try {
			Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
			Duration age = Duration.between(sent, this.clock.instant()).abs();
			return age.compareTo(this.properties.maxClockSkew()) <= 0;
		}
		catch (NumberFormatException | java.time.DateTimeException ex) {
			return false;
		}
	}

	private static boolean sameDigest(String expected, String given) {
		return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	/** The body, or null when it exceeds {@link #MAX_BODY_BYTES}. */
	private static String readBody(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
			return (bytes.length > MAX_BODY_BYTES) ? null : new String(bytes, StandardCharsets.UTF_8);
		}
	}

	/** The {@code Encrypt} element of a safe-mode body, parsed without DTDs or external entities. */
	private static String encryptPart(String body) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
			NodeList nodes = document.getDocumentElement().getElementsByTagName("Encrypt");
			String text = (nodes.getLength() > 0) ? nodes.item(0).getTextContent() : null;
			return isBlank(text) ? null : text.strip();
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static ResponseEntity<String> forbidden() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
	}

	private static ResponseEntity<String> success() {
		return ResponseEntity.ok().contentType(TEXT).body(SUCCESS);
	}

}
