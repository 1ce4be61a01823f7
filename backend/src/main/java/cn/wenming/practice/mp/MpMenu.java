package cn.wenming.practice.mp;

import java.util.ArrayList;
import java.util.List;

import cn.wenming.practice.activity.ActivityError;
import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.activity.UpcomingActivities;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.WechatErrors;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.mp.api.WxMpService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The account's custom menu (自定义菜单), built from configuration and sent with WxJava's menu
 * service. Three top-level buttons (WeChat allows three, with up to five below each):
 * <ul>
 * <li>参与活动: the activity list, optionally one featured activity's sign-up page, and the
 * {@value MpMessages#UPCOMING_ACTIVITIES} click that answers with the activities near the follower;</li>
 * <li>心愿墙 and 我的积分.</li>
 * </ul>
 * Every mini-program button carries {@code source=menu} and the configured web page as the
 * {@code url} old clients open instead.
 */
@Component
class MpMenu {

	private static final Logger log = LoggerFactory.getLogger(MpMenu.class);

	/** A sub-button's name may be 60 bytes: 16 Chinese characters leave room. */
	private static final int FEATURED_NAME_CHARS = 16;

	private final ObjectProvider<WxMpService> wechat;

	private final UpcomingActivities activities;

	private final AccessControl access;

	private final MpLinks links;

	private final OrgDirectory orgs;

	MpMenu(ObjectProvider<WxMpService> wechat, UpcomingActivities activities, AccessControl access, MpLinks links,
			OrgDirectory orgs) {
		this.wechat = wechat;
		this.activities = activities;
		this.access = access;
		this.links = links;
		this.orgs = orgs;
	}

	/**
	 * The admins of the whole deployment only: the account and its menu are every county's (under a
	 * city, the city's admins, not one county's).
	 */
	WxMenu publish(Long featuredActivityId) {
		Actor actor = this.access.requireActor();
		WxMpService service = requireConfigured(actor);
		WxMenu menu = build(featured(actor, featuredActivityId));
		WechatErrors.call("menuCreate", () -> {
			service.getMenuService().menuCreate(menu);
			return null;
		});
		log.info("Public-account menu published by user {}", actor.userId());
		return menu;
	}

	/**
	 * The menu {@link #publish} would send, built the same way and checked the same way, but not
	 * sent: the console shows it before the admin publishes.
	 */
	WxMenu preview(Long featuredActivityId) {
		Actor actor = this.access.requireActor();
		requireConfigured(actor);
		return build(featured(actor, featuredActivityId));
	}

	private WxMpService requireConfigured(Actor actor) {
		if (!actor.coversWholeDeployment()) {
			throw new DomainException(CommonError.FORBIDDEN);
		}
		WxMpService service = this.wechat.getIfAvailable();
		if (service == null) {
			throw new DomainException(MpError.MP_NOT_CONFIGURED);
		}
		return service;
	}

	/** A published activity of a unit the caller covers (not one of a tree they are no admin of). */
	private UpcomingActivities.Upcoming featured(Actor actor, Long featuredActivityId) {
		if (featuredActivityId == null) {
			return null;
		}
		UpcomingActivities.Upcoming featured = this.activities.published(featuredActivityId)
			.orElseThrow(() -> this.activities.exists(featuredActivityId)
					? new DomainException(ActivityError.ACTIVITY_INVALID_STATE) : DomainException.notFound("活动"));
		boolean covered = this.orgs.find(featured.orgUnitId())
			.map(unit -> actor.isCenterAdminOrAboveOver(unit.path()))
			.orElse(false);
		if (!covered) {
			throw new DomainException(CommonError.FORBIDDEN);
		}
		return featured;
	}

	WxMenu build(UpcomingActivities.Upcoming featured) {
		List<WxMenuButton> activityButtons = new ArrayList<>();
		activityButtons.add(miniprogram("活动列表", this.links.activityList(MpLinks.SOURCE_MENU)));
		if (featured != null) {
			activityButtons.add(miniprogram(MpMessages.plain(featured.title(), FEATURED_NAME_CHARS),
					this.links.activity(featured.id(), MpLinks.SOURCE_MENU)));
		}
		WxMenuButton upcoming = new WxMenuButton();
		upcoming.setType(WxConsts.MenuButtonType.CLICK);
		upcoming.setName("近期活动");
		upcoming.setKey(MpMessages.UPCOMING_ACTIVITIES);
		activityButtons.add(upcoming);

		WxMenuButton activities = new WxMenuButton();
		activities.setName("参与活动");
		activities.setSubButtons(activityButtons);

		WxMenu menu = new WxMenu();
		menu.setButtons(List.of(activities, miniprogram("心愿墙", this.links.wishWall(MpLinks.SOURCE_MENU)),
				miniprogram("我的积分", this.links.myPoints(MpLinks.SOURCE_MENU))));
		return menu;
	}

	private WxMenuButton miniprogram(String name, String page) {
		WxMenuButton button = new WxMenuButton();
		button.setType(WxConsts.MenuButtonType.MINIPROGRAM);
		button.setName(name);
		button.setAppId(this.links.miniappAppId());
		button.setPagePath(page);
		button.setUrl(this.links.menu().fallbackUrl());
		return button;
	}

}
