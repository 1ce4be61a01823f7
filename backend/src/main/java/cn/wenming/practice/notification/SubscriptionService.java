package cn.wenming.practice.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import cn.wenming.practice.auth.AccessControl;
import cn.wenming.practice.shared.CreationKeys;
import cn.wenming.practice.shared.RecordCorrections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The caller's acceptances of subscribe-message templates. Only template ids configured in
 * {@code app.notification.templates} count: anything else cannot be sent by this server, so counting
 * it would only let a client inflate numbers; such ids are ignored and reported back. An id repeated
 * in one report counts once, as {@code wx.requestSubscribeMessage} answers each template once.
 */
@Service
class SubscriptionService {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

	private final SubscriptionMapper subscriptions;

	private final NotificationProperties properties;

	private final AccessControl access;

	private final TransactionTemplate tx;

	private final Clock clock;

	SubscriptionService(SubscriptionMapper subscriptions, NotificationProperties properties, AccessControl access,
			TransactionTemplate tx, Clock clock) {
		this.subscriptions = subscriptions;
		this.properties = properties;
		this.access = access;
		this.tx = tx;
		this.clock = clock;
	}

	/** GraphQL {@code SubscriptionBalance}. */
	record Balance(String templateId, List<NotificationKind> kinds, int remaining) {
	}

	/** GraphQL {@code SubscriptionReceipt}. */
	record Receipt(List<Balance> balances, List<String> ignoredTemplateIds) {
	}

	/** GraphQL {@code SubscriptionTemplate}. */
	record TemplateOfKind(NotificationKind kind, String templateId) {
	}

	/**
	 * Counts the acceptances of one prompt. {@code idempotencyKey} (one per prompt, from the client)
	 * makes a resend of the report — the client's retry of a 503 whose commit went through — count
	 * nothing more: it is answered the balances as they are. Without a key every report counts.
	 */
	Receipt record(List<String> templateIds, String idempotencyKey) {
		long userId = this.access.requireUserId();
		Map<String, Set<NotificationKind>> configured = this.properties.kindsByTemplateId();
		Set<String> accepted = new LinkedHashSet<>();
		Set<String> ignored = new LinkedHashSet<>();
		for (String id : templateIds) {
			String clean = id.strip();
			(configured.containsKey(clean) ? accepted : ignored).add(clean);
		}
		Instant now = this.clock.instant();
		if (idempotencyKey == null) {
			this.tx.executeWithoutResult(status -> accepted.forEach(id -> this.subscriptions.accept(userId, id, now)));
			return new Receipt(balances(userId), List.copyOf(ignored));
		}
		CreationKeys.Create<Receipt> keyed = CreationKeys.create(idempotencyKey,
				RecordCorrections.digest("SUBSCRIPTIONS", new TreeSet<>(accepted), new TreeSet<>(ignored)),
				() -> this.subscriptions.findAcceptance(userId, idempotencyKey),
				id -> new Receipt(balances(userId), List.copyOf(ignored)));
		Receipt earlier = keyed.earlier();
		if (earlier != null) {
			return earlier;
		}
		// The key's row first: a second report of the prompt waits on it, then collides and counts nothing.
		return keyed.once(log, "Recording subscriptions", () -> this.tx.executeWithoutResult(status -> {
			this.subscriptions.keepAcceptanceKey(userId, idempotencyKey, keyed.digest(), now);
			accepted.forEach(id -> this.subscriptions.accept(userId, id, now));
		}), () -> new Receipt(balances(userId), List.copyOf(ignored)));
	}

	List<Balance> mine() {
		return balances(this.access.requireUserId());
	}

	List<TemplateOfKind> templates() {
		List<TemplateOfKind> templates = new ArrayList<>();
		for (NotificationKind kind : NotificationKind.values()) {
			this.properties.template(kind).ifPresent(t -> templates.add(new TemplateOfKind(kind, t.templateId())));
		}
		return templates;
	}

	/** Every configured template with the user's remaining acceptances (0 when none were reported). */
	private List<Balance> balances(long userId) {
		Map<String, Integer> remaining = this.subscriptions.balances(userId)
			.stream()
			.collect(Collectors.toMap(SubscriptionMapper.Balance::templateId, SubscriptionMapper.Balance::remaining));
		return this.properties.kindsByTemplateId()
			.entrySet()
			.stream()
			.map(e -> new Balance(e.getKey(), List.copyOf(e.getValue()), remaining.getOrDefault(e.getKey(), 0)))
			.toList();
	}

}
