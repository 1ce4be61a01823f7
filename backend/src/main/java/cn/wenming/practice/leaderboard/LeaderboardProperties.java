package cn.wenming.practice.leaderboard;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code app.leaderboard} ({@code rebuild-cron}, the nightly rebuild, is read by its
 * {@code @Scheduled} directly).
 * <ul>
 * <li>{@code names-ttl} (default 10 s, {@code 0} off): how long an instance keeps the names it shows
 * (a volunteer's real name and whether they show it, a team's or station's name) in memory. A
 * change made through this instance takes effect at once; other instances show the old choice for
 * at most this long. This keeps two MySQL statements off every leaderboard read.</li>
 * <li>{@code sync-build-limit} (default 20,000): an org board of volunteers whose subtree has more
 * volunteers than this (the county's, an institute of a large county) is built in the background
 * when missing, and reads answer from the points rollup (hours boards: the activity and need hours
 * rollups) until it is installed; smaller boards are built by the reading request (well under a second).</li>
 * </ul>
 */
@Validated
@ConfigurationProperties("app.leaderboard")
record LeaderboardProperties(@DefaultValue("10s") @NotNull Duration namesTtl,
		@DefaultValue("20000") long syncBuildLimit) {
}
