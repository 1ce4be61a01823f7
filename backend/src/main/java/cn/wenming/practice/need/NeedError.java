package cn.wenming.practice.need;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of needs (点单 → 派单 → 接单 → 评单), categories and the 落实清单. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum NeedError implements ErrorCode {

	NEED_CATEGORY_UNKNOWN("需求类别不存在或已停用"),
	NEED_CATEGORY_NAME_TAKEN("已有同名需求类别"),
	NEED_INVALID_STATE("需求当前状态不允许此操作"),
	NEED_ALREADY_TAKEN("该需求已被认领或派单"),
	NEED_NO_STATION_NEARBY("附近没有开放的新时代文明实践站，请选择站点"),
	NEED_ASSIGNEE_NOT_ELIGIBLE("接单方须为已培训的志愿者或在册队伍"),
	NEED_ALREADY_RATED("该需求已评价"),
	NEED_REVISIT_NOT_ASSISTED("群众本人线上点单的需求由群众自己评价，不能回访代评"),
	NEED_REVISIT_CONFLICT("你参与了该需求的服务，回访须由其他管理员记录"),
	NEED_REVISIT_WINDOW_CLOSED("已超过回访期限"),
	NEED_CONFLICT_OF_INTEREST("不能承接、参与或评价与自己有利害关系的需求"),
	NEED_HOURS_EXCEED_ELAPSED("服务时长不能超过从开始服务到完成的时间"),
	NEED_PARTICIPANT_NOT_ELIGIBLE("参与者须为本站点（或其下级）已培训的志愿者"),
	NEED_TOO_MANY_PARTICIPANTS("参与者人数超过上限"),
	NEED_HOURS_ALREADY_CONFIRMED("该参与者的服务时长已确认"),
	NEED_HOURS_NOT_CONFIRMED("该参与者的服务时长尚未确认"),
	NEED_HOURS_ALREADY_REVOKED("该参与者的服务时长已撤销"),
	FULFILMENT_MONTH_NOT_ENDED("该月尚未结束，不能公示落实清单"),
	FULFILMENT_LIST_ALREADY_PUBLISHED("该单位该月的落实清单已公示，不能重复公示"),
	NEED_BENEFICIARIES_INVALID("受益群众人数超出范围");

	private final String defaultMessage;

	NeedError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
