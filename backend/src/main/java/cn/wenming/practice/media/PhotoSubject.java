package cn.wenming.practice.media;

/** What a photo is attached to. */
public enum PhotoSubject {

	/** The resident's photos of a need (点单). */
	NEED,
	/** The assignee's photos of the finished service (完成). */
	NEED_COMPLETION,
	/** The volunteer's photos of a 随手拍 report. */
	CIVIC_REPORT,
	/** Staff's photos of a 随手拍 report's resolution. */
	CIVIC_RESOLUTION

}
