package cn.wenming.practice.media;

/** Where a photo is in WeChat's asynchronous check. */
public enum PhotoStatus {

	/** Stored; WeChat has not (yet) reported. Only the uploader sees it. */
	PENDING,
	/** WeChat found nothing: shown to whoever may see what it is attached to. */
	PASSED,
	/** WeChat said risky or asked for review: never shown to anyone but (as a status) the uploader. */
	REJECTED

}
