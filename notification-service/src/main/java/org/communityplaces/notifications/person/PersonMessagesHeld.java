package org.communityplaces.notifications.person;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * What is held of the messages for a person about their referrals, for a copy of everything
 * held about them: how each went, and while one still waits to be sent, where it goes and its
 * words.
 */
@Component
public class PersonMessagesHeld {

	private final PersonMessages messages;

	PersonMessagesHeld(PersonMessages messages) {
		this.messages = messages;
	}

	public List<Held> about(String referralId) {
		return messages.of(referralId).stream().map(Held::of).toList();
	}

	/**
	 * @param kind {@code where-and-when} or {@code day-before-reminder}
	 * @param way {@code text}, {@code letter} or {@code email}
	 * @param status {@code pending}, {@code sent}, {@code not-sent} or {@code failed}
	 * @param outcome why it was not sent, in words, or null
	 * @param to where it goes, while it waits to be sent; empty once it is done with
	 */
	public record Held(String referralId, String kind, String way, String status, String outcome, Instant askedAt,
			Instant doneAt, List<String> to, String recipientName, String subject, List<String> paragraphs) {

		static Held of(PersonMessage message) {
			PersonMessage.Envelope envelope = message.envelope();
			return new Held(message.referralId(), message.kind(), message.way(),
					message.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), message.outcome(),
					message.createdAt(), message.doneAt(), envelope == null ? List.of() : envelope.to(),
					envelope == null ? null : envelope.recipientName(), envelope == null ? null : envelope.subject(),
					envelope == null ? List.of() : envelope.paragraphs());
		}

	}

}
