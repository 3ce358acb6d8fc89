package org.communityplaces.notifications.person;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message for a person referred, from its {@code PersonToBeTold} event (whose id is its
 * own, so a redelivered event is not sent twice). Where it goes and its words are kept in
 * {@link #envelope()} only until it is sent, given up or found unsendable: what stays says how
 * it went, for the referrer's page, with nothing of the person.
 *
 * @param kind {@code where-and-when} or {@code day-before-reminder}
 * @param way {@code text}, {@code letter} or {@code email}
 * @param outcome in words, for the referrer, when it was not sent
 */
@Document("person_messages")
@CompoundIndexes({ @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
		@CompoundIndex(name = "of_referral", def = "{'referralId': 1}") })
record PersonMessage(@Id String id, String referralId, String referrerId, String kind, String way, Status status,
		String outcome, int attempts, Instant nextAttemptAt, Instant createdAt, Instant doneAt, Envelope envelope) {

	/**
	 * @param to the mobile number, the e-mail address, or the letter's address lines (the
	 * addressee first, the postcode last)
	 */
	record Envelope(List<String> to, String recipientName, String subject, List<String> paragraphs) {
	}

	enum Status {

		PENDING, SENT, NOT_SENT, FAILED

	}

}
