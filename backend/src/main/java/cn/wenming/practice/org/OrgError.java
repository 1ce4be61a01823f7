package cn.wenming.practice.org;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of the org tree (中心 → 所 → 站 → 点) and 文明单位 / 文明校园 pairings. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum OrgError implements ErrorCode {

	ORG_UNIT_INVALID_PARENT("上级单位层级不正确"),
	ORG_UNIT_HAS_OPEN_WORK("该单位仍有未完结的工作，不能关闭"),
	ORG_UNIT_CLOSED("该单位已关闭"),
	CIVILIZED_UNIT_ALREADY_PAIRED("该文明单位已与此单位结对"),
	CIVILIZED_UNIT_NOT_PAIRED("该文明单位未与活动所在的单位结对"),
	CIVILIZED_UNIT_PAIRING_LEVEL("文明单位只能与中心、所或站结对"),
	CIVILIZED_UNIT_OUTSIDE_AREA("文明单位只能与其登记单位及其辖区内的单位结对");

	private final String defaultMessage;

	OrgError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
