package cn.wenming.practice.testinfra;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.practice.testinfra.Api.Session;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos through WeChat's content check, as the review tests drive it: uploaded over HTTP as a user,
 * the photo row's trace id and status read, and WeChat's later verdict pushed to the portal, signed
 * with the application's message token. Built for a test by {@code @Scenario}.
 */
public final class MediaChecks {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(\\d+)\"");

	private final int port;

	private final String messageToken;

	private final JdbcTemplate jdbc;

	public MediaChecks(Environment environment, JdbcTemplate jdbc) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.messageToken = environment.getRequiredProperty("app.media.message-token");
		this.jdbc = jdbc;
	}

	/** A JPEG uploaded as {@code as} (answered 201); returns the photo's id. */
	public String upload(Session as) {
		PhotoFiles.Answer answer = PhotoFiles.upload(this.port, as.accessToken(), PhotoFiles.image("jpg"), "p.jpg",
				"image/jpeg");
		assertThat(answer.status()).as(answer.text()).isEqualTo(201);
		return id(answer);
	}

	/** The photo id in an upload's answer. */
	public static String id(PhotoFiles.Answer answer) {
		Matcher matcher = ID.matcher(answer.text());
		assertThat(matcher.find()).as(answer.text()).isTrue();
		return matcher.group(1);
	}

	/** The trace id WeChat's verdict on the photo will carry. */
	public String trace(String photoId) {
		return this.jdbc.queryForObject("SELECT trace_id FROM media_photo WHERE id = ?", String.class,
				Long.parseLong(photoId));
	}

	public String status(String photoId) {
		return this.jdbc.queryForObject("SELECT status FROM media_photo WHERE id = ?", String.class,
				Long.parseLong(photoId));
	}

	/** Pushes a message to the portal, which answers HTTP 200. */
	public WechatStub.Answer push(String body) {
		WechatStub.Answer answer = WechatStub.pushToPortal(this.port, this.messageToken, body);
		assertThat(answer.status()).isEqualTo(200);
		return answer;
	}

	/** Pushes a message to the portal, which answers HTTP 200 with {@code success} (taken, not to be sent again). */
	public void pushAccepted(String body) {
		assertThat(push(body).body()).isEqualTo("success");
	}

}
