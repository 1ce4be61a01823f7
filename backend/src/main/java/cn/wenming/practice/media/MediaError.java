package cn.wenming.practice.media;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of photo uploads. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum MediaError implements ErrorCode {

	PHOTO_TOO_LARGE("照片过大，请压缩后重新上传"),
	PHOTO_TYPE_INVALID("只能上传 JPEG 或 PNG 照片"),
	PHOTO_NOT_ATTACHABLE("照片不存在、不是本人上传或已被使用"),
	PHOTO_NOT_HELD("该照片已审核或已通过检测，无需再审");

	private final String defaultMessage;

	MediaError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
