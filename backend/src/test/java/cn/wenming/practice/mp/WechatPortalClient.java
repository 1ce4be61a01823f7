package cn.wenming.practice.mp;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import cn.wenming.practice.testinfra.WechatStub;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Calls {@code /wx/mp/portal} the way WeChat's servers do: query parameters {@code signature},
 * {@code timestamp}, {@code nonce} (and {@code openid}; in safe mode {@code encrypt_type=aes} and
 * {@code msg_signature}), the message as an XML body. The signature is computed here independently
 * of WxJava: SHA-1 over the lexicographically sorted strings, hex.
 */
final class WechatPortalClient {

	/** The account's original id (原始 ID), the ToUserName of every message. */
	static final String ACCOUNT = "gh_stub_account";

	private final String url;

	private final HttpClient http = HttpClient.newHttpClient();

	WechatPortalClient(int port) {
		this.url = "http://127.0.0.1:" + port + "/wx/mp/portal";
	}

	static String sha1(String... parts) {
		String[] sorted = parts.clone();
		Arrays.sort(sorted);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String nonce() {
		return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000L);
	}

	static String now() {
		return Long.toString(Instant.now().getEpochSecond());
	}

	/** Query parameters of a correctly signed request. */
	static Map<String, String> signed(String openid) {
		return signedAt(openid, Instant.now());
	}

	/** Query parameters correctly signed with the given moment as their {@code timestamp}. */
	static Map<String, String> signedAt(String openid, Instant at) {
		String timestamp = Long.toString(at.getEpochSecond());
		String nonce = nonce();
		Map<String, String> query = new LinkedHashMap<>();
		query.put("signature", sha1(WechatStub.MP_TOKEN, timestamp, nonce));
		query.put("timestamp", timestamp);
		query.put("nonce", nonce);
		if (openid != null) {
			query.put("openid", openid);
		}
		return query;
	}

	HttpResponse<String> get(Map<String, String> query) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(query)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(Map<String, String> query, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(query)).header("Content-Type", "text/xml")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A plain-mode POST, correctly signed. */
	HttpResponse<String> post(String openid, String body) throws Exception {
		return post(signed(openid), body);
	}

	private URI uri(Map<String, String> query) {
		return URI.create(this.url + "?" + query.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")));
	}

	// --- Messages as WeChat sends them.

	static String event(String openid, String event, String extra) {
		return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openid
				+ "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
				+ "<Event><![CDATA[" + event + "]]></Event>" + extra + "</xml>";
	}

	static String subscribe(String openid) {
		return event(openid, "subscribe", "<EventKey><![CDATA[]]></EventKey>");
	}

	static String click(String openid, String key) {
		return event(openid, "CLICK", "<EventKey><![CDATA[" + key + "]]></EventKey>");
	}

	static String location(String openid, double latitude, double longitude) {
		return event(openid, "LOCATION", "<Latitude>" + latitude + "</Latitude><Longitude>" + longitude
				+ "</Longitude><Precision>65.000000</Precision>");
	}

	static String text(String openid, String content) {
		return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + openid
				+ "]]></FromUserName><CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
				+ "<Content><![CDATA[" + content + "]]></Content><MsgId>" + nonce() + "</MsgId></xml>";
	}

	/** A reply's elements by name. */
	static Map<String, String> parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
		Map<String, String> fields = new LinkedHashMap<>();
		var children = document.getDocumentElement().getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			var node = children.item(i);
			if (node.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
				fields.put(node.getNodeName(), node.getTextContent());
			}
		}
		return fields;
	}

}
