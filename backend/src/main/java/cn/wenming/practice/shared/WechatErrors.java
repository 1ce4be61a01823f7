package cn.wenming.practice.shared;

import java.util.concurrent.Callable;

import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a WeChat call and turns its failures into domain errors. Only the numeric WeChat error
 * code is logged: WxJava's own messages can carry request URLs with tokens in them.
 */
public final class WechatErrors {

	private static final Logger log = LoggerFactory.getLogger(WechatErrors.class);

	private WechatErrors() {
	}

	public static <T> T call(String operation, Callable<T> call) {
		try {
			return call.call();
		}
		catch (WxErrorException ex) {
			int code = (ex.getError() != null) ? ex.getError().getErrorCode() : Integer.MIN_VALUE;
			throw translate(operation, code);
		}
		catch (DomainException ex) {
			throw ex;
		}
		catch (Exception ex) {
			log.warn("WeChat {} failed: {}", operation, ex.getClass().getSimpleName());
			throw new DomainException(CommonError.UPSTREAM_UNAVAILABLE);
		}
	}

	static DomainException translate(String operation, int wechatCode) {
		OpsMetrics.wechatError(operation, wechatCode);
		return switch (wechatCode) {
			// 40029 invalid code, 40163 code already used, 40125/41008 missing or malformed code
			case 40029, 40163, 41008 -> new DomainException(CommonError.WECHAT_CODE_INVALID);
			case 45011 -> new DomainException(CommonError.WECHAT_RATE_LIMITED);
			default -> {
				log.warn("WeChat {} failed with errcode {}", operation, wechatCode);
				yield new DomainException(CommonError.UPSTREAM_UNAVAILABLE);
			}
		};
	}

}
