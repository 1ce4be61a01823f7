package cn.wenming.practice.leaderboard;

import cn.wenming.practice.shared.ErrorCode;

/**
 * Error codes of the leaderboards (排行榜). Stable: clients switch on these names, so a code is never
 * renamed once released; the message is for people and may change.
 */
public enum LeaderboardError implements ErrorCode {

	/**
	 * The board is not in Redis and the database did not answer within the statement timeout (a
	 * county's board being built while the database is overloaded): try again shortly.
	 */
	LEADERBOARD_BUSY("排行榜正在更新，请稍后再试");

	private final String defaultMessage;

	LeaderboardError(String defaultMessage) {
		this.defaultMessage = defaultMessage;
	}

	@Override
	public String defaultMessage() {
		return this.defaultMessage;
	}

}
