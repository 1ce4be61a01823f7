package cn.wenming.practice.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Filling pages and data fields: placeholders, WeChat's length limits, times in China time, bad configuration. */
class MessageRendererTest {

	@Test
	void fillsPlaceholdersCutsValuesToTheKeywordLimitAndShowsChinaTime() {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("thing1", "{title}");
		data.put("phrase2", "审核未通过啦");
		data.put("thing3", "{reason}");
		data.put("time4", "{time}");
		var template = new NotificationProperties.Template("tmpl", "pages/need/detail?id={id}&from={title}", data);
		MessageRenderer renderer = new MessageRenderer(properties(NotificationKind.NEED_REJECTED, template));
		Map<String, String> variables = Map.of("id", "42", "title", "一二三四五六七八九十一二三四五六七八九十一二",
				"time", renderer.time(Instant.parse("2026-11-23T16:30:00Z")));

		assertThat(renderer.page(template, variables)).isEqualTo("pages/need/detail?id=42&from="
				+ java.net.URLEncoder.encode(variables.get("title"), java.nio.charset.StandardCharsets.UTF_8));
		Map<String, String> filled = renderer.data(template, variables);
		assertThat(filled).containsExactly(Map.entry("thing1", "一二三四五六七八九十一二三四五六七八九…"),
				Map.entry("phrase2", "审核未通…"), Map.entry("thing3", "-"), Map.entry("time4", "2026-11-24 00:30"));
		assertThat(filled.get("thing1").codePointCount(0, filled.get("thing1").length())).isEqualTo(20);
	}

	@Test
	void aPlaceholderTheKindDoesNotHaveStopsStartUp() {
		var template = new NotificationProperties.Template("tmpl", "pages/activity/activity?id={id}",
				Map.of("thing1", "{reason}"));
		assertThatIllegalStateException()
			.isThrownBy(() -> new MessageRenderer(properties(NotificationKind.ACTIVITY_REMINDER, template)))
			.withMessageContaining("{reason}");
	}

	@Test
	void aBlankTemplateIdTurnsTheKindOff() {
		var off = new NotificationProperties.Template(" ", "pages/x?id={id}", Map.of("thing1", "{title}"));
		NotificationProperties properties = properties(NotificationKind.NEED_ACCEPTED, off);
		assertThat(properties.template(NotificationKind.NEED_ACCEPTED)).isEmpty();
		assertThat(properties.template(NotificationKind.NEED_PUBLISHED)).isEmpty();
		assertThat(properties.kindsByTemplateId()).isEmpty();
	}

	private static NotificationProperties properties(NotificationKind kind, NotificationProperties.Template template) {
		return new NotificationProperties(Map.of(kind, template), 5, Duration.ofMinutes(1), Duration.ofHours(1),
				Duration.ofMinutes(2), Duration.ofHours(24), "formal", "zh_CN", ZoneId.of("Asia/Shanghai"));
	}

}
