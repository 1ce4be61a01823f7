package cn.wenming.practice.project;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of service projects (服务项目). Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum ProjectError implements ErrorCode {

	PROJECT_ARCHIVED("该项目已归档"),
	PROJECT_NOT_APPLICABLE("服务项目不存在、已归档，或不属于该站点及其上级单位"),
	PROJECT_TASK_OWNER_REQUIRED("任务须指定一个负责队伍或一名负责志愿者（二选一）"),
	PROJECT_TASK_OWNER_NOT_IN_UNIT("负责队伍或志愿者不属于该项目所在单位及其下级单位"),
	PROJECT_TASK_DUE_DATE_PAST("任务日期不能早于今天"),
	PROJECT_TASK_NOT_OPEN("任务已完成或已取消，不能再修改"),
	PROJECT_TASK_CANCELLED("任务已取消，不能标记完成"),
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
