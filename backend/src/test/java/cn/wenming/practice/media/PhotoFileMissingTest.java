package cn.wenming.practice.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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
 * A photo whose file is gone (a database restored without its files, a storage volume not mounted)
 * answers 404 — what is asked for does not exist — for the photo and its thumbnail, not a 500 that
 * reads as a bug and tells the image viewer nothing.
 */
@IntegrationTest
class PhotoFileMissingTest {

	@LocalServerPort
	int port;

	@Scenario
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MediaProperties properties;

	@Autowired
	PhotoUrls urls;

	@Test
	void aPhotoWhoseFileIsGoneIsNotFound() throws Exception {
		MediaTestSupport media = new MediaTestSupport(this.port, this.jdbc);
		Session owner = this.api.login(Fixtures.unique("gone"));
		long id = media.upload(owner);
		Instant expires = Instant.now().plus(Duration.ofMinutes(5));
		String url = this.urls.url(null, id, owner.userId(), expires);
		String thumbnail = this.urls.thumbnailUrl(null, id, owner.userId(), expires);
		assertThat(PhotoFiles.fetch(this.port, url).status()).isEqualTo(200);

		for (String column : new String[] { "storage_key", "thumbnail_key" }) {
			String key = this.jdbc.queryForObject("SELECT " + column + " FROM media_photo WHERE id = ?", String.class, id);
			Files.delete(Path.of(this.properties.storageDir()).toAbsolutePath().normalize().resolve(key));
		}

		assertThat(PhotoFiles.fetch(this.port, url).status()).isEqualTo(404);
		assertThat(PhotoFiles.fetch(this.port, thumbnail).status()).isEqualTo(404);
	}

}
