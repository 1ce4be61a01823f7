package cn.wenming.practice.media;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat unreachable when a photo is uploaded: the upload still succeeds, the photo stays pending
 * (hidden), and the ShedLock-guarded retry job sends the check once WeChat is back, a bounded
 * number of times. The job itself is {@code @SchedulerLock}ed like the deadline job (see
 * {@code NeedDeadlineJobClusterTest} for the lock across instances).
 */
@IntegrationTest
class PhotoCheckRetryTest {

	@LocalServerPort
	int port;

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	/** What {@link PhotoCheckRetryJob} runs; called directly (its timer is off, its lock would skip quick re-runs). */
	@Autowired
	Photos photos;

	@Autowired
	MediaProperties properties;

	@Test
	void theRetryJobSendsChecksThatNeverReachedWechat() {
		MediaTestSupport media = new MediaTestSupport(this.port, this.jdbc);
		Session uploader = this.api.login(Fixtures.unique("retry"));
		String openid = media.openid(uploader);
		WechatStub stub = WechatStub.shared();
		stub.failMediaChecksFor(openid);
		try {
			long photo = media.upload(uploader);
			assertThat(media.status(photo)).isEqualTo("PENDING");
			assertThat(media.trace(photo)).isNull();
			assertThat(media.attempts(photo)).isEqualTo(1);

			// Still down: one more attempt counted, nothing sent.
			this.photos.resendUnsent();
			assertThat(media.trace(photo)).isNull();
			assertThat(media.attempts(photo)).isEqualTo(2);
			assertThat(stub.mediaChecksOf(openid)).isEmpty();

			stub.restoreMediaChecksFor(openid);
			this.photos.resendUnsent();
			assertThat(stub.mediaChecksOf(openid)).hasSize(1);
			String trace = media.trace(photo);
			assertThat(trace).isEqualTo(stub.mediaChecksOf(openid).get(0).traceId());
			assertThat(media.attempts(photo)).isEqualTo(3);
			// Sent once: a further tick leaves it alone.
			this.photos.resendUnsent();
			assertThat(stub.mediaChecksOf(openid)).hasSize(1);

			WechatStub.pushToPortal(this.port, this.properties.messageToken(), WechatStub.mediaCheckJson(trace, "pass"));
			assertThat(media.status(photo)).isEqualTo("PASSED");
		}
		finally {
			stub.restoreMediaChecksFor(openid);
		}
	}

	@Test
	void attemptsAreBounded() {
		MediaTestSupport media = new MediaTestSupport(this.port, this.jdbc);
		Session uploader = this.api.login(Fixtures.unique("bounded"));
		String openid = media.openid(uploader);
		WechatStub stub = WechatStub.shared();
		stub.failMediaChecksFor(openid);
		try {
			long photo = media.upload(uploader);
			for (int i = 0; i < this.properties.checkMaxAttempts() + 2; i++) {
				this.photos.resendUnsent();
			}
			assertThat(media.attempts(photo)).isEqualTo(this.properties.checkMaxAttempts());
			stub.restoreMediaChecksFor(openid);
			this.photos.resendUnsent();
			// Given up: stays pending (hidden from everyone but the uploader), never sent.
			assertThat(stub.mediaChecksOf(openid)).isEmpty();
			assertThat(media.status(photo)).isEqualTo("PENDING");
		}
		finally {
			stub.restoreMediaChecksFor(openid);
		}
	}

}
