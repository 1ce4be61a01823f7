package cn.wenming.practice.need;

/** A user text of a need that an admin may have to review after it was held (see {@link ContentHold}). */
enum NeedTextPart {

	COMPLETION_NOTE, RATING_COMMENT

}
