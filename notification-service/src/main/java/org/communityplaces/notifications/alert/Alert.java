package org.communityplaces.notifications.alert;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert to one recipient over one channel about one event. Its id is made of the event id,
 * channel and recipient role, so the store itself refuses to record the same alert twice.
 */
@Document("alerts")
record Alert(@Id String id, String eventId, String referralId, RecipientRole role, String recipient,
		String channel, String subject, Status status, Instant createdAt, Instant sentAt) {

	static String idOf(String eventId, String channel, RecipientRole role) {
		return eventId + ":" + channel + ":" + role.name().toLowerCase();
	}

	enum Status {

		PENDING, SENT

	}

	enum RecipientRole {

		HOST, REFERRER

	}

}
