package cn.wenming.practice.need;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How late a 回访 may record an assisted need's rating: until {@code revisitWithin} after the need
 * was completed ({@code app.need.revisit-within}), also after the deadline job closed it unrated at
 * {@code rate-within}. A station phones back or visits on its own round, often later than a week;
 * the bound keeps a rating from being invented months later to lift a period's 满意度. Its own
 * record beside {@link NeedProperties}, binding the same prefix.
 */
@ConfigurationProperties("app.need")
record NeedRevisitProperties(@DefaultValue("30d") Duration revisitWithin) {
}
