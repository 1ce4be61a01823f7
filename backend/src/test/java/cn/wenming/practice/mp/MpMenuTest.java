package cn.wenming.practice.mp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.wenming.practice.IntegrationTest;
import cn.wenming.practice.testinfra.Api.Session;
import cn.wenming.practice.testinfra.ApiErrors;
import cn.wenming.practice.testinfra.Fixtures;
import cn.wenming.practice.testinfra.Scenario;
import cn.wenming.practice.testinfra.WechatStub;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code publishMpMenu}: the JSON WeChat receives at {@code /cgi-bin/menu/create} (recorded by the
 * stub) is exactly the configured menu, and only center admins can send it.
 */
@IntegrationTest
class MpMenuTest {

	private static final String LIST = """
			{"type":"miniprogram","name":"活动列表","url":"https://mp.weixin.qq.com/","appid":"wx-stub-appid",
			 "pagepath":"pages/home/home?source=menu"}""";

	private static final String UPCOMING = """
			{"type":"click","name":"近期活动","key":"UPCOMING_ACTIVITIES"}""";

	private static final String WISH_WALL = """
			{"type":"miniprogram","name":"心愿墙","url":"https://mp.weixin.qq.com/","appid":"wx-stub-appid",
			 "pagepath":"pages/wishwall/wishwall?source=menu"}""";

	private static final String MY_POINTS = """
			{"type":"miniprogram","name":"我的积分","url":"https://mp.weixin.qq.com/","appid":"wx-stub-appid",
			 "pagepath":"pages/points/points?source=menu"}""";

	@Autowired
	JdbcTemplate jdbc;

	@Scenario
	MpScenario s;

	Session centerAdmin;

	@BeforeEach
	void setUp() {
		this.centerAdmin = this.s.api.login(Fixtures.unique("mp-center"));
		this.s.fixtures.grant(this.centerAdmin.userId(), "CENTER_ADMIN", this.s.tree.center());
	}

	@Test
	void aCenterAdminPublishesTheConfiguredMenuWithAFeaturedSignUpPage() {
		String featured = this.s.published("重阳节敬老志愿服务活动（城南社区专场）",
				Instant.now().plus(3, ChronoUnit.DAYS), 0);
		int before = WechatStub.shared().menus().size();

		GraphQlTester.Response response = publish(this.centerAdmin, featured);
		response.path("publishMpMenu.buttons[0].name").entity(String.class).isEqualTo("参与活动");
		response.path("publishMpMenu.buttons[0].subButtons[1].pagePath").entity(String.class)
			.isEqualTo("pages/activity/activity?id=" + featured + "&source=menu");

		List<String> menus = WechatStub.shared().menus();
		assertThat(menus).hasSize(before + 1);
		String featuredButton = """
				{"type":"miniprogram","name":"重阳节敬老志愿服务活动（城南社…","url":"https://mp.weixin.qq.com/",
				 "appid":"wx-stub-appid","pagepath":"pages/activity/activity?id=%s&source=menu"}""".formatted(featured);
		assertThat(json(menus.get(menus.size() - 1))).isEqualTo(json("""
				{"button":[{"name":"参与活动","sub_button":[%s,%s,%s]},%s,%s]}"""
			.formatted(LIST, featuredButton, UPCOMING, WISH_WALL, MY_POINTS)));
	}

	@Test
	void withoutAFeaturedActivityTheMenuHasNoSignUpPage() {
		int before = WechatStub.shared().menus().size();
		publish(this.centerAdmin, null).path("publishMpMenu.buttons").entityList(Object.class).hasSize(3);
		List<String> menus = WechatStub.shared().menus();
		assertThat(menus).hasSize(before + 1);
		assertThat(json(menus.get(menus.size() - 1))).isEqualTo(json("""
				{"button":[{"name":"参与活动","sub_button":[%s,%s]},%s,%s]}"""
			.formatted(LIST, UPCOMING, WISH_WALL, MY_POINTS)));
	}

