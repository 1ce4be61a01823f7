package cn.wenming.practice.auth;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The staff console's QR login ({@code app.auth.console-login.*}): how long a login QR may be
 * scanned and confirmed, and how many QR codes one IP address may ask for per minute (the call is
 * anonymous, and each one writes to Redis).
 */
@Validated
@ConfigurationProperties("app.auth.console-login")
record ConsoleLoginProperties(@DefaultValue("3m") @NotNull Duration ticketTtl,
		@DefaultValue("20") @Min(1) int ticketsPerMinute) {
}
