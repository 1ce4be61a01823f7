package cn.wenming.practice.shared;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * WeChat credentials. They are required: without them start-up fails, so no profile can quietly
 * run against a stub in production. {@code apiHostUrl} is only for pointing WxJava at a test
 * double or a regional gateway; blank means WeChat's own host.
 */
@Validated
@ConfigurationProperties("app.wechat")
public record WechatProperties(@Valid @NotNull Miniapp miniapp) {

	/** The mini-program (小程序) credentials. */
	public record Miniapp(@NotBlank(message = "WX_MINIAPP_APPID is required") String appId,
			@NotBlank(message = "WX_MINIAPP_SECRET is required") String secret, String apiHostUrl) {

		@Override
		public String toString() {
			return "Miniapp[appId=" + this.appId + ", secret=***, apiHostUrl=" + this.apiHostUrl + "]";
		}

	}

}
