package cn.wenming.practice.need;

import cn.wenming.practice.shared.CommonError;
import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.ContentSecurity.Scene;
import cn.wenming.practice.shared.ContentSecurity.Verdict;
import cn.wenming.practice.shared.DomainException;

import org.springframework.stereotype.Component;

/**
 * WeChat's verdict on text a user writes on a need (the order, a completion note, a rating comment).
 * Called before anything is stored and outside any transaction: a WeChat call may take seconds.
 */
@Component
class NeedContentCheck {

	private final ContentSecurity content;

	private final AccessControl access;

	NeedContentCheck(ContentSecurity content, AccessControl access) {
		this.content = content;
		this.access = access;
	}

	/**
	 * For a reason (decline, cancel, reject): it has no hold, so it is stored only after a pass.
	 * Risky → {@code CONTENT_REJECTED}, review → {@code CONTENT_NEEDS_REVIEW}, WeChat unreachable →
	 * {@code UPSTREAM_UNAVAILABLE}; the need does not move.
	 */
	void requirePass(Actor actor, String reason) {
		this.content.requirePass(this.access.openidOf(actor.userId()), Scene.COMMENT, null, reason);
	}

	/** Risky is refused ({@code CONTENT_REJECTED}, nothing stored), review or unavailable is a hold, pass is null. */
	ContentHold check(Actor actor, Scene scene, String title, String text) {
		Verdict verdict = this.content.check(this.access.openidOf(actor.userId()), scene, title, text);
		if (verdict == Verdict.RISKY) {
			throw new DomainException(CommonError.CONTENT_REJECTED);
		}
		return ContentHold.of(verdict);
	}

}
