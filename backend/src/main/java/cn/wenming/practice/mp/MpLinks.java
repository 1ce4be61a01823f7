package cn.wenming.practice.mp;

import cn.wenming.practice.shared.WechatProperties;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Where the account sends people: mini-program pages, with a {@code source} parameter so that a
 * sign-up made from there is attributed to the account (see {@code signUpSources}).
 */
@Component
class MpLinks {

	/** {@code source} of links in the welcome message. */
	static final String SOURCE_WELCOME = "mp_welcome";

	/** {@code source} of links in replies listing activities. */
	static final String SOURCE_UPCOMING = "mp_upcoming";

	/** {@code source} of links in the default reply. */
	static final String SOURCE_REPLY = "mp_reply";

	/** {@code source} of the menu's buttons. */
	static final String SOURCE_MENU = "menu";

	private final MpProperties properties;

	private final WechatProperties wechat;

	MpLinks(MpProperties properties, WechatProperties wechat) {
		this.properties = properties;
		this.wechat = wechat;
	}

	/** The mini-program the account opens. */
	String miniappAppId() {
		return StringUtils.hasText(this.properties.miniappAppId()) ? this.properties.miniappAppId().strip()
				: this.wechat.miniapp().appId();
	}

	MpProperties.Menu menu() {
		return this.properties.menu();
	}

	String activityList(String source) {
		return this.properties.menu().activityListPage() + "?source=" + source;
	}

	String activity(long activityId, String source) {
		return this.properties.menu().activityPage() + "?id=" + activityId + "&source=" + source;
	}

	String wishWall(String source) {
		return this.properties.menu().wishWallPage() + "?source=" + source;
	}

	String myPoints(String source) {
		return this.properties.menu().myPointsPage() + "?source=" + source;
	}

	/**
	 * A link in a text reply that opens a mini-program page; clients that cannot open
	 * mini-programs follow {@code href}. The text must already be free of markup.
	 */
	String anchor(String page, String text) {
		return "<a href=\"" + this.properties.menu().fallbackUrl() + "\" data-miniprogram-appid=\"" + miniappAppId()
				+ "\" data-miniprogram-path=\"" + page + "\">" + text + "</a>";
	}

}
