package cn.wenming.practice.team;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of teams (队伍), their members and join requests. Stable: clients switch on these names, so a code is never renamed once
 * released; the message is for people and may change.
 */
public enum TeamError implements ErrorCode {

	TEAM_ALREADY_MEMBER("已是队伍成员"),
	TEAM_JOIN_REQUEST_PENDING("已有待审核的入队申请"),
	TEAM_JOIN_REQUEST_CLOSED("入队申请已处理"),
	TEAM_LEADER_CANNOT_LEAVE("队长不能退出队伍，请先移交队长"),
	TEAM_DISBANDED("队伍已解散"),
	TEAM_NAME_TAKEN("本单位已有同名队伍"),
	TEAM_NOT_MEMBER("不是该队伍成员");

	private final String defaultMessage;

	TeamError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
