package cn.wenming.practice.project;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of service projects (服务项目). Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum ProjectError implements ErrorCode {

	PROJECT_ARCHIVED("该项目已归档"),
	PROJECT_NOT_APPLICABLE("服务项目不存在、已归档，或不属于该站点及其上级单位"),
	PROJECT_BRAND_CENTER_ONLY("品牌项目只能由中心管理员标记或取消"),
	PROJECT_BRAND_UNCHANGED("该项目已是所要设置的品牌项目状态");

	private final String defaultMessage;

	ProjectError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
