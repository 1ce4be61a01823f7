package cn.wenming.practice.mp;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * The WeChat official account (公众号), {@code app.wechat.mp.*}. Optional: without {@code appId}
 * ({@code WX_MP_APPID}) the account is switched off (no WxJava service, the portal answers 404,
 * {@code publishMpMenu} answers {@code MP_NOT_CONFIGURED}). With it, the secret and the message
 * token are required; the AES key (EncodingAESKey, 43 characters) only for safe mode.
 *
 * @param miniappAppId the mini-program the menu and the replies open; blank means the one in
 * {@code app.wechat.miniapp.app-id}
 * @param nearbyRadiusMeters how far from a follower's last location "near" reaches
 * @param stationRadiusMeters how far the follower's station (the nearest open one) may be
 * @param maxClockSkew how old (or how far ahead) a signed POST's timestamp may be
 */
@Validated
@ConfigurationProperties("app.wechat.mp")
record MpProperties(String appId, String secret, String token, String aesKey, String apiHostUrl, String miniappAppId,
		@Valid @DefaultValue Menu menu, @DefaultValue("10000") @Min(100) @Max(100_000) int nearbyRadiusMeters,
		@DefaultValue("30000") @Min(100) @Max(100_000) int stationRadiusMeters,
		@DefaultValue("5m") Duration maxClockSkew, @DefaultValue("Asia/Shanghai") ZoneId zone) {

	/** Whether the account is switched on. */
	boolean configured() {
		return StringUtils.hasText(this.appId);
	}

	@AssertTrue(message = "WX_MP_SECRET and WX_MP_TOKEN are required when WX_MP_APPID is set")
	boolean isComplete() {
		return !configured() || (StringUtils.hasText(this.secret) && StringUtils.hasText(this.token));
	}

	@AssertTrue(message = "WX_MP_AES_KEY must be the 43-character EncodingAESKey")
	boolean isAesKeyValid() {
		return !StringUtils.hasText(this.aesKey) || this.aesKey.strip().length() == 43;
	}

	boolean safeModeAvailable() {
		return StringUtils.hasText(this.aesKey);
	}

	/**
	 * Mini-program pages the menu and the replies open (paths without a leading slash) and the web
	 * page WeChat clients too old for mini-programs open instead.
	 */
	record Menu(@DefaultValue("pages/home/home") @NotBlank String activityListPage,
			@DefaultValue("pages/activity/activity") @NotBlank String activityPage,
			@DefaultValue("pages/wishwall/wishwall") @NotBlank String wishWallPage,
			@DefaultValue("pages/points/points") @NotBlank String myPointsPage,
			@DefaultValue("https://mp.weixin.qq.com/") @NotBlank @Pattern(regexp = "https?://.+") String fallbackUrl) {
	}

	@Override
	public String toString() {
		return "MpProperties[appId=" + this.appId + ", secret=***, token=***, aesKey=***, apiHostUrl="
				+ this.apiHostUrl + ", miniappAppId=" + this.miniappAppId + ", menu=" + this.menu + "]";
	}

}
