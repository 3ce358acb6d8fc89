package org.communityplaces.notifications.preference;

import java.time.Instant;


import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How one recipient, known by their own e-mail address, wants to be alerted.
 *
 * @param email where e-mails go, if not to their own address (a venue's shared inbox, say)
 * @param phone the UK mobile number text messages go to, as +447...
 * @param webhookSecret the key that signs their webhook requests
 */
@Document("preferences")
public record Preference(@Id String recipient, Channel channel, String email, String phone, String webhookUrl,
		String webhookSecret, Instant updatedAt) {

	/** Someone who never chose: an e-mail for each alert, to their own address. */
	static Preference defaultFor(String recipient) {
		return new Preference(recipient, Channel.EMAIL, null, null, null, null, null);
	}

	/** Where this channel delivers. */
	public String address() {
		return switch (channel) {
			case EMAIL, DIGEST -> email != null ? email : recipient;
			case TEXT -> phone;
			case WEBHOOK -> webhookUrl;
			case INBOX -> null;
		};
	}

}
