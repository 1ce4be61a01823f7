package cn.wenming.practice.testinfra;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An HTTP double of WeChat's API host. WxJava is pointed at it, so the real client code runs.
 * Behaviour is chosen by the code the client sends, which keeps concurrent tests independent:
 * <ul>
 * <li>login code {@code X} → openid {@code dev-X} (unionid {@code union-X});</li>
 * <li>{@code invalid…} → errcode 40029, {@code limited…} → 45011, {@code down…} → HTTP 503;</li>
 * <li>phone codes are single-use like WeChat's: the second use → 40029; {@code expired…} → 40029.</li>
 * <li>msgSecCheck v2: the text decides. Containing {@code RISKY} → suggest risky, {@code REVIEW} →
 * review, {@code DOWN} → HTTP 503, {@code QUOTA} → errcode 45009, {@code SLOW} → an answer after
 * {@link #SLOW_SECONDS} s (past WxJava's read timeout); any other text passes.</li>
 * <li>The official account ({@link #MP_APPID}): its own access token (counted in {@link #mpTokenCalls()});
 * {@code /cgi-bin/menu/create} records each body it receives ({@link #menus()}).</li>
 * <li>subscribe messages: every request is recorded ({@link #subscribeMessagesTo}); the answer is ok
 * unless a test told the stub otherwise for the recipient's openid or the template id
 * ({@link #answerSubscribe}): 43101 (not subscribed), 47003 (data refused) or HTTP 503 (down).</li>
 * <li>getwxacodeunlimit (小程序码): a real PNG showing the scene, recorded ({@link #wxaCodes()}); a
 * scene over 32 characters → errcode 40169, as WeChat answers.</li>
 * <li>mediaCheckAsync v2: answers a fresh trace id and records the request ({@link #mediaChecksOf});
 * HTTP 503 (msgSecCheck too) for an openid passed to {@link #failMediaChecksFor}. WeChat's later verdict is pushed by
 * the test: {@link #pushToPortal} with {@link #mediaCheckJson} or {@link #mediaCheckXml}, signed
 * with the right or a wrong token.</li>
 * </ul>
 */
public final class WechatStub {

	/** A fixed session_key so tests can assert it never leaks. */
	public static final String SESSION_KEY_PREFIX = "STUB-SESSION-KEY-";

	public static final String ACCESS_TOKEN = "STUB-ACCESS-TOKEN-0123456789";

	/** The official account the tests and the local run use. */
	public static final String MP_APPID = "wx-stub-mp-appid";

	public static final String MP_ACCESS_TOKEN = "STUB-MP-ACCESS-TOKEN-9876543210";

	/** The official account's message token (服务器配置 → Token). */
	public static final String MP_TOKEN = "stubMpToken2026";

	/** The official account's EncodingAESKey (43 characters) for safe-mode messages. */
	public static final String MP_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	/** How long a {@code SLOW} text makes msgSecCheck wait: longer than WxJava's 5 s read timeout. */
	public static final int SLOW_SECONDS = 7;

	private static WechatStub shared;

	private final MockWebServer server = new MockWebServer();

	private final AtomicInteger tokenCalls = new AtomicInteger();

	private final AtomicInteger traceIds = new AtomicInteger();

	private final AtomicInteger mpTokenCalls = new AtomicInteger();

	private final List<String> menus = new CopyOnWriteArrayList<>();

	private final Set<String> usedPhoneCodes = ConcurrentHashMap.newKeySet();

	private final List<SubscribeMessage> subscribeMessages = new CopyOnWriteArrayList<>();

	private final Map<String, SubscribeAnswer> subscribeAnswers = new ConcurrentHashMap<>();

	/** How the stub answers a subscribe message. */
	public enum SubscribeAnswer {

		/** errcode 0. */
		OK,
		/** errcode 43101: the user has not subscribed (or refused). */
		NOT_SUBSCRIBED,
		/** HTTP 503: WeChat unreachable. */
		DOWN,
		/** errcode 47003: the template data was refused (a permanent failure, never retried). */
		INVALID_DATA

	}

	/** One {@code subscribe/send} request as the stub received it, and what it answered. */
	public record SubscribeMessage(String toUser, String templateId, String page, Map<String, String> data,
			String miniprogramState, SubscribeAnswer answer) {
	}
	private final Set<String> mediaDown = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicInteger> textChecks = new ConcurrentHashMap<>();

	private final java.util.List<MediaCheckRequest> mediaChecks = new java.util.concurrent.CopyOnWriteArrayList<>();

	private WechatStub() throws IOException {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return WechatStub.this.dispatch(request);
			}
		});
		this.server.start(0);
	}

	/** The one stub of this JVM, started on first use. */
	public static synchronized WechatStub shared() {
		if (shared == null) {
			try {
				shared = new WechatStub();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not start the WeChat stub", ex);
			}
			WechatStub stub = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(stub.server::close));
		}
		return shared;
	}

	public String baseUrl() {
		String url = this.server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	public int tokenCalls() {
		return this.tokenCalls.get();
	}

	/** How often the official account's access token was fetched. */
	public int mpTokenCalls() {
		return this.mpTokenCalls.get();
	}

	/** Every menu JSON received at {@code /cgi-bin/menu/create}, oldest first. */
	public List<String> menus() {
		return List.copyOf(this.menus);
	}

	private MockResponse dispatch(RecordedRequest request) {
		String path = request.getUrl().encodedPath();
		return switch (path) {
			case "/cgi-bin/token", "/cgi-bin/stable_token" -> {
				if (MP_APPID.equals(request.getUrl().queryParameter("appid"))
						|| (request.getBody() != null && request.getBody().utf8().contains(MP_APPID))) {
					this.mpTokenCalls.incrementAndGet();
					yield json("{\"access_token\":\"" + MP_ACCESS_TOKEN + "\",\"expires_in\":7200}");
				}
				this.tokenCalls.incrementAndGet();
				yield json("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":7200}");
			}
			case "/sns/jscode2session" -> login(request.getUrl().queryParameter("js_code"));
			case "/wxa/business/getuserphonenumber" -> phone(bodyField(request, "code"));
			case "/wxa/msg_sec_check" -> messageCheck(request);
			case "/cgi-bin/menu/create" -> menu(request);
			case "/cgi-bin/message/subscribe/send" -> subscribeSend(request);
			case "/wxa/media_check_async" -> mediaCheck(request);
			case "/wxa/getwxacodeunlimit" -> wxaCode(request);
			default -> json("{\"errcode\":40001,\"errmsg\":\"stub: unknown path " + path + "\"}");
		};
	}

	/** One getwxacodeunlimit request: what the server asked WeChat to encode. */
	public record WxaCodeRequest(String scene, String page, String envVersion, boolean checkPath) {
	}

	private final List<WxaCodeRequest> wxaCodes = new CopyOnWriteArrayList<>();

	/** Every getwxacodeunlimit request so far, oldest first. */
	public List<WxaCodeRequest> wxaCodes() {
		return List.copyOf(this.wxaCodes);
	}

	private MockResponse wxaCode(RecordedRequest request) {
		if (!ACCESS_TOKEN.equals(request.getUrl().queryParameter("access_token"))) {
			return json("{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid\"}");
		}
		JsonNode body = JsonMapper.shared()
			.readTree((request.getBody() != null) ? request.getBody().utf8() : "{}");
		String scene = text(body, "scene");
		if (scene == null || scene.length() > 32) {
			return json("{\"errcode\":40169,\"errmsg\":\"invalid length for scene\"}");
		}
		this.wxaCodes.add(new WxaCodeRequest(scene, text(body, "page"), text(body, "env_version"),
				body.path("check_path").asBoolean(true)));
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "image/png")
			.body(new okio.Buffer().write(png(scene, body.path("width").asInt(430))))
			.build();
	}

	/** A real PNG: a round 小程序码-like badge with the scene's bits along the bottom. */
	static byte[] png(String scene, int width) {
		int size = Math.max(280, Math.min(1280, width));
		var image = new java.awt.image.BufferedImage(size, size, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		try {
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, size, size);
			g.setColor(new java.awt.Color(0x07, 0xc1, 0x60));
			g.fillOval(size / 10, size / 10, size * 4 / 5, size * 4 / 5);
			g.setColor(java.awt.Color.WHITE);
			g.fillOval(size * 3 / 10, size * 3 / 10, size * 2 / 5, size * 2 / 5);
			// No text (a headless machine may have no fonts): the scene shows as a row of bits instead.
			g.setColor(java.awt.Color.BLACK);
			int bit = size / 64;
			int x = 0;
			for (byte b : scene.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
				for (int i = 7; i >= 0; i--, x += bit) {
					if (((b >> i) & 1) == 1) {
						g.fillRect(x % size, size - bit * (1 + x / size), bit, bit);
					}
				}
			}
		}
		finally {
			g.dispose();
		}
		var out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private MockResponse login(String code) {
		if (code == null || code.startsWith("invalid")) {
			return json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
		}
		if (code.startsWith("limited")) {
			return json("{\"errcode\":45011,\"errmsg\":\"api minute-quota reach limit\"}");
		}
		if (code.startsWith("down")) {
			return new MockResponse.Builder().code(503).body("Service Unavailable").build();
		}
		return json("{\"openid\":\"dev-" + code + "\",\"session_key\":\"" + SESSION_KEY_PREFIX + code
				+ "\",\"unionid\":\"union-" + code + "\"}");
	}

	private MockResponse menu(RecordedRequest request) {
		if (!MP_ACCESS_TOKEN.equals(request.getUrl().queryParameter("access_token"))) {
			return json("{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid\"}");
		}
		this.menus.add((request.getBody() != null) ? request.getBody().utf8() : "");
		return json("{\"errcode\":0,\"errmsg\":\"ok\"}");
	}

	private MockResponse phone(String code) {
		if (code == null || code.startsWith("expired") || !this.usedPhoneCodes.add(code)) {
			return json("{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
		}
		if (code.startsWith("down")) {
			return new MockResponse.Builder().code(502).body("Bad Gateway").build();
		}
		String digits = String.format("%08d", Math.abs(code.hashCode()) % 100_000_000);
		return json("{\"errcode\":0,\"errmsg\":\"ok\",\"phone_info\":{\"phoneNumber\":\"139" + digits
				+ "\",\"purePhoneNumber\":\"139" + digits + "\",\"countryCode\":\"86\"}}");
	}

	/** How many msgSecCheck requests arrived for this openid (a test's own users keep tests independent). */
	public int textChecksOf(String openid) {
		AtomicInteger count = this.textChecks.get(openid);
		return (count == null) ? 0 : count.get();
	}

	private MockResponse messageCheck(RecordedRequest request) {
		String body = (request.getBody() != null) ? request.getBody().utf8() : "";
		this.textChecks.computeIfAbsent(String.valueOf(bodyField(request, "openid")), k -> new AtomicInteger())
			.incrementAndGet();
		if (!body.contains("\"version\":\"2\"") && !body.contains("\"version\":2")) {
			return json("{\"errcode\":40003,\"errmsg\":\"stub: msgSecCheck v2 expected\"}");
		}
		if (body.contains("DOWN") || this.mediaDown.contains(String.valueOf(bodyField(request, "openid")))) {
			return new MockResponse.Builder().code(503).body("Service Unavailable").build();
		}
		if (body.contains("QUOTA")) {
			return json("{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}");
		}
		String suggest = body.contains("RISKY") ? "risky" : body.contains("REVIEW") ? "review" : "pass";
		int label = switch (suggest) {
			case "risky" -> 20001;
			case "review" -> 21000;
			default -> 100;
		};
		String answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"suggest\":\"" + suggest
				+ "\",\"label\":" + label + "},\"detail\":[{\"strategy\":\"content_model\",\"errcode\":0,"
				+ "\"suggest\":\"" + suggest + "\",\"label\":" + label + "}],\"trace_id\":\"stub-trace-"
				+ this.traceIds.incrementAndGet() + "\"}";
		if (body.contains("SLOW")) {
			return new MockResponse.Builder().code(200)
				.addHeader("Content-Type", "application/json; charset=utf-8")
				.headersDelay(SLOW_SECONDS, TimeUnit.SECONDS)
				.body(answer)
				.build();
		}
		return json(answer);
	}

	/**
	 * From now on, answer subscribe messages to this openid (or of this template id) with
	 * {@code answer}; {@link SubscribeAnswer#OK} restores the normal answer. Keys are per test data
	 * (a test's own users), so concurrent tests stay independent.
	 */
	public void answerSubscribe(String openidOrTemplateId, SubscribeAnswer answer) {
		if (answer == SubscribeAnswer.OK) {
			this.subscribeAnswers.remove(openidOrTemplateId);
		}
		else {
			this.subscribeAnswers.put(openidOrTemplateId, answer);
		}
	}

	/** Every subscribe message request for this openid so far, whatever was answered, in arrival order. */
	public List<SubscribeMessage> subscribeMessagesTo(String openid) {
		return this.subscribeMessages.stream().filter(m -> openid.equals(m.toUser())).toList();
	}

	private MockResponse subscribeSend(RecordedRequest request) {
		JsonNode body = JsonMapper.shared()
			.readTree((request.getBody() != null) ? request.getBody().utf8() : "{}");
		String toUser = text(body, "touser");
		String templateId = text(body, "template_id");
		Map<String, String> data = new LinkedHashMap<>();
		if (body.path("data").isObject()) {
			body.get("data").properties().forEach(e -> {
				JsonNode value = e.getValue().isObject() ? e.getValue().get("value") : null;
				data.put(e.getKey(), (value == null || value.isNull()) ? null : value.asString());
			});
		}
		SubscribeAnswer answer = this.subscribeAnswers.getOrDefault(String.valueOf(toUser),
				this.subscribeAnswers.getOrDefault(String.valueOf(templateId), SubscribeAnswer.OK));
		this.subscribeMessages.add(new SubscribeMessage(toUser, templateId, text(body, "page"), data,
				text(body, "miniprogram_state"), answer));
		return switch (answer) {
			case NOT_SUBSCRIBED -> json("{\"errcode\":43101,\"errmsg\":\"user refuse to accept the msg\"}");
			case DOWN -> new MockResponse.Builder().code(503).body("Service Unavailable").build();
			case INVALID_DATA -> json("{\"errcode\":47003,\"errmsg\":\"argument invalid! data.thing2.value invalid\"}");
			case OK -> json("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + this.subscribeMessages.size() + "}");
		};
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	/** One mediaCheckAsync request as WeChat received it, with the trace id it answered. */
	public record MediaCheckRequest(String traceId, String openid, String mediaUrl, String body) {
	}

	private MockResponse mediaCheck(RecordedRequest request) {
		String body = (request.getBody() != null) ? request.getBody().utf8() : "";
		if (!body.replace(" ", "").contains("\"version\":2")) {
			return json("{\"errcode\":40003,\"errmsg\":\"stub: mediaCheckAsync v2 expected\"}");
		}
		String openid = bodyField(request, "openid");
		if (openid != null && this.mediaDown.contains(openid)) {
			return new MockResponse.Builder().code(503).body("Service Unavailable").build();
		}
		String traceId = "stub-media-trace-" + this.traceIds.incrementAndGet() + "-" + java.util.UUID.randomUUID();
		String url = bodyField(request, "media_url");
		// WxJava serialises with Gson, which escapes = and & in JSON strings.
		url = (url == null) ? null : url.replace("\\u003d", "=").replace("\\u0026", "&").replace("\\/", "/");
		this.mediaChecks.add(new MediaCheckRequest(traceId, openid, url, body));
		return json("{\"errcode\":0,\"errmsg\":\"ok\",\"trace_id\":\"" + traceId + "\"}");
	}

	/**
	 * Content checks for this openid (mediaCheckAsync and msgSecCheck) answer HTTP 503 until
	 * {@link #restoreMediaChecksFor}: WeChat down for one test's users only.
	 */
	public void failMediaChecksFor(String openid) {
		this.mediaDown.add(openid);
	}

	public void restoreMediaChecksFor(String openid) {
		this.mediaDown.remove(openid);
	}

	/** The mediaCheckAsync requests that got a trace id for this openid, oldest first. */
	public java.util.List<MediaCheckRequest> mediaChecksOf(String openid) {
		return this.mediaChecks.stream().filter(r -> openid.equals(r.openid())).toList();
	}

	/** WeChat's wxa_media_check push in the JSON format; suggest is pass, risky or review. */
	public static String mediaCheckJson(String traceId, String suggest) {
		int label = "pass".equals(suggest) ? 100 : 20002;
		return "{\"ToUserName\":\"gh_stub\",\"FromUserName\":\"dev-stub\",\"CreateTime\":"
				+ java.time.Instant.now().getEpochSecond() + ",\"MsgType\":\"event\",\"Event\":\"wxa_media_check\","
				+ "\"appid\":\"wx-stub-appid\",\"trace_id\":\"" + traceId + "\",\"version\":2,\"detail\":[{"
				+ "\"strategy\":\"content_model\",\"errcode\":0,\"suggest\":\"" + suggest + "\",\"label\":" + label
				+ ",\"prob\":90}],\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"suggest\":\"" + suggest
				+ "\",\"label\":" + label + "}}";
	}

	/** The same push in the XML format. */
	public static String mediaCheckXml(String traceId, String suggest) {
		int label = "pass".equals(suggest) ? 100 : 20002;
		return "<xml><ToUserName><![CDATA[gh_stub]]></ToUserName><FromUserName><![CDATA[dev-stub]]></FromUserName>"
				+ "<CreateTime>" + java.time.Instant.now().getEpochSecond() + "</CreateTime>"
				+ "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[wxa_media_check]]></Event>"
				+ "<appid><![CDATA[wx-stub-appid]]></appid><trace_id><![CDATA[" + traceId + "]]></trace_id>"
				+ "<version>2</version><detail><strategy><![CDATA[content_model]]></strategy><errcode>0</errcode>"
				+ "<suggest><![CDATA[" + suggest + "]]></suggest><label>" + label + "</label><prob>90</prob></detail>"
				+ "<errcode>0</errcode><errmsg><![CDATA[ok]]></errmsg><result><suggest><![CDATA[" + suggest
				+ "]]></suggest><label>" + label + "</label></result></xml>";
	}

	/** An HTTP answer of the application: status and body. */
	public record Answer(int status, String body) {
	}

	/**
	 * Sends a message push to the application's portal ({@code /wx/ma/portal}) as WeChat does:
	 * POST with {@code signature}, {@code timestamp} and {@code nonce}, signed with {@code token}
	 * (pass a wrong token to forge one).
	 */
	public static Answer pushToPortal(int port, String token, String body) {
		return pushToPortal(port, token, body, java.time.Instant.now());
	}

	/** {@link #pushToPortal(int, String, String)} with the signed timestamp {@code signedAt} (a replay, a skewed clock). */
	public static Answer pushToPortal(int port, String token, String body, java.time.Instant signedAt) {
		String timestamp = Long.toString(signedAt.getEpochSecond());
		String nonce = Long.toString(System.nanoTime());
		String query = "signature=" + portalSignature(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce="
				+ nonce + "&openid=dev-stub";
		var request = java.net.http.HttpRequest.newBuilder(
				java.net.URI.create("http://127.0.0.1:" + port + "/wx/ma/portal?" + query))
			.header("Content-Type", body.startsWith("<") ? "text/xml" : "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
			.build();
		return send(request);
	}

	/** WeChat's URL verification: GET with signature, timestamp, nonce and echostr. */
	public static Answer verifyPortal(int port, String token, String echostr) {
		String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
		String nonce = "n" + System.nanoTime();
		String query = "signature=" + portalSignature(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce="
				+ nonce + "&echostr=" + echostr;
		return send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/wx/ma/portal?" + query))
			.GET()
			.build());
	}

	private static Answer send(java.net.http.HttpRequest request) {
		try {
			var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** WeChat's push signature: hex SHA-1 of token, timestamp and nonce, sorted and joined. */
	public static String portalSignature(String token, String timestamp, String nonce) {
		String[] parts = { token, timestamp, nonce };
		java.util.Arrays.sort(parts);
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
				.digest(String.join("", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String bodyField(RecordedRequest request, String field) {
		String body = (request.getBody() != null) ? request.getBody().utf8() : "";
		var matcher = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json; charset=utf-8")
			.body(body)
			.build();
	}

	/** Properties that point WxJava at this stub. */
	public Map<String, Object> properties() {
		return Map.ofEntries(Map.entry("app.wechat.miniapp.app-id", "wx-stub-appid"),
				Map.entry("app.wechat.miniapp.secret", "STUB-APP-SECRET-abcdef"),
				Map.entry("app.wechat.miniapp.api-host-url", baseUrl()), Map.entry("app.wechat.mp.app-id", MP_APPID),
				Map.entry("app.wechat.mp.secret", "STUB-MP-SECRET-abcdef"), Map.entry("app.wechat.mp.token", MP_TOKEN),
				Map.entry("app.wechat.mp.aes-key", MP_AES_KEY), Map.entry("app.wechat.mp.api-host-url", baseUrl()));
	}

}