	@Test
	void aCenterAdminSeesTheMenuBeforePublishingItAndNothingIsSent() {
		String featured = this.s.published("敬老助餐", Instant.now().plus(3, ChronoUnit.DAYS), 0);
		int before = WechatStub.shared().menus().size();

		GraphQlTester.Response preview = preview(this.centerAdmin, featured);
		preview.path("mpMenuPreview.buttons[*].name").entityList(String.class).containsExactly("参与活动", "心愿墙", "我的积分");
		preview.path("mpMenuPreview.buttons[0].subButtons[*].name").entityList(String.class)
			.containsExactly("活动列表", "敬老助餐", "近期活动");
		preview.path("mpMenuPreview.buttons[0].subButtons[1].pagePath").entity(String.class)
			.isEqualTo("pages/activity/activity?id=" + featured + "&source=menu");
		preview(this.centerAdmin, null).path("mpMenuPreview.buttons[0].subButtons[*].name").entityList(String.class)
			.containsExactly("活动列表", "近期活动");
		assertThat(WechatStub.shared().menus()).hasSize(before);

		// The same checks as publishing: center admins only, a published featured activity.
		Session stationAdmin = this.s.api.login(Fixtures.unique("mp-preview-station"));
		this.s.fixtures.grant(stationAdmin.userId(), "STATION_ADMIN", this.s.station);
		ApiErrors.expectCode(preview(stationAdmin, null), "FORBIDDEN");
		String draft = this.s.draft("草稿", Instant.now().plus(3, ChronoUnit.DAYS), null, 0);
		ApiErrors.expectCode(preview(this.centerAdmin, draft), "ACTIVITY_INVALID_STATE");
	}

	@Test
	void onlyCenterAdminsMayPublishTheMenu() {
		int before = WechatStub.shared().menus().size();
		Session stationAdmin = this.s.api.login(Fixtures.unique("mp-station-admin"));
		this.s.fixtures.grant(stationAdmin.userId(), "STATION_ADMIN", this.s.station);
		Session resident = this.s.api.login(Fixtures.unique("mp-resident"));
		// The institute admin of the scenario is an admin too, but not of the county.
		for (Session session : List.of(stationAdmin, this.s.admin, resident)) {
			ApiErrors.expectCode(publish(session, null), "FORBIDDEN");
		}
		ApiErrors.expectCode(this.s.api.anonymous().documentName("publishMpMenu").execute(), "UNAUTHENTICATED");
		assertThat(WechatStub.shared().menus()).hasSize(before);
	}

	@Test
	void theFeaturedActivityMustBePublished() {
		int before = WechatStub.shared().menus().size();
		String draft = this.s.draft("草稿", Instant.now().plus(3, ChronoUnit.DAYS), null, 0);
		ApiErrors.expectCode(publish(this.centerAdmin, draft), "ACTIVITY_INVALID_STATE");
		ApiErrors.expectCode(publish(this.centerAdmin, "987654321987"), "NOT_FOUND");
		assertThat(WechatStub.shared().menus()).hasSize(before);
	}

	@Test
	void theFeaturedActivityMustBeOneOfTheCallersOwn() {
		// Another county's admin must not put a sign-up page of this county's on the menu.
		String elsewhere = new MpScenario(this.s.api, this.s.fixtures).published("别县的活动",
				Instant.now().plus(3, ChronoUnit.DAYS), 0);
		int before = WechatStub.shared().menus().size();
		ApiErrors.expectCode(preview(this.centerAdmin, elsewhere), "FORBIDDEN");
		ApiErrors.expectCode(publish(this.centerAdmin, elsewhere), "FORBIDDEN");
		assertThat(WechatStub.shared().menus()).hasSize(before);
	}

	private GraphQlTester.Response publish(Session as, String featuredActivityId) {
		return this.s.api.as(as).documentName("publishMpMenu").variable("featuredActivityId", featuredActivityId)
			.execute();
	}

	private GraphQlTester.Response preview(Session as, String featuredActivityId) {
		return this.s.api.as(as).documentName("mpMenuPreview").variable("featuredActivityId", featuredActivityId)
			.execute();
	}

	private static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}

}
