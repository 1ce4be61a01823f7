package cn.wenming.practice.mp;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.wenming.practice.mp.WechatPortalClient.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /wx/mp/portal} driven the way WeChat drives it: signed query parameters and WeChat's XML.
 * Replies are parsed as XML and their links checked; refused requests must leave no trace.
 */
@IntegrationTest
class MpPortalTest {

	private static final Pattern ACTIVITY_LINK = Pattern
		.compile("data-miniprogram-path=\"pages/activity/activity\\?id=(\\d+)&source=mp_upcoming\"");

	@LocalServerPort
	int port;

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MpProperties properties;

	WechatPortalClient wechat;

	@BeforeEach
	void setUp() {
		this.wechat = new WechatPortalClient(this.port);
	}

	// --- GET: URL verification.

	@Test
	void getEchoesEchostrWhenTheSignatureIsRight() throws Exception {
		Map<String, String> query = WechatPortalClient.signed(null);
		query.put("echostr", "echo-" + WechatPortalClient.nonce());
		HttpResponse<String> response = this.wechat.get(query);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(query.get("echostr"));
	}

	@Test
	void getRefusesAWrongOrMissingSignature() throws Exception {
		Map<String, String> query = WechatPortalClient.signed(null);
		query.put("echostr", "echo-" + WechatPortalClient.nonce());
		query.put("signature", WechatPortalClient.sha1("another-token", query.get("timestamp"), query.get("nonce")));
		HttpResponse<String> wrong = this.wechat.get(query);
		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(wrong.body()).doesNotContain(query.get("echostr"));

		query.remove("signature");
		assertThat(this.wechat.get(query).statusCode()).isEqualTo(403);

		// Right signature, other nonce: the signature covers every part.
		Map<String, String> tampered = WechatPortalClient.signed(null);
		tampered.put("echostr", "x");
		tampered.put("nonce", tampered.get("nonce") + "1");
		assertThat(this.wechat.get(tampered).statusCode()).isEqualTo(403);
	}

	// --- POST: messages and events.

	@Test
	void subscribeIsWelcomedWithALinkIntoTheMiniProgram() throws Exception {
		String openid = Fixtures.unique("o-follower-");
		HttpResponse<String> response = this.wechat.post(openid, WechatPortalClient.subscribe(openid));
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, String> reply = WechatPortalClient.parse(response.body());
		assertThat(reply).containsEntry("ToUserName", openid)
			.containsEntry("FromUserName", ACCOUNT)
			.containsEntry("MsgType", "text");
		assertThat(Long.parseLong(reply.get("CreateTime"))).isCloseTo(Instant.now().getEpochSecond(),
				org.assertj.core.data.Offset.offset(60L));
		assertThat(reply.get("Content")).startsWith("感谢关注")
			.contains("<a href=\"https://mp.weixin.qq.com/\" data-miniprogram-appid=\"wx-stub-appid\" "
					+ "data-miniprogram-path=\"pages/home/home?source=mp_welcome\">进入小程序报名活动</a>");
		assertThat(this.jdbc.queryForObject("SELECT subscribed FROM mp_follower WHERE openid = ?", Integer.class, openid))
			.isEqualTo(1);
	}

