package org.communityplaces.notifications.notification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert to one recipient about one event: their portal inbox entry and its delivery over
 * the channel they chose. Its id is the event id and the recipient's role, so the store
 * itself refuses a second alert when Kafka delivers the event again.
 *
 * @param recipient the recipient's own address, by which their inbox is found
 * @param address where the channel delivers: an e-mail address or a webhook URL
 * @param nextAttemptAt when a pending delivery is next tried; moved ahead while one instance tries it
 * @param lastError the kind of the last failure, never its message (which may quote addresses)
 */
@Document("notifications")
@CompoundIndexes({ @CompoundIndex(name = "inbox", def = "{'recipient': 1, 'createdAt': -1}"),
		@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}") })
public record Notification(@Id String id, String eventId, String eventType, String referralId, String recipientRole,
		String recipient, Channel channel, String address, String subject, String text, String html,
		String webhookBody, Status status, int attempts, Instant nextAttemptAt, String lastError,
		Instant occurredAt, Instant createdAt, Instant sentAt, Instant readAt) {

	public static String idOf(String eventId, String recipientRole) {
		return eventId + ":" + recipientRole;
	}

	public enum Status {

		/** Waiting to be sent, now or at {@code nextAttemptAt}. */
		PENDING,

		/** Delivered over its channel (for the inbox channel: in the inbox). */
		SENT,

		/** Given up on after the last retry, or refused (a webhook address that became private). */
		FAILED

	}

}
