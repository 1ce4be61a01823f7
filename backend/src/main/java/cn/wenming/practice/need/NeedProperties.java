package cn.wenming.practice.need;

import java.time.Duration;
import java.time.ZoneId;
import java.util.stream.Stream;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Stage deadlines of needs ({@code app.need.*}). Review within {@code reviewWithin} of submission,
 * a dispatch or claim within {@code dispatchWithin} of the need reaching the wish wall (published,
 * or back there after a declined dispatch), acceptance within {@code acceptWithin} of dispatch,
 * completion by the dispatched deadline; an
 * overdue stage goes to the 所, and {@code escalateAgainAfter} later, if still not moved, to the
 * 中心. A completed need not rated within {@code rateWithin} closes as {@code CLOSED_UNRATED}.
 * A claimed need (认领: no dispatched deadline) is due by the end of the resident's desired date
 * (in {@code zone}) when that lies ahead, else {@code claimCompletionWithin} after the claim. The
 * assignee keeps seeing the resident's contact data until {@code assigneeAccessAfterClose} after
 * the need closed. Texts held UNCHECKED are re-sent to WeChat at most {@code recheckMaxAttempts}
 * times. A participant's hours at completion are at most the time from start (IN_PROGRESS) to
 * completion plus {@code hoursAllowance}; a need has at most {@code maxParticipants} participants.
 */
@Validated
@ConfigurationProperties("app.need")
record NeedProperties(@DefaultValue("2d") @NotNull Duration reviewWithin,
		@DefaultValue("2d") @NotNull Duration dispatchWithin,
		@DefaultValue("3d") @NotNull Duration acceptWithin,
		@DefaultValue("7d") Duration rateWithin, @DefaultValue("2d") @NotNull Duration escalateAgainAfter,
		@DefaultValue("7d") Duration claimCompletionWithin, @DefaultValue("7d") Duration assigneeAccessAfterClose,
		@DefaultValue("5") int recheckMaxAttempts, @DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("1h") @NotNull Duration hoursAllowance, @DefaultValue("20") @Min(1) int maxParticipants) {

	@AssertTrue(message = "app.need.hours-allowance must not be negative")
	boolean isHoursAllowanceValid() {
		return this.hoursAllowance != null && !this.hoursAllowance.isNegative();
	}

	/** A zero or negative stage deadline would escalate every need of that stage at once. */
	@AssertTrue(message = "app.need.review-within, dispatch-within, accept-within and escalate-again-after must be positive")
	boolean isStageDeadlinesPositive() {
		return Stream.of(this.reviewWithin, this.dispatchWithin, this.acceptWithin, this.escalateAgainAfter)
			.allMatch(d -> d != null && !d.isNegative() && !d.isZero());
	}

}
