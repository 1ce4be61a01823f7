package cn.wenming.practice.media;

/** Why a photo is held for staff review. */
public enum PhotoHold {

	/** WeChat's check was sent and has not answered yet. */
	CHECKING,
	/** The check never reached WeChat, or WeChat could not check it; retries may still be left. */
	UNCHECKED,
	/** WeChat judged it risky or asked for human review. */
	RISKY

}
