package cn.wenming.practice.need;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stage deadlines of needs ({@code app.need.*}). Review within {@code reviewWithin} of submission,
 * acceptance within {@code acceptWithin} of dispatch, completion by the dispatched deadline; an
 * overdue stage goes to the 所, and {@code escalateAgainAfter} later, if still not moved, to the
 * 中心. A completed need not rated within {@code rateWithin} closes as {@code CLOSED_UNRATED}.
 */
@ConfigurationProperties("app.need")
record NeedProperties(@DefaultValue("2d") Duration reviewWithin, @DefaultValue("3d") Duration acceptWithin,
		@DefaultValue("7d") Duration rateWithin, @DefaultValue("2d") Duration escalateAgainAfter) {
}
