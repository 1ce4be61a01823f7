package cn.wenming.practice.activity;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 小程序码 posters (issue 15, must show 4): an admin covering the activity gets a real image of
 * WeChat's unlimited wxacode whose {@code scene} names the activity and the source, fetched from
 * WeChat once and then served from the cache; a sign-up made from the poster (the page passes the
 * scene's source to {@code signUp}) is counted under that source by {@code signUpSources}.
 */
@IntegrationTest
class ActivityPosterTest {

	@LocalServerPort
	int port;

	@Scenario
	ActivityScenario s;

	@Test
	void theAdminsPosterCodeComesFromWechatOnceAndItsSignUpsCountUnderPoster() throws Exception {
		String activity = this.s.published(Duration.ofDays(2), Duration.ofHours(2), 10);
		String scene = "a=" + activity + "&s=poster";

		byte[] first = wxaCode(this.s.admin, activity, "poster").expectStatus().isOk()
			.expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(ImageIO.read(new ByteArrayInputStream(first))).as("a real PNG").isNotNull();
		List<WechatStub.WxaCodeRequest> asked = askedFor(scene);
		assertThat(asked).containsExactly(new WechatStub.WxaCodeRequest(scene, "pages/activity/activity", "release", false));
		assertThat(scene.length()).isLessThanOrEqualTo(32);

		// Printed at every station: WeChat is asked once, the rest come from the cache.
		byte[] again = wxaCode(this.s.admin, activity, "poster").expectStatus().isOk().expectBody(byte[].class)
			.returnResult().getResponseBody();
		assertThat(again).isEqualTo(first);
		assertThat(askedFor(scene)).hasSize(1);
		// Another source is another code.
		wxaCode(this.s.admin, activity, "article").expectStatus().isOk();
		assertThat(askedFor("a=" + activity + "&s=article")).hasSize(1);

		// A volunteer scans the poster: the page reads the scene and signs up with its source.
		Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
		Session volunteer = this.s.volunteer("poster-reader");
		this.s.api.as(volunteer).documentName("signUp").variable("activityId", activity).variable("source", "poster")
			.execute().path("signUp.source").entity(String.class).isEqualTo("poster");
		this.s.signUp(this.s.volunteer("menu-reader"), activity).path("signUp.status").entity(String.class)
			.isEqualTo("CONFIRMED");
		Instant to = Instant.now().plus(1, ChronoUnit.MINUTES);
		List<Map<String, Object>> counts = (List) this.s.api.as(this.s.admin).documentName("signUpSources")
			.variable("orgUnitId", Long.toString(this.s.tree.station())).variable("from", from.toString())
			.variable("to", to.toString()).execute().path("signUpSources").entityList(Map.class).get();
		assertThat(counts).containsExactlyInAnyOrder(Map.<String, Object>of("source", "poster", "signUps", 1, "cancelled", 0),
				Map.<String, Object>of("source", "menu", "signUps", 1, "cancelled", 0));
	}

	@Test
	void onlyAdminsCoveringTheActivityGetItsCodeAndTheSceneStaysWithinWechatsLimit() {
		String activity = this.s.published(Duration.ofDays(2), Duration.ofHours(2), 10);
		Session volunteer = this.s.volunteer("poster-volunteer");
		Session elsewhere = this.s.api.login(Fixtures.unique("poster-other-admin"));
		this.s.fixtures.grant(elsewhere.userId(), "STATION_ADMIN", this.s.fixtures.tree().station());

		refused(wxaCode(null, activity, "poster"), 401, "UNAUTHENTICATED");
		refused(wxaCode(volunteer, activity, "poster"), 403, "FORBIDDEN");
		refused(wxaCode(elsewhere, activity, "poster"), 403, "FORBIDDEN");
		refused(wxaCode(this.s.admin, "999999999", "poster"), 404, "NOT_FOUND");
		for (String bad : List.of("POSTER", "海报", "a;b", "x".repeat(21))) {
			refused(wxaCode(this.s.admin, activity, bad), 400, "BAD_REQUEST");
		}
		assertThat(WechatStub.shared().wxaCodes().stream().filter(r -> r.scene().startsWith("a=" + activity + "&")))
			.as("nothing refused reached WeChat").isEmpty();

		// WeChat refuses a scene over 32 characters: a long source with a long id is refused here first.
		assertThat(ActivityPosters.scene(1234567L, "x".repeat(20))).hasSize(32);
		assertThatThrownBy(() -> ActivityPosters.scene(12345678L, "x".repeat(20))).isInstanceOf(DomainException.class)
			.hasMessageContaining("32");
	}

	private static List<WechatStub.WxaCodeRequest> askedFor(String scene) {
		return WechatStub.shared().wxaCodes().stream().filter(r -> r.scene().equals(scene)).toList();
	}

	private WebTestClient.ResponseSpec wxaCode(Session as, String activityId, String source) {
		WebTestClient client = WebTestClient.bindToServer(Api.connector())
			.baseUrl("http://127.0.0.1:" + this.port)
			.build();
		return client.get()
			.uri(b -> b.path("/activities/{id}/wxacode").queryParam("source", source).build(activityId))
			.headers(h -> {
				if (as != null) {
					h.set(HttpHeaders.AUTHORIZATION, "Bearer " + as.accessToken());
				}
			})
			.exchange();
	}

	private static void refused(WebTestClient.ResponseSpec response, int status, String code) {
		EntityExchangeResult<String> result = response.expectStatus().isEqualTo(status).expectBody(String.class)
			.returnResult();
		assertThat(result.getResponseBody()).contains("\"code\":\"" + code + "\"");
	}

}
