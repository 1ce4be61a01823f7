package cn.wenming.practice.need;

import java.util.List;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api;
import cn.wenming.practice.testinfra.Scenario;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published 落实清单 as a public HTML page: served without login, escaped, cacheable, a 404
 * page for a month not published. {@link FulfilmentPageBrowserTest} renders it in a real browser.
 */
@IntegrationTest
class FulfilmentPageTest {

	@LocalServerPort
	int port;

	@Scenario
	PublishedFulfilmentPage page;

	@Test
	void publishedMonthIsAPlainEscapedCacheablePageWithoutLogin() {
		WebTestClient web = WebTestClient.bindToServer(Api.connector()).baseUrl(base()).build();
		String html = web.get().uri(this.page.path(this.page.month)).exchange()
			.expectStatus().isOk()
			.expectHeader().contentType("text/html;charset=UTF-8")
			.expectHeader().value("Cache-Control", value -> assertThat(value).contains("max-age=3600", "public"))
			.expectHeader().exists("Last-Modified")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.contains(FulfilmentPage.esc(this.page.stationName))
			.doesNotContain("<b>站</b>")
			.doesNotContain("<script")
			.contains("50.0%", "张**", "志愿者 李*", "5星", "待审核");

		// Not published (the month before), malformed month, unknown unit: the same 404 page.
		for (String missing : List.of(this.page.path(this.page.month.minusMonths(1)), "/public/fulfilment/"
				+ this.page.s.tree.station() + "/2026-13", "/public/fulfilment/abc/" + this.page.month,
				"/public/fulfilment/999999999/" + this.page.month)) {
			String body = web.get().uri(missing).exchange()
				.expectStatus().isNotFound()
				.expectHeader().contentType("text/html;charset=UTF-8")
				.expectBody(String.class).returnResult().getResponseBody();
			assertThat(body).as(missing).contains("尚未公示").contains("viewport");
		}
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
