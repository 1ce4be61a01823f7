package cn.wenming.practice.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.PhotoFiles;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: photo uploads have a per-user quota (each spends WeChat's check quota and disk), and
 * photos nobody attached are deleted, row and file, after {@code app.media.unattached-max-age}.
 */
@IntegrationTest
class PhotoHygieneTest {

	@LocalServerPort
	int port;

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MediaProperties properties;

	@Autowired
	PhotoMapper mapper;

	/** What {@link PhotoCleanupJob} runs; called directly (its timer is off, its lock would skip quick re-runs). */
	@Autowired
	Photos photos;

	@Test
	void uploadsBeyondTheQuotaAreRefusedWithRetryAfterAndOthersMayStillUpload() {
		MediaTestSupport media = new MediaTestSupport(this.port, this.jdbc);
		Session busy = this.api.login(Fixtures.unique("quota"));
		int quota = this.properties.uploadQuota().capacity();
		for (int i = 0; i < quota; i++) {
			media.upload(busy);
		}
		PhotoFiles.Answer refused = PhotoFiles.upload(this.port, busy.accessToken(), PhotoFiles.image("png"), "p.png",
				"image/png");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.text()).contains("\"code\":\"RATE_LIMITED\"");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM media_photo WHERE owner_user_id = ?", Integer.class,
				busy.userId())).isEqualTo(quota);

		media.upload(this.api.login(Fixtures.unique("quota-other")));
	}

	@Test
	void unattachedPhotosOlderThanTheLimitAreDeletedWithTheirFiles() throws Exception {
		MediaTestSupport media = new MediaTestSupport(this.port, this.jdbc);
		Session owner = this.api.login(Fixtures.unique("cleanup"));
		long stale = media.upload(owner);
		long fresh = media.upload(owner);
		long attached = media.upload(owner);
		this.mapper.attach(List.of(attached), owner.userId(), PhotoSubject.NEED, 1L, 1L, java.time.Instant.now());
		long days = this.properties.unattachedMaxAge().toDays() + 1;
		for (long id : List.of(stale, attached)) {
			this.jdbc.update("UPDATE media_photo SET created_at = created_at - INTERVAL " + days + " DAY WHERE id = ?", id);
		}
		Path staleFile = file(stale);
		assertThat(staleFile).exists();

		assertThat(this.photos.deleteUnattached()).isGreaterThanOrEqualTo(1);

		assertThat(count(stale)).isZero();
		assertThat(Files.exists(staleFile)).isFalse();
		assertThat(count(fresh)).isEqualTo(1);
		assertThat(file(fresh)).exists();
		assertThat(count(attached)).isEqualTo(1);
		assertThat(file(attached)).exists();
	}

	private int count(long id) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM media_photo WHERE id = ?", Integer.class, id);
	}

	private Path file(long id) {
		String key = this.jdbc.queryForObject("SELECT storage_key FROM media_photo WHERE id = ?", String.class, id);
		return Path.of(this.properties.storageDir()).toAbsolutePath().normalize().resolve(key);
	}

}
