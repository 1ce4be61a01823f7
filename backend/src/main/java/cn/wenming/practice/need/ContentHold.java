package cn.wenming.practice.need;

import cn.wenming.practice.shared.ContentSecurity;

/** Why a user text is held until an admin reviews it; null on the need when it is not held. */
enum ContentHold {

	/** WeChat msgSecCheck asked for human review. */
	REVIEW,
	/** WeChat could not be asked (down, timeout, over quota): never shown unchecked. */
	UNCHECKED;

	/** The hold for a verdict, or null for a pass; risky text is refused before this. */
	static ContentHold of(ContentSecurity.Verdict verdict) {
		return switch (verdict) {
			case PASS -> null;
			case REVIEW -> REVIEW;
			case UNCHECKED -> UNCHECKED;
			case RISKY -> throw new IllegalArgumentException("risky text is refused, not held");
		};
	}

}
