package org.communityplaces.notifications.delivery;

import java.time.Instant;

import org.communityplaces.notifications.preference.Channel;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert to one recipient about one event: their portal inbox entry and its delivery over
 * the channel they chose. Its id is the event id and the recipient's role, so the store
 * itself refuses a second alert when Kafka delivers the event again.
 */
@Document("notifications")
@CompoundIndexes({ @CompoundIndex(name = "inbox_newest", def = "{'recipient.email': 1, 'timeline.createdAt': -1}"),
		@CompoundIndex(name = "due_deliveries", def = "{'delivery.status': 1, 'delivery.nextAttemptAt': 1}"),
		@CompoundIndex(name = "due_by_address",
				def = "{'delivery.status': 1, 'delivery.address': 1, 'delivery.nextAttemptAt': 1}") })
public record Notification(@Id String id, Event event, Recipient recipient, Message message, Delivery delivery,
		Timeline timeline) {

	public static String idOf(String eventId, String recipientRole) {
		return eventId + ":" + recipientRole;
	}

	/**
	 * A new alert, ready to be raised: due at once over its channel, or already delivered when
	 * the recipient wants the portal inbox only.
	 * @param address where the channel delivers: an e-mail address or a webhook URL
	 */
	public static Notification of(Event event, Recipient recipient, Message message, Channel channel, String address,
			Instant occurredAt, Instant now) {
		boolean inboxOnly = channel == Channel.INBOX;
		return new Notification(idOf(event.id(), recipient.role()), event, recipient, message,
				new Delivery(channel, address, inboxOnly ? Status.SENT : Status.PENDING, 0, now, null),
				new Timeline(occurredAt, now, inboxOnly ? now : null, null));
	}

	/** The event that raised the alert. */
	public record Event(String id, String type, String referralId) {
	}

	/** @param email the recipient's own address, by which their inbox is found */
	public record Recipient(String role, String email) {
	}

	/**
	 * The words the recipient gets: an e-mail's parts, the body of their webhook request, or a
	 * text message's words.
	 */
	public record Message(String subject, String text, String html, String webhookBody, String textMessage) {
	}

	/**
	 * How far delivery over the chosen channel got.
	 * @param address where the channel delivers: an e-mail address or a webhook URL
	 * @param nextAttemptAt when a pending delivery is next tried; moved ahead while one instance tries it
	 * @param lastError the kind of the last failure, never its message (which may quote addresses)
	 */
	public record Delivery(Channel channel, String address, Status status, int attempts, Instant nextAttemptAt,
			String lastError) {
	}

	/** @param occurredAt when the event happened, from which delivery latency is measured */
	public record Timeline(Instant occurredAt, Instant createdAt, Instant sentAt, Instant readAt) {
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
