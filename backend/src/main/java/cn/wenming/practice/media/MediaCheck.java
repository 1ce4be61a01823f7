package cn.wenming.practice.media;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaMediaAsyncCheckResult;
import cn.binarywang.wx.miniapp.bean.security.WxMaMediaSecCheckCheckRequest;
import me.chanjar.weixin.common.error.WxErrorException;
import cn.wenming.practice.shared.OpsMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * WeChat mediaCheckAsync v2 for one image. Never throws: a failure (unreachable, 5xx, quota) is a
 * null trace id, and the photo stays pending for the retry job. An HTTP call: never inside a
 * database transaction.
 */
@Component
class MediaCheck {

	private static final Logger log = LoggerFactory.getLogger(MediaCheck.class);

	/** media_type 2: an image. */
	private static final int IMAGE = 2;

	/** Scene 2 (评论): photos accompany a need or a completion report, like a comment's attachment. */
	private static final int SCENE = 2;

	private final WxMaService wechat;

	MediaCheck(WxMaService wechat) {
		this.wechat = wechat;
	}

	/** Asks WeChat to check the image at {@code mediaUrl} uploaded by {@code openid}; WeChat's trace id, or null. */
	String request(String openid, String mediaUrl) {
		if (openid == null || mediaUrl == null) {
			return null;
		}
		WxMaMediaSecCheckCheckRequest request = WxMaMediaSecCheckCheckRequest.builder()
			.mediaUrl(mediaUrl)
			.mediaType(IMAGE)
			.version(2)
			.openid(openid)
			.scene(SCENE)
			.build();
		try {
			WxMaMediaAsyncCheckResult result = this.wechat.getSecurityService().mediaCheckAsync(request);
			String traceId = (result == null) ? null : result.getTraceId();
			return (traceId == null || traceId.isBlank()) ? null : traceId;
		}
		catch (WxErrorException ex) {
			int code = (ex.getError() != null) ? ex.getError().getErrorCode() : Integer.MIN_VALUE;
			log.warn("WeChat mediaCheckAsync failed with errcode {}", code);
			OpsMetrics.wechatError("mediaCheckAsync", code);
			return null;
		}
		catch (RuntimeException ex) {
			// Only the type: WxJava's messages may carry the URL with the access token.
			log.warn("WeChat mediaCheckAsync failed: {}", ex.getClass().getSimpleName());
			return null;
		}
	}

}
