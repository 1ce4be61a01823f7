package cn.wenming.practice.need;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.need.NeedTransitions.Move;
import cn.wenming.practice.shared.ContentSecurity;
import cn.wenming.practice.shared.ContentSecurity.Scene;
import cn.wenming.practice.shared.ContentSecurity.Verdict;
import cn.wenming.practice.shared.DomainException;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.baomidou.mybatisplus.core.toolkit.support.SFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-sends texts held {@code UNCHECKED} (WeChat was unreachable or over quota when they were
 * written) to msgSecCheck, from the deadline job. The verdict then applies as it would have at
 * the time: pass clears the hold (a need's title and description then wait for the station's
 * review like any submission; a note or comment is shown), risky rejects the need or removes the
 * note or comment, review turns the hold into {@code REVIEW} for the station. A text WeChat still
 * cannot check is retried on later ticks, at most {@code app.need.recheck-max-attempts} times,
 * and then left to the station's human review. WeChat is called outside any transaction; every
 * write is guarded by the hold still being {@code UNCHECKED}, so an admin's review in between wins.
 */
@Component
class NeedTextRecheck {

	private static final Logger log = LoggerFactory.getLogger(NeedTextRecheck.class);

	static final int PAGE = 100;

	private final NeedRecheckMapper recheck;

	private final NeedMapper needs;

	private final NeedTransitions transitions;

	private final ContentSecurity content;

	private final AccessControl access;

	private final NeedProperties properties;

	private final TransactionTemplate tx;

	private final Clock clock;

	NeedTextRecheck(NeedRecheckMapper recheck, NeedMapper needs, NeedTransitions transitions,
			ContentSecurity content, AccessControl access, NeedProperties properties, TransactionTemplate tx,
			Clock clock) {
		this.recheck = recheck;
		this.needs = needs;
		this.transitions = transitions;
		this.content = content;
		this.access = access;
		this.properties = properties;
		this.tx = tx;
		this.clock = clock;
	}

	/** Re-checks every held-unchecked text once; returns how many texts got a verdict. */
	int run() {
		int decided = 0;
		long afterId = 0;
		while (true) {
			List<Need> rows = this.recheck.heldUnchecked(this.properties.recheckMaxAttempts(), afterId, PAGE);
			for (Need need : rows) {
				try {
					decided += recheck(need);
				}
				catch (RuntimeException ex) {
					log.warn("Text re-check failed for need {}: {}", need.getId(), ex.getClass().getSimpleName());
				}
				afterId = need.getId();
			}
			if (rows.size() < PAGE) {
				if (decided > 0) {
					log.info("Held texts re-checked: {} decided", decided);
				}
				return decided;
			}
		}
	}

	private int recheck(Need need) {
		int decided = 0;
		boolean stillUnchecked = false;
		if (need.getContentHold() == ContentHold.UNCHECKED && need.getStatus() == NeedStatus.SUBMITTED) {
			Verdict verdict = check(need.getCreatedBy(), Scene.FORUM, need.getTitle(), need.getDescription());
			stillUnchecked |= verdict == Verdict.UNCHECKED;
			decided += applyToContent(need, verdict) ? 1 : 0;
		}
		if (need.getCompletionNoteHold() == ContentHold.UNCHECKED) {
			Verdict verdict = check(this.recheck.completedBy(need.getId()), Scene.COMMENT, null,
					need.getCompletionNote());
			stillUnchecked |= verdict == Verdict.UNCHECKED;
			decided += applyToText(need, Need::getCompletionNote, Need::getCompletionNoteHold, verdict) ? 1 : 0;
		}
		if (need.getRatingCommentHold() == ContentHold.UNCHECKED) {
			// An assisted order has no resident: its comment is the note of the admin's 回访.
			Long author = (need.getResidentUserId() != null) ? need.getResidentUserId()
					: this.recheck.ratedBy(need.getId());
			Verdict verdict = check(author, Scene.COMMENT, null, need.getRatingComment());
			stillUnchecked |= verdict == Verdict.UNCHECKED;
			decided += applyToText(need, Need::getRatingComment, Need::getRatingCommentHold, verdict) ? 1 : 0;
		}
		if (stillUnchecked) {
			this.recheck.countAttempt(need.getId());
		}
		return decided;
	}

	private Verdict check(Long authorUserId, Scene scene, String title, String text) {
		String openid = (authorUserId == null) ? null : this.access.openidOf(authorUserId);
		return this.content.check(openid, scene, title, text);
	}

	private boolean applyToContent(Need need, Verdict verdict) {
		Instant now = this.clock.instant();
		return switch (verdict) {
			case PASS -> resolveHold(need, Need::getContentHold, null, now);
			case REVIEW -> resolveHold(need, Need::getContentHold, ContentHold.REVIEW, now);
			case RISKY -> reject(need, now);
			case UNCHECKED -> false;
		};
	}

	/** Risky title or description: rejected as the station would, by the system (no actor). */
	private boolean reject(Need need, Instant now) {
		try {
			this.tx.executeWithoutResult(status -> this.transitions.apply(need, Move.REJECT, null,
					"内容未通过微信内容安全检测", now, update -> update.eq(Need::getContentHold, ContentHold.UNCHECKED)
						.set(Need::getContentHold, null)));
			return true;
		}
		catch (DomainException ex) {
			// Reviewed or moved on since we read it: the station's decision stands.
			return false;
		}
	}

	private boolean applyToText(Need need, SFunction<Need, String> text, SFunction<Need, ContentHold> hold,
			Verdict verdict) {
		Instant now = this.clock.instant();
		return switch (verdict) {
			case PASS -> resolveHold(need, hold, null, now);
			case REVIEW -> resolveHold(need, hold, ContentHold.REVIEW, now);
			case RISKY -> removeText(need, text, hold, now);
			case UNCHECKED -> false;
		};
	}

	/** Sets the hold ({@code to} null: cleared) if it is still UNCHECKED. */
	private boolean resolveHold(Need need, SFunction<Need, ContentHold> hold, ContentHold to, Instant now) {
		return this.needs.update(null, Wrappers.lambdaUpdate(Need.class)
			.eq(Need::getId, need.getId())
			.eq(hold, ContentHold.UNCHECKED)
			.set(hold, to)
			.set(Need::getUpdatedAt, now)) == 1;
	}

	/** Removes a risky note or comment with its hold, if the hold is still UNCHECKED. */
	private boolean removeText(Need need, SFunction<Need, String> text, SFunction<Need, ContentHold> hold,
			Instant now) {
		return this.needs.update(null, Wrappers.lambdaUpdate(Need.class)
			.eq(Need::getId, need.getId())
			.eq(hold, ContentHold.UNCHECKED)
			.set(text, null)
			.set(hold, null)
			.set(Need::getUpdatedAt, now)) == 1;
	}

}
