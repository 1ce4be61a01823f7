package cn.wenming.practice.need;

import java.time.Clock;
import java.time.Instant;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.auth.Actor;
import cn.wenming.practice.need.NeedTransitions.Move;
import cn.wenming.practice.org.OrgDirectory;
import cn.wenming.practice.org.OrgUnitRef;
import cn.wenming.practice.shared.DomainException;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps every workflow act shares: load the need, check the actor's part in it (an admin
 * covering its station, or its assignee), make the move through {@link NeedTransitions} in a
 * transaction, and read it back as the actor may see it. The acts themselves are
 * {@link NeedReview}, {@link NeedAssignment}, {@link NeedCompletion} and {@link NeedClosing}.
 */
@Component
class NeedWorkflow {

	private final NeedMapper needs;

	private final NeedTransitions transitions;

	private final OrgDirectory orgs;

	private final AccessControl access;

	private final NeedVisibility visibility;

	private final TransactionTemplate tx;

	private final Clock clock;

	NeedWorkflow(NeedMapper needs, NeedTransitions transitions, OrgDirectory orgs, AccessControl access,
			NeedVisibility visibility, TransactionTemplate tx, Clock clock) {
		this.needs = needs;
		this.transitions = transitions;
		this.orgs = orgs;
		this.access = access;
		this.visibility = visibility;
		this.tx = tx;
		this.clock = clock;
	}

	/** Columns a move sets besides the status, and side effects that belong in its transaction. */
	@FunctionalInterface
	interface Changes {

		void apply(LambdaUpdateWrapper<Need> update, Instant now);

	}

	/** The need for a signed-in caller; NOT_FOUND for an unknown id. */
	Need load(long id) {
		this.access.requireUserId();
		Need need = this.needs.selectById(id);
		if (need == null) {
			throw DomainException.notFound("需求");
		}
		return need;
	}

	/** Throws unless the move may start from the need's status as read, before any slow check. */
	void check(Need need, Move move) {
		this.transitions.check(need, move);
	}

	void move(Need need, Move move, Actor actor, String note, Changes changes) {
		Instant now = this.clock.instant();
		this.tx.executeWithoutResult(status -> this.transitions.apply(need, move, actor.userId(), note, now,
				update -> changes.apply(update, now)));
	}

	/** The need as it is now, as the actor may see it. */
	NeedView reload(Actor actor, long id) {
		return this.visibility.viewFor(actor, this.needs.selectById(id));
	}

	Actor requireAdminOfStation(Need need) {
		return this.access.requireAdminOver(stationOf(need).path());
	}

	/** The signed-in caller, if they are the need's assignee. */
	Actor requireAssignee(Need need) {
		Actor actor = this.access.requireActor();
		if (!this.visibility.isAssignee(actor, need)) {
			throw DomainException.forbidden();
		}
		return actor;
	}

	OrgUnitRef stationOf(Need need) {
		return this.orgs.require(need.getStationId());
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
