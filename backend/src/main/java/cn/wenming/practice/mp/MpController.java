package cn.wenming.practice.mp;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import cn.wenming.practice.activity.SignUpSources;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code publishMpMenu}, {@code mpMenuPreview} and {@code signUpSources}; the message endpoint is {@link MpPortalController}. */
@Controller
class MpController {

	private final MpMenu menu;

	private final MpAttribution attribution;

	MpController(MpMenu menu, MpAttribution attribution) {
		this.menu = menu;
		this.attribution = attribution;
	}

	/** GraphQL {@code MpMenu}: what was sent to WeChat. */
	record MpMenuView(List<MpMenuButtonView> buttons) {

		static MpMenuView of(WxMenu menu) {
			return new MpMenuView(menu.getButtons().stream().map(MpMenuButtonView::of).toList());
		}

	}

	/** GraphQL {@code MpMenuButton}. */
	record MpMenuButtonView(String name, String type, String key, String appId, String pagePath, String url,
			List<MpMenuButtonView> subButtons) {

		static MpMenuButtonView of(WxMenuButton button) {
			List<WxMenuButton> below = (button.getSubButtons() != null) ? button.getSubButtons() : List.of();
			return new MpMenuButtonView(button.getName(), button.getType(), button.getKey(), button.getAppId(),
					button.getPagePath(), button.getUrl(), below.stream().map(MpMenuButtonView::of).toList());
		}

	}

	@MutationMapping
	MpMenuView publishMpMenu(@Argument Long featuredActivityId) {
		return MpMenuView.of(this.menu.publish(featuredActivityId));
	}

	@QueryMapping
	MpMenuView mpMenuPreview(@Argument Long featuredActivityId) {
		return MpMenuView.of(this.menu.preview(featuredActivityId));
	}

	@QueryMapping
	List<SignUpSources.SourceCount> signUpSources(@Argument long orgUnitId, @Argument @NotNull Instant from,
			@Argument @NotNull Instant to) {
		return this.attribution.signUpSources(orgUnitId, from, to);
	}

}
