package cn.wenming.practice.need;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

import cn.wenming.practice.need.NeedTransitions.Move;
import cn.wenming.practice.org.OrgLevel;
import cn.wenming.practice.shared.DomainException;
import cn.wenming.practice.shared.OpsMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadline rules, run by {@link NeedDeadlineJob} once per tick (and directly by tests). Rule:
 * a stage overdue by its deadline ({@link NeedProperties}) is escalated from the station to its
 * 所; if it is still in that stage {@code escalateAgainAfter} later, to the 中心. Each need is one
 * small transaction (a guarded UPDATE and a history row), so a failure stops nothing else, and the
 * guard makes a second run (or a second instance) a no-op for needs already handled.
 */
@Component
class NeedDeadlines {

	private static final Logger log = LoggerFactory.getLogger(NeedDeadlines.class);

	/** Rows read per query; the run pages on until nothing overdue is left. */
	static final int PAGE = 200;

	private final NeedMapper needs;

	private final NeedTransitions transitions;

	private final NeedProperties properties;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	NeedDeadlines(NeedMapper needs, NeedTransitions transitions, NeedProperties properties, Clock clock,
			TransactionTemplate tx, ApplicationEventPublisher events) {
		this.needs = needs;
		this.transitions = transitions;
		this.properties = properties;
		this.clock = clock;
		this.tx = tx;
		this.events = events;
	}

	/** What one run did. */
	record Outcome(int escalatedToInstitute, int escalatedToCenter, int closedUnrated) {
	}

	Outcome run() {
		Instant now = this.clock.instant();
		// Second level first: a need escalated to the 所 in this very run must wait its full period.
		int center = each(afterId -> this.needs.escalatedBefore(OrgLevel.INSTITUTE,
				now.minus(this.properties.escalateAgainAfter()), afterId, PAGE),
				need -> escalate(need, OrgLevel.INSTITUTE, OrgLevel.CENTER, now));
		int institute = each(afterId -> this.needs.overdueNotEscalated(now.minus(this.properties.reviewWithin()),
				now.minus(this.properties.dispatchWithin()), now.minus(this.properties.acceptWithin()), now, afterId,
				PAGE),
				need -> escalate(need, null, OrgLevel.INSTITUTE, now));
		int closed = each(afterId -> this.needs.completedBefore(now.minus(this.properties.rateWithin()), afterId, PAGE),
				need -> closeUnrated(need, now));
		if (center + institute + closed > 0) {
			log.info("Need deadlines: {} escalated to 所, {} to 中心, {} closed unrated", institute, center, closed);
		}
		return new Outcome(institute, center, closed);
	}

	private boolean escalate(Need need, OrgLevel from, OrgLevel to, Instant now) {
		String note = "逾期未" + stageName(need.getStatus()) + "，升级至" + ((to == OrgLevel.CENTER) ? "中心" : "所");
		boolean escalated = Boolean.TRUE.equals(this.tx.execute(status -> {
			boolean done = this.transitions.escalate(need, from, to, note, now);
			if (done) {
				this.events.publishEvent(new NeedEscalated(need.getId(), need.getStationId(),
						need.getStatus().name(), to, now));
			}
			return done;
		}));
		if (escalated) {
			OpsMetrics.needEscalated(to.name());
		}
		return escalated;
	}

	private boolean closeUnrated(Need need, Instant now) {
		try {
			this.tx.executeWithoutResult(status -> this.transitions.apply(need, Move.CLOSE_UNRATED, null,
					"超过评价期限未评价，自动关闭", now, update -> {
					}));
			return true;
		}
		catch (DomainException ex) {
			// The resident rated (or something else moved it) since we read it: nothing to close.
			return false;
		}
	}

	private static String stageName(NeedStatus status) {
		return switch (status) {
			case SUBMITTED -> "审核";
			case PUBLISHED -> "派单或认领";
			case DISPATCHED -> "接单";
			default -> "完成";
		};
	}

	@FunctionalInterface
	private interface Handler {

		boolean handle(Need need);

	}

	/** Keyset pages by id, so rows left alone (moved on, already escalated) cannot loop the run. */
	private static int each(LongFunction<List<Need>> page, Handler handler) {
		int done = 0;
		long afterId = 0;
		while (true) {
			List<Need> rows = page.apply(afterId);
			for (Need need : rows) {
				try {
					if (handler.handle(need)) {
						done++;
					}
				}
				catch (RuntimeException ex) {
					// One bad row must not starve the others; it is retried on the next tick.
					log.warn("Need deadline handling failed for need {}: {}", need.getId(), ex.toString());
				}
				afterId = need.getId();
			}
			if (rows.size() < PAGE) {
				return done;
			}
		}
	}

}