	@Test
	void upcomingActivitiesClickListsTheNextFiveNearTheFollowersStation() throws Exception {
		MpScenario s = new MpScenario(this.api, new Fixtures(this.jdbc));
		// Within hours: the other mp tests' activities (at other random spots) all start a day or more ahead.
		Instant base = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		// Seven open activities near the spot, created out of start order (ids do not give the answer).
		Map<Integer, String> byHour = new HashMap<>();
		for (int hour : new int[] { 5, 1, 7, 3, 2, 6, 4 }) {
			byHour.put(hour, s.published("活动" + hour, base.plus(hour, ChronoUnit.HOURS), 300.0 * hour));
		}
		// Earlier, but not to be shown: 20 km away, a draft, cancelled, sign-up closed.
		s.published("远处活动", base, 20_000);
		s.draft("草稿活动", base, null, 0);
		s.move("cancelActivity", s.published("已取消活动", base, 0));
		String closed = s.draft("截止活动", base, Instant.now().minus(1, ChronoUnit.HOURS), 0);
		s.move("publishActivity", closed);

		String openid = Fixtures.unique("o-near-");
		HttpResponse<String> located = this.wechat.post(openid,
				WechatPortalClient.location(openid, s.latitude, s.longitude));
		assertThat(located.statusCode()).isEqualTo(200);
		assertThat(located.body()).isEqualTo("success");

		HttpResponse<String> response = this.wechat.post(openid,
				WechatPortalClient.click(openid, "UPCOMING_ACTIVITIES"));
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, String> reply = WechatPortalClient.parse(response.body());
		assertThat(reply).containsEntry("ToUserName", openid).containsEntry("MsgType", "text");
		String content = reply.get("Content");
		assertThat(content).contains("您的实践站：" + s.stationName).contains("您附近近期可报名的活动");
		assertThat(activityIds(content)).containsExactly(byHour.get(1), byHour.get(2), byHour.get(3), byHour.get(4),
				byHour.get(5));
		assertThat(content).contains("data-miniprogram-appid=\"wx-stub-appid\"");
		assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);

