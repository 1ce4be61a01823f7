package cn.wenming.practice.need;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stage deadlines of needs ({@code app.need.*}). Review within {@code reviewWithin} of submission,
 * acceptance within {@code acceptWithin} of dispatch, completion by the dispatched deadline; an
 * overdue stage goes to the 所, and {@code escalateAgainAfter} later, if still not moved, to the
 * 中心. A completed need not rated within {@code rateWithin} closes as {@code CLOSED_UNRATED}.
 * A claimed need (认领: no dispatched deadline) is due by the end of the resident's desired date
 * (in {@code zone}) when that lies ahead, else {@code claimCompletionWithin} after the claim. The
 * assignee keeps seeing the resident's contact data until {@code assigneeAccessAfterClose} after
 * the need closed. Texts held UNCHECKED are re-sent to WeChat at most {@code recheckMaxAttempts}
 * times.
 */
@ConfigurationProperties("app.need")
record NeedProperties(@DefaultValue("2d") Duration reviewWithin, @DefaultValue("3d") Duration acceptWithin,
		@DefaultValue("7d") Duration rateWithin, @DefaultValue("2d") Duration escalateAgainAfter,
		@DefaultValue("7d") Duration claimCompletionWithin, @DefaultValue("7d") Duration assigneeAccessAfterClose,
		@DefaultValue("5") int recheckMaxAttempts, @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
