package cn.wenming.practice.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes notifications in the caller's transaction and hands them to the {@link NotificationSender}
 * once that transaction has committed: nothing is sent for a row that did not commit. The triggers
 * call it from their after-commit listeners ({@link NotificationTriggers}). Without a transaction (the reminder job) each
 * row is its own statement and is handed over at once.
 */
@Component
class NotificationOutbox {

	private static final Logger log = LoggerFactory.getLogger(NotificationOutbox.class);

	/** Plain string maps only, so Jackson's defaults suffice (no need for the application's mapper). */
	private static final JsonMapper JSON = JsonMapper.shared();

	private static final TypeReference<LinkedHashMap<String, String>> DATA = new TypeReference<>() {
	};

	private final NotificationMapper notifications;

	private final NotificationProperties properties;

	private final MessageRenderer renderer;

	private final NotificationSender sender;

	private final Clock clock;

	NotificationOutbox(NotificationMapper notifications, NotificationProperties properties, MessageRenderer renderer,
			NotificationSender sender, Clock clock) {
		this.notifications = notifications;
		this.properties = properties;
		this.renderer = renderer;
		this.sender = sender;
		this.clock = clock;
	}

	/**
	 * A message to write: its kind, the recipient, the object it is about, the kind's variables and,
	 * for a message that may exist only once, a dedupe key.
	 */
	record Message(NotificationKind kind, long userId, long objectId, Map<String, String> variables,
			String dedupeKey) {
	}

	/**
	 * Writes one row per message whose kind is on (has a template); a message whose dedupe key is
	 * already taken is left out. Returns the ids written.
	 */
	List<Long> enqueue(List<Message> messages) {
		Instant now = this.clock.instant();
		List<Long> ids = new ArrayList<>();
		for (Message message : messages) {
			this.properties.template(message.kind()).ifPresent(template -> {
				Notification row = new Notification();
				row.setKind(message.kind());
				row.setUserId(message.userId());
				row.setTemplateId(template.templateId());
				row.setPage(this.renderer.page(template, message.variables()));
				row.setDataJson(JSON.writeValueAsString(this.renderer.data(template, message.variables())));
				row.setObjectId(message.objectId());
				row.setDedupeKey(message.dedupeKey());
				row.setStatus(NotificationStatus.PENDING);
				row.setAttempts(0);
				row.setAcceptanceTaken(false);
				row.setNextAttemptAt(now);
				row.setCreatedAt(now);
				row.setUpdatedAt(now);
				try {
					this.notifications.insert(row);
					ids.add(row.getId());
				}
				catch (DuplicateKeyException ex) {
					if (message.dedupeKey() == null) {
						throw ex;
					}
					log.debug("Notification {} exists already", message.dedupeKey());
				}
			});
		}
		sendAfterCommit(ids);
		return ids;
	}

	/** The stored data fields of a row, in their order. */
	static Map<String, String> data(Notification row) {
		return JSON.readValue(row.getDataJson(), DATA);
	}

	private void sendAfterCommit(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// Registered while the transaction is still open (this runs before its commit), so it is
			// among the synchronizations Spring calls once the commit has succeeded, and never otherwise.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					NotificationOutbox.this.sender.sendLater(ids);
				}
			});
		}
		else {
			this.sender.sendLater(ids);
		}
	}

}
