package cn.wenming.practice.shared;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.events}: resubmission of event publications whose listener has not completed (see
 * {@link EventPublicationResubmission}).
 * <ul>
 * <li>{@code resubmit-older-than} (default 2 min): only publications at least this old are
 * resubmitted, so a listener still running on some instance is not started a second time beside
 * it. Well above a listener's normal run time, well below the reconcilers' look-back.</li>
 * <li>{@code resubmit-delay} (default 1 min): how often the resubmission job runs (on one instance
 * per tick, ShedLock); {@code resubmit-initial-delay} (default 1 min) after start-up.</li>
 * <li>{@code resubmit-on-startup} (default on): resubmits once when the application is ready, for
 * work cut off by a stop between a commit and its listeners.</li>
 * </ul>
 */
@Validated
@ConfigurationProperties("app.events")
public record EventRegistryProperties(@DefaultValue("2m") @NotNull Duration resubmitOlderThan,
		@DefaultValue("1m") @NotNull Duration resubmitDelay, @DefaultValue("1m") @NotNull Duration resubmitInitialDelay,
		@DefaultValue("true") boolean resubmitOnStartup) {
}
