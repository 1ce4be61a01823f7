package cn.wenming.practice.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.PhotoFiles;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploading and reading photo rows for the media tests. */
final class MediaTestSupport {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(\\d+)\"");

	private final int port;

	private final JdbcTemplate jdbc;

	MediaTestSupport(int port, JdbcTemplate jdbc) {
		this.port = port;
		this.jdbc = jdbc;
	}

	long upload(Session as) {
		PhotoFiles.Answer answer = PhotoFiles.upload(this.port, as.accessToken(), PhotoFiles.image("png"), "p.png",
				"image/png");
		assertThat(answer.status()).as(answer.text()).isEqualTo(201);
		Matcher matcher = ID.matcher(answer.text());
		assertThat(matcher.find()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	String status(long photoId) {
		return this.jdbc.queryForObject("SELECT status FROM media_photo WHERE id = ?", String.class, photoId);
	}

	String trace(long photoId) {
		return this.jdbc.queryForObject("SELECT trace_id FROM media_photo WHERE id = ?", String.class, photoId);
	}

	int attempts(long photoId) {
		return this.jdbc.queryForObject("SELECT check_attempts FROM media_photo WHERE id = ?", Integer.class, photoId);
	}

	String openid(Session session) {
		return this.jdbc.queryForObject("SELECT openid FROM app_user WHERE id = ?", String.class, session.userId());
	}

}
