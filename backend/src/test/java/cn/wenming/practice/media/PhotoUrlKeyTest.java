package cn.wenming.practice.media;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import cn.wenming.practice.shared.SigningKeys;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** A photo URL verifies only with the photo-URL key: a MAC made with another purpose's key is refused. */
class PhotoUrlKeyTest {

	@Test
	void aSignatureMadeWithAnotherPurposesKeyIsRefused() {
		SigningKeys keys = new SigningKeys("test-jwt-secret-0123456789-abcdefghijklmnop");
		MediaProperties properties = new MediaProperties("data/media", DataSize.ofMegabytes(5), "",
				Duration.ofMinutes(10), Duration.ofHours(2), 5, "", 9,
				new MediaProperties.UploadQuota(30, Duration.ofHours(1)), Duration.ofDays(2), Duration.ofMinutes(5), 320);
		PhotoUrls urls = new PhotoUrls(keys, properties);
		Instant now = Instant.parse("2026-05-01T08:00:00Z");
		long exp = now.plusSeconds(600).getEpochSecond();
		String url = urls.url("", 42, 7, now.plusSeconds(600));
		String genuine = url.substring(url.indexOf("&sig=") + 5);
		assertThat(urls.valid(42, exp, 7, genuine, now)).isTrue();

		byte[] body = ("42." + exp + ".7").getBytes(StandardCharsets.UTF_8);
		for (SigningKeys.Purpose other : new SigningKeys.Purpose[] { SigningKeys.Purpose.ACCESS_TOKEN,
				SigningKeys.Purpose.CHECK_IN_CODE, SigningKeys.Purpose.CERTIFICATE_LINK }) {
			String foreign = Base64.getUrlEncoder().withoutPadding().encodeToString(keys.mac(other, body));
			assertThat(urls.valid(42, exp, 7, foreign, now)).as(other.name()).isFalse();
		}
		assertThat(urls.valid(43, exp, 7, genuine, now)).isFalse();
	}

}
