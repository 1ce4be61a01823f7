package cn.wenming.practice.shared;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * WeChat content security for user text (msgSecCheck v2). Never throws: a WeChat failure (down,
 * 5xx, timeout, over quota) is {@link Verdict#UNCHECKED}, which callers treat like
 * {@link Verdict#REVIEW} (held, never shown unchecked) while the user's action still succeeds.
 * Makes an HTTP call of up to a few seconds: call it outside database transactions.
 */
@Component
public class ContentSecurity {

	private static final Logger log = LoggerFactory.getLogger(ContentSecurity.class);

	/** What WeChat said about a text. */
	public enum Verdict {

		/** WeChat found nothing. */
		PASS,
		/** WeChat asks for human review. */
		REVIEW,
		/** WeChat says the text is not allowed. */
		RISKY,
		/** WeChat could not be asked; the text is unchecked. */
		UNCHECKED;

		/** Whether the text must be held for a human before others see it. */
		public boolean held() {
			return this == REVIEW || this == UNCHECKED;
		}

	}

	/** The msgSecCheck v2 scene: WeChat tunes its model per scene. */
	public enum Scene {

		PROFILE(1), COMMENT(2), FORUM(3), SOCIAL_LOG(4);

		final int code;

		Scene(int code) {
			this.code = code;
		}

	}

	private final WxMaService wechat;

	ContentSecurity(WxMaService wechat) {
		this.wechat = wechat;
	}

	/**
	 * For a text that has no hold (catalogue texts, names, reasons): stored only once WeChat passed
	 * it. Risky → {@code CONTENT_REJECTED}; review → {@code CONTENT_NEEDS_REVIEW} (reword it);
	 * WeChat unreachable → {@code UPSTREAM_UNAVAILABLE} (retry later). Call it before the
	 * transaction, like {@link #check}.
	 */
	public void requirePass(String openid, Scene scene, String title, String content) {
		switch (check(openid, scene, title, content)) {
			case PASS -> {
			}
			case RISKY -> throw new DomainException(CommonError.CONTENT_REJECTED);
			case REVIEW -> throw new DomainException(CommonError.CONTENT_NEEDS_REVIEW);
			case UNCHECKED -> throw new DomainException(CommonError.UPSTREAM_UNAVAILABLE);
		}
	}

	/** Null when the text did not change (an update checks only what is new), else the text. */
	public static String changed(String before, String after) {
		String b = (before == null || before.isBlank()) ? null : before.strip();
		String a = (after == null || after.isBlank()) ? null : after.strip();
		return java.util.Objects.equals(a, b) ? null : a;
	}

	/**
	 * Checks {@code content} (and {@code title}, may be null) written by the user with
	 * {@code openid}. Blank text passes without a call.
	 */
	public Verdict check(String openid, Scene scene, String title, String content) {
		boolean noTitle = title == null || title.isBlank();
		boolean noContent = content == null || content.isBlank();
		if (noTitle && noContent) {
			return Verdict.PASS;
		}
		if (openid == null) {
			return Verdict.UNCHECKED;
		}
		WxMaMsgSecCheckCheckRequest request = WxMaMsgSecCheckCheckRequest.builder()
			.version("2")
			.openid(openid)
			.scene(scene.code)
			.title(noTitle ? null : title)
			.content(noContent ? title : content)
			.build();
		try {
			WxMaMsgSecCheckCheckResponse response = this.wechat.getSecurityService().checkMessage(request);
			String suggest = (response == null || response.getResult() == null) ? null
					: response.getResult().getSuggest();
			if (suggest == null) {
				return Verdict.UNCHECKED;
			}
			return switch (suggest) {
				case "pass" -> Verdict.PASS;
				case "risky" -> Verdict.RISKY;
				case "review" -> Verdict.REVIEW;
				default -> Verdict.UNCHECKED;
			};
		}
		catch (WxErrorException ex) {
			// 45009 (daily quota), -1 (busy) and the like: hold the text rather than fail the user.
			int code = (ex.getError() != null) ? ex.getError().getErrorCode() : Integer.MIN_VALUE;
			log.warn("WeChat msgSecCheck failed with errcode {}", code);
			OpsMetrics.wechatError("msgSecCheck", code);
			return Verdict.UNCHECKED;
		}
		catch (RuntimeException ex) {
			// Unreachable, timeout, 5xx, unparsable answer. Only the type: messages may carry the token URL.
			log.warn("WeChat msgSecCheck failed: {}", ex.getClass().getSimpleName());
			return Verdict.UNCHECKED;
		}
	}

}
