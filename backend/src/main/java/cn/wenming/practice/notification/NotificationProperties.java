package cn.wenming.practice.notification;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Subscribe messages ({@code app.notification}).
 * <ul>
 * <li>{@code templates.<kind>}: per {@link NotificationKind} the WeChat {@code template-id} (from the
 * mini-program console; blank turns the kind off), the mini-program {@code page} to open and the
 * {@code data} fields (template keyword → text). Page and data may use the kind's
 * {@code {placeholders}} ({@link NotificationKind#variables}); values are cut to WeChat's length for
 * the keyword type ({@code thing} 20, {@code phrase} 5 …);</li>
 * <li>{@code max-attempts} (default 5): sends before a notification is FAILED; the n-th retry waits
 * {@code retry-backoff} × 2^(n-1), at most {@code max-backoff};</li>
 * <li>{@code send-lease} (default 2 min): how long a sender holds a notification it is sending
 * (longer than any WeChat call may take), after which another instance may retry it;</li>
 * <li>{@code reminder-lead-time} (default 24 h): how long before an activity starts its confirmed
 * volunteers are reminded;</li>
 * <li>{@code miniprogram-state} ({@code formal}, {@code trial} or {@code developer}): which version
 * of the mini-program a message opens; {@code lang}; {@code zone} for times in messages.</li>
 * </ul>
 */
@Validated
@ConfigurationProperties("app.notification")
record NotificationProperties(Map<NotificationKind, @Valid Template> templates,
		@DefaultValue("5") @Min(1) @Max(20) int maxAttempts, @DefaultValue("1m") @NotNull Duration retryBackoff,
		@DefaultValue("1h") @NotNull Duration maxBackoff, @DefaultValue("2m") @NotNull Duration sendLease,
		@DefaultValue("24h") @NotNull Duration reminderLeadTime,
		@DefaultValue("formal") @Pattern(regexp = "formal|trial|developer") String miniprogramState,
		@DefaultValue("zh_CN") @NotBlank String lang, @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone) {

	NotificationProperties {
		Map<NotificationKind, Template> copy = new EnumMap<>(NotificationKind.class);
		if (templates != null) {
			copy.putAll(templates);
		}
		templates = Collections.unmodifiableMap(copy);
	}

	/** The template of a kind, or empty when the kind is off (no template id configured). */
	Optional<Template> template(NotificationKind kind) {
		Template template = this.templates.get(kind);
		return (template != null && template.enabled()) ? Optional.of(template) : Optional.empty();
	}

	/** Every configured template id with the kinds that use it (kinds may share a template). */
	Map<String, Set<NotificationKind>> kindsByTemplateId() {
		Map<String, Set<NotificationKind>> byId = new LinkedHashMap<>();
		for (NotificationKind kind : NotificationKind.values()) {
			template(kind).ifPresent(t -> byId.computeIfAbsent(t.templateId(), id -> new LinkedHashSet<>()).add(kind));
		}
		return byId;
	}

	/** One kind's message: the WeChat template, the page it opens and its data fields. */
	record Template(@Size(max = 64) String templateId, @NotBlank @Size(max = 200) String page,
			@NotEmpty Map<String, @NotNull String> data) {

		Template {
			templateId = (templateId == null) ? "" : templateId.strip();
			data = (data == null) ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
		}

		boolean enabled() {
			return StringUtils.hasText(this.templateId);
		}

	}

}
