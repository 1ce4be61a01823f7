package cn.wenming.practice.mp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import cn.wenming.practice.activity.UpcomingActivities;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

import org.springframework.stereotype.Component;

/**
 * What the account answers to a follower's message or event (plain handling; WeChat waits at most
 * 5 s, and every branch is one or two indexed reads):
 * <ul>
 * <li>{@code subscribe}: a welcome text with a link into the mini-program;</li>
 * <li>the {@value #UPCOMING_ACTIVITIES} menu click, or a location the follower sends: the next
 * {@value #UPCOMING_LIMIT} open activities near the follower (see {@link #upcoming});</li>
 * <li>a {@code LOCATION} event (sent when the follower opens the chat, if the account asks for it):
 * remembered silently;</li>
 * <li>{@code unsubscribe} and other events: nothing (WeChat shows nothing for them anyway);</li>
 * <li>any other message: a default text.</li>
 * </ul>
 * {@code null} means "reply {@code success}", i.e. nothing.
 */
@Component
class MpMessages {

	static final String UPCOMING_ACTIVITIES = "UPCOMING_ACTIVITIES";

	static final int UPCOMING_LIMIT = 5;

	/** WeChat's limit for a text reply is 2048 bytes; titles and addresses are cut to stay under it. */
	private static final int TITLE_CHARS = 24;

	private static final int ADDRESS_CHARS = 14;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final MpFollowerMapper followers;

	private final UpcomingActivities activities;

	private final OrgDirectory orgs;

	private final MpLinks links;

	private final MpProperties properties;

	private final Clock clock;

	MpMessages(MpFollowerMapper followers, UpcomingActivities activities, OrgDirectory orgs, MpLinks links,
			MpProperties properties, Clock clock) {
		this.followers = followers;
		this.activities = activities;
		this.orgs = orgs;
		this.links = links;
		this.properties = properties;
		this.clock = clock;
	}

	WxMpXmlOutMessage handle(WxMpXmlMessage in) {
		String openid = in.getFromUser();
		String type = in.getMsgType();
		if (WxConsts.XmlMsgType.EVENT.equalsIgnoreCase(type)) {
			String event = (in.getEvent() != null) ? in.getEvent() : "";
			if (event.equalsIgnoreCase(WxConsts.EventType.SUBSCRIBE)) {
				this.followers.subscribed(openid, this.clock.instant());
				return text(in, welcome());
			}
			if (event.equalsIgnoreCase(WxConsts.EventType.UNSUBSCRIBE)) {
				this.followers.unsubscribed(openid, this.clock.instant());
				return null;
			}
			if (event.equalsIgnoreCase(WxConsts.EventType.LOCATION)) {
				remember(openid, in.getLatitude(), in.getLongitude(), in.getCreateTime());
				return null;
			}
			if (event.equalsIgnoreCase(WxConsts.EventType.CLICK)) {
				return text(in, UPCOMING_ACTIVITIES.equals(in.getEventKey()) ? upcoming(openid) : defaultText());
			}
			return null;
		}
		if (WxConsts.XmlMsgType.LOCATION.equalsIgnoreCase(type)) {
			// A location sent in the chat: Location_X is the latitude, Location_Y the longitude.
			remember(openid, in.getLocationX(), in.getLocationY(), in.getCreateTime());
			return text(in, upcoming(openid));
		}
		return text(in, defaultText());
	}

	String welcome() {
		return "感谢关注新时代文明实践中心！在这里可以报名志愿服务活动、查看心愿墙、用积分兑换礼品。\n"
				+ this.links.anchor(this.links.activityList(MpLinks.SOURCE_WELCOME), "进入小程序报名活动") + "\n"
				+ "点击菜单「近期活动」或发送您的位置，查看您附近可报名的活动。";
	}

	String defaultText() {
		return "您好！点击菜单「近期活动」或发送您的位置，查看附近可报名的志愿服务活动；也可"
				+ this.links.anchor(this.links.activityList(MpLinks.SOURCE_REPLY), "打开小程序") + "浏览全部活动。";
	}

	/**
	 * The follower's station is the open station nearest to the last location they shared (within
	 * {@code stationRadiusMeters}); the list is the next open activities within
	 * {@code nearbyRadiusMeters} of that location, soonest first. Without a location, or with nothing
	 * near, the next open activities of the whole county.
	 */
	String upcoming(String openid) {
		Instant now = this.clock.instant();
		MpFollowerMapper.Location location = this.followers.location(openid);
		String header;
		List<UpcomingActivities.Upcoming> list = List.of();
		if (location != null) {
			double latitude = location.latitude().doubleValue();
			double longitude = location.longitude().doubleValue();
			Optional<OrgUnitRef> station = this.orgs.nearestOpenStation(latitude, longitude,
					this.properties.stationRadiusMeters());
			list = this.activities.near(latitude, longitude, this.properties.nearbyRadiusMeters(), now, UPCOMING_LIMIT);
			header = station.map(s -> "您的实践站：" + plain(s.name(), TITLE_CHARS) + "。").orElse("");
			header += list.isEmpty() ? "附近暂无可报名的活动，以下是全县近期活动：" : "您附近近期可报名的活动：";
		}
		else {
			header = "全县近期可报名的活动（发送您的位置可查看附近活动）：";
		}
		if (list.isEmpty()) {
			list = this.activities.next(now, UPCOMING_LIMIT);
		}
		if (list.isEmpty()) {
			return "近期暂无可报名的活动，敬请关注。";
		}
		StringBuilder text = new StringBuilder(header);
		int n = 0;
		for (UpcomingActivities.Upcoming activity : list) {
			text.append('\n')
				.append(++n)
				.append(". ")
				.append(this.links.anchor(this.links.activity(activity.id(), MpLinks.SOURCE_UPCOMING),
						plain(activity.title(), TITLE_CHARS)))
				.append(' ')
				.append(WHEN.format(activity.startsAt().atZone(this.properties.zone())))
				.append(' ')
				.append(plain(activity.address(), ADDRESS_CHARS));
		}
		text.append('\n').append(this.links.anchor(this.links.activityList(MpLinks.SOURCE_UPCOMING), "查看更多活动"));
		return text.toString();
	}

	private void remember(String openid, Double latitude, Double longitude, Long createTime) {
		if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
			return;
		}
		Instant now = this.clock.instant();
		Instant at = (createTime != null && createTime > 0) ? Instant.ofEpochSecond(createTime) : now;
		this.followers.recordLocation(openid, scale(latitude), scale(longitude), at, now);
	}

	private static BigDecimal scale(double degrees) {
		return BigDecimal.valueOf(degrees).setScale(6, RoundingMode.HALF_UP);
	}

	/** Text safe inside a reply's link: no markup, no CDATA terminator, at most {@code max} characters. */
	static String plain(String text, int max) {
		if (text == null) {
			return "";
		}
		String clean = text.replaceAll("[<>\\]\\r\\n\"]", " ").strip();
		return (clean.codePointCount(0, clean.length()) <= max) ? clean
				: clean.substring(0, clean.offsetByCodePoints(0, max - 1)) + "…";
	}

	private static WxMpXmlOutMessage text(WxMpXmlMessage in, String content) {
		return WxMpXmlOutMessage.TEXT().content(content).fromUser(in.getToUser()).toUser(in.getFromUser()).build();
	}

}
