package cn.wenming.practice.media;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message push endpoint {@code /wx/ma/portal}: WeChat's URL verification echo, signatures
 * (a wrong one is 403 and changes nothing), both body formats, and the safe answers to unknown
 * trace ids and bodies that do not parse.
 */
@IntegrationTest
class WechatPortalTest {

	@LocalServerPort
	int port;

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MediaProperties properties;

	MediaTestSupport media;

	Session uploader;

	@BeforeEach
	void setUp() {
		this.media = new MediaTestSupport(this.port, this.jdbc);
		this.uploader = this.api.login(Fixtures.unique("portal"));
	}

	@Test
	void urlVerificationEchoesOnlyWhenSignedWithTheToken() {
		WechatStub.Answer ok = WechatStub.verifyPortal(this.port, this.properties.messageToken(), "echo-12345");
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.body()).isEqualTo("echo-12345");
		WechatStub.Answer forged = WechatStub.verifyPortal(this.port, "not-the-token", "echo-12345");
		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.body()).doesNotContain("echo-12345");
	}

	@Test
	void aBadlySignedPushIsRefusedAndChangesNothing() {
		long photo = this.media.upload(this.uploader);
		String trace = this.media.trace(photo);
		assertThat(trace).isNotNull();

		WechatStub.Answer forged = WechatStub.pushToPortal(this.port, "not-the-token",
				WechatStub.mediaCheckJson(trace, "pass"));
		assertThat(forged.status()).isEqualTo(403);
		WechatStub.Answer forgedXml = WechatStub.pushToPortal(this.port, "",
				WechatStub.mediaCheckXml(trace, "pass"));
		assertThat(forgedXml.status()).isEqualTo(403);
		assertThat(this.media.status(photo)).isEqualTo("PENDING");

		// The genuine push is applied.
		WechatStub.Answer genuine = WechatStub.pushToPortal(this.port, this.properties.messageToken(),
				WechatStub.mediaCheckXml(trace, "pass"));
		assertThat(genuine.status()).isEqualTo(200);
		assertThat(this.media.status(photo)).isEqualTo("PASSED");
	}

	@Test
	void aGenuinePushWithAStaleOrFutureTimestampIsRefused() {
		long photo = this.media.upload(this.uploader);
		String trace = this.media.trace(photo);
		String token = this.properties.messageToken();
		java.time.Instant now = java.time.Instant.now();
		java.time.Duration maxAge = this.properties.messageMaxAge();

		// Correctly signed, but signed longer ago than the allowed age: a captured callback replayed.
		WechatStub.Answer replayed = WechatStub.pushToPortal(this.port, token, WechatStub.mediaCheckJson(trace, "pass"),
				now.minus(maxAge).minusSeconds(60));
		assertThat(replayed.status()).isEqualTo(403);
		WechatStub.Answer future = WechatStub.pushToPortal(this.port, token, WechatStub.mediaCheckJson(trace, "pass"),
				now.plus(maxAge).plusSeconds(60));
		assertThat(future.status()).isEqualTo(403);
		assertThat(this.media.status(photo)).isEqualTo("PENDING");

		// Within the allowed age (a little clock skew) the same message is applied.
		WechatStub.Answer fresh = WechatStub.pushToPortal(this.port, token, WechatStub.mediaCheckJson(trace, "pass"),
				now.minusSeconds(30));
		assertThat(fresh.status()).isEqualTo(200);
		assertThat(this.media.status(photo)).isEqualTo("PASSED");
	}

	@Test
	void unknownTracesAndUnparsableBodiesAreAcknowledgedSafely() {
		long photo = this.media.upload(this.uploader);
		String token = this.properties.messageToken();
		for (String body : new String[] { WechatStub.mediaCheckJson("no-such-trace", "risky"), "{not json",
				"<xml><unclosed>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml>&e;</xml>", "",
				"{\"Event\":\"user_enter_tempsession\"}" }) {
			WechatStub.Answer answer = WechatStub.pushToPortal(this.port, token, body);
			assertThat(answer.status()).as(body).isEqualTo(200);
			assertThat(answer.body()).isEqualTo("success");
		}
		assertThat(this.media.status(photo)).isEqualTo("PENDING");
	}

	@Test
	void aCheckWechatCouldNotRunIsSentAgain() {
		long photo = this.media.upload(this.uploader);
		String trace = this.media.trace(photo);
		String failed = WechatStub.mediaCheckJson(trace, "pass").replace("\"errcode\":0,\"errmsg\":\"ok\",\"result\"",
				"\"errcode\":-1008,\"errmsg\":\"fetch failed\",\"result\"");
		assertThat(WechatStub.pushToPortal(this.port, this.properties.messageToken(), failed).status()).isEqualTo(200);
		assertThat(this.media.status(photo)).isEqualTo("PENDING");
		// The trace is forgotten, so the retry job picks the photo up again.
		assertThat(this.media.trace(photo)).isNull();
	}

}
