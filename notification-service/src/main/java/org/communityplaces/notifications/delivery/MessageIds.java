package org.communityplaces.notifications.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code Message-ID} of an e-mail, derived from what it tells (an alert, a day's digest, a
 * message for a person) and the domain of {@code notifications.mail.from}: sent again after a
 * crash between the mail server taking it and it being recorded as sent, it is the same message
 * to mail systems. The reference is written in letters, digits and hyphens, anything else as
 * {@code =} and its UTF-8 bytes in hex, so distinct references give distinct ids.
 */
@Component
public class MessageIds {

	private final String domain;

	MessageIds(@Value("${notifications.mail.from}") String from) {
		try {
			String address = new InternetAddress(from, true).getAddress();
			this.domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("notifications.mail.from is not an e-mail address", ex);
		}
	}

	/** @param reference ours for this e-mail, never personal data */
	public String of(String reference) {
		StringBuilder id = new StringBuilder("<");
		for (byte b : reference.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
				id.append(c);
			}
			else {
				id.append('=').append(String.format("%02X", b & 0xff));
			}
		}
		return id.append('@').append(domain).append('>').toString();
	}

}