		// A location sent in the chat answers the same way, around that location.
		String other = Fixtures.unique("o-sender-");
		String message = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + other
				+ "]]></FromUserName><CreateTime>" + WechatPortalClient.now()
				+ "</CreateTime><MsgType><![CDATA[location]]></MsgType><Location_X>" + s.latitude
				+ "</Location_X><Location_Y>" + s.longitude + "</Location_Y><Scale>15</Scale><Label><![CDATA[文明实践站]]></Label>"
				+ "<MsgId>" + WechatPortalClient.nonce() + "</MsgId></xml>";
		String sent = WechatPortalClient.parse(this.wechat.post(other, message).body()).get("Content");
		assertThat(activityIds(sent)).containsExactly(byHour.get(1), byHour.get(2), byHour.get(3), byHour.get(4),
				byHour.get(5));
	}

	@Test
	void withoutALocationTheCountyWideNextFiveAreListed() throws Exception {
		MpScenario s = new MpScenario(this.api, new Fixtures(this.jdbc));
		for (int i = 0; i < 6; i++) {
			s.published("全县活动" + i, Instant.now().plus(1, ChronoUnit.DAYS).plus(i, ChronoUnit.HOURS), 0);
		}
		String openid = Fixtures.unique("o-nowhere-");
		Instant now = Instant.now();
		List<String> expected = this.jdbc.queryForList("""
				SELECT id FROM activity WHERE status = 'PUBLISHED' AND starts_at > ? AND sign_up_deadline > ?
				ORDER BY starts_at, id LIMIT 5
				""", Long.class, Timestamp.from(now), Timestamp.from(now)).stream().map(String::valueOf).toList();
		String content = WechatPortalClient
			.parse(this.wechat.post(openid, WechatPortalClient.click(openid, "UPCOMING_ACTIVITIES")).body())
			.get("Content");
		assertThat(content).startsWith("全县近期可报名的活动");
		assertThat(expected).hasSize(5);
		assertThat(activityIds(content)).containsExactlyElementsOf(expected);
	}

	@Test
	void anOlderLocationNeverReplacesANewerOneAndUnfollowingForgetsIt() throws Exception {
		String openid = Fixtures.unique("o-moving-");
		long now = Instant.now().getEpochSecond();
		String newer = WechatPortalClient.location(openid, 45.5, 85.5).replaceFirst("<CreateTime>\\d+", "<CreateTime>" + now);
		String older = WechatPortalClient.location(openid, 44.5, 84.5)
			.replaceFirst("<CreateTime>\\d+", "<CreateTime>" + (now - 30));
		// Delivered out of order (a retry of the older event arriving late).
		assertThat(this.wechat.post(openid, newer).body()).isEqualTo("success");
		assertThat(this.wechat.post(openid, older).body()).isEqualTo("success");
		assertThat(this.jdbc.queryForObject("SELECT latitude FROM mp_follower WHERE openid = ?", Double.class, openid))
			.isEqualTo(45.5);

		assertThat(this.wechat.post(openid, WechatPortalClient.event(openid, "unsubscribe", "")).body())
			.isEqualTo("success");
		assertThat(this.jdbc.queryForObject("SELECT subscribed FROM mp_follower WHERE openid = ?", Integer.class, openid))
			.isZero();
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT latitude, longitude, located_at FROM mp_follower WHERE openid = ?", openid);
		assertThat(row.get("latitude")).isNull();
		assertThat(row.get("longitude")).isNull();
		assertThat(row.get("located_at")).isNull();
	}

	@Test
	void otherMessagesGetTheDefaultReply() throws Exception {
		String openid = Fixtures.unique("o-chat-");
		for (String body : List.of(WechatPortalClient.text(openid, "你好，怎么报名？"),
				WechatPortalClient.click(openid, "SOMETHING_ELSE"))) {
			HttpResponse<String> response = this.wechat.post(openid, body);
			Map<String, String> reply = WechatPortalClient.parse(response.body());
			assertThat(reply).containsEntry("ToUserName", openid).containsEntry("FromUserName", ACCOUNT)
				.containsEntry("MsgType", "text");
			assertThat(reply.get("Content")).startsWith("您好！点击菜单「近期活动」")
				.contains("data-miniprogram-path=\"pages/home/home?source=mp_reply\"");
		}
		// Events nobody sees an answer to (leaving, opening a menu link) are acknowledged only.
		assertThat(this.wechat.post(openid, WechatPortalClient.event(openid, "VIEW", "<EventKey><![CDATA[https://x]]></EventKey>"))
			.body()).isEqualTo("success");
	}

	@Test
	void aWronglySignedPostIsRefusedAndNothingIsProcessed() throws Exception {
		String openid = Fixtures.unique("o-forged-");
		Map<String, String> forged = WechatPortalClient.signed(openid);
		forged.put("signature", WechatPortalClient.sha1("guessed-token", forged.get("timestamp"), forged.get("nonce")));
		for (String body : List.of(WechatPortalClient.subscribe(openid), WechatPortalClient.location(openid, 45, 90),
				WechatPortalClient.click(openid, "UPCOMING_ACTIVITIES"))) {
			HttpResponse<String> response = this.wechat.post(forged, body);
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.body()).isEmpty();
		}
		// No signature at all, and a correct signature whose timestamp is ten minutes old (a replay).
		Map<String, String> unsigned = new LinkedHashMap<>(WechatPortalClient.signed(openid));
		unsigned.remove("signature");
		assertThat(this.wechat.post(unsigned, WechatPortalClient.subscribe(openid)).statusCode()).isEqualTo(403);
		String old = Long.toString(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());
		Map<String, String> replayed = new LinkedHashMap<>();
		replayed.put("signature", WechatPortalClient.sha1(WechatStub.MP_TOKEN, old, "123"));
		replayed.put("timestamp", old);
		replayed.put("nonce", "123");
		assertThat(this.wechat.post(replayed, WechatPortalClient.subscribe(openid)).statusCode()).isEqualTo(403);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mp_follower WHERE openid = ?", Integer.class, openid))
			.isZero();
	}

	@Test
	void aCorrectlySignedPostOutsideTheAllowedAgeIsRefusedEitherWay() throws Exception {
		String openid = Fixtures.unique("o-stale-");
		Duration maxAge = this.properties.maxClockSkew();
		Instant now = Instant.now();
		// Plain mode signs only token, timestamp and nonce: a captured query string replayed later, or one
		// signed ahead of time by a clock gone wrong, must not be taken however genuine its signature.
		for (Instant at : List.of(now.minus(maxAge).minusSeconds(60), now.plus(maxAge).plusSeconds(60))) {
			for (String body : List.of(WechatPortalClient.subscribe(openid),
					WechatPortalClient.location(openid, 45, 90))) {
				HttpResponse<String> response = this.wechat.post(WechatPortalClient.signedAt(openid, at), body);
				assertThat(response.statusCode()).as("signed at %s", at).isEqualTo(403);
				assertThat(response.body()).isEmpty();
			}
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mp_follower WHERE openid = ?", Integer.class, openid))
			.isZero();

		// A little skew either way is WeChat's and the server's clocks disagreeing, not a replay.
		for (Instant at : List.of(now.minusSeconds(30), now.plusSeconds(30))) {
			HttpResponse<String> response = this.wechat.post(WechatPortalClient.signedAt(openid, at),
					WechatPortalClient.subscribe(openid));
			assertThat(response.statusCode()).as("signed at %s", at).isEqualTo(200);
		}
		assertThat(this.jdbc.queryForObject("SELECT subscribed FROM mp_follower WHERE openid = ?", Integer.class, openid))
			.isEqualTo(1);
	}

	@Test
	void malformedXmlIsAnsweredWithSuccess() throws Exception {
		String openid = Fixtures.unique("o-broken-");
		String entity = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ WechatPortalClient.text(openid, "&e;").replace("<![CDATA[&e;]]>", "&e;");
		for (String body : List.of("<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName>", "not xml",
				"", "<xml><MsgType>text</MsgType></xml>", entity)) {
			HttpResponse<String> response = this.wechat.post(openid, body);
			assertThat(response.statusCode()).as(body).isEqualTo(200);
			assertThat(response.body()).as(body).isEqualTo("success");
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mp_follower WHERE openid = ?", Integer.class, openid))
			.isZero();
	}

	@Test
	void safeModeChecksMsgSignatureAndAnswersEncrypted() throws Exception {
		String openid = Fixtures.unique("o-safe-");
		WxCryptUtil crypt = new WxCryptUtil(WechatStub.MP_TOKEN, WechatStub.MP_AES_KEY, WechatStub.MP_APPID);
		String encrypted = crypt.encrypt("0123456789abcdef", WechatPortalClient.subscribe(openid));
		String body = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
				+ "]]></Encrypt></xml>";
		Map<String, String> query = WechatPortalClient.signed(openid);
		query.put("encrypt_type", "aes");

		// A msg_signature over another ciphertext: refused before anything is decrypted.
		query.put("msg_signature", WechatPortalClient.sha1(WechatStub.MP_TOKEN, query.get("timestamp"),
				query.get("nonce"), encrypted + "x"));
		assertThat(this.wechat.post(query, body).statusCode()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mp_follower WHERE openid = ?", Integer.class, openid))
			.isZero();

		query.put("msg_signature",
				WechatPortalClient.sha1(WechatStub.MP_TOKEN, query.get("timestamp"), query.get("nonce"), encrypted));
		HttpResponse<String> response = this.wechat.post(query, body);
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, String> envelope = WechatPortalClient.parse(response.body());
		assertThat(envelope).containsKeys("Encrypt", "MsgSignature", "TimeStamp", "Nonce");
		assertThat(envelope.get("MsgSignature")).isEqualTo(WechatPortalClient.sha1(WechatStub.MP_TOKEN,
				envelope.get("TimeStamp"), envelope.get("Nonce"), envelope.get("Encrypt")));
		Map<String, String> reply = WechatPortalClient.parse(crypt.decrypt(envelope.get("Encrypt")));
		assertThat(reply).containsEntry("ToUserName", openid).containsEntry("MsgType", "text");
		assertThat(reply.get("Content")).startsWith("感谢关注").contains("source=mp_welcome");
	}

	private static List<String> activityIds(String content) {
		List<String> ids = new ArrayList<>();
		Matcher matcher = ACTIVITY_LINK.matcher(content);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

}
