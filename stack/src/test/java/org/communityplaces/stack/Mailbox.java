package org.communityplaces.stack;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mails the stack's SMTP server received, by recipient and by the referral they link to,
 * so a journey counts only its own e-mails whatever other journeys sent before it.
 */
final class Mailbox {

	private Mailbox() {
	}

	/** Waits until this many e-mails about the referral reached the address and checks no more did; the last. */
	static MimeMessage awaitEmails(GreenMail mail, String address, String referralId, int count) {
		List<MimeMessage> received = Patience.await(count + " e-mail(s) to " + address + " about referral " + referralId)
			.until(() -> about(mail, address, referralId), messages -> messages.size() >= count);
		assertThat(received).as("e-mails to " + address + " about referral " + referralId).hasSize(count);
		return received.get(count - 1);
	}

	static List<MimeMessage> about(GreenMail mail, String address, String referralId) {
		Pattern link = Pattern.compile("/referrals/" + Pattern.quote(referralId) + "(?![\\w-])");
		return Arrays.stream(mail.getReceivedMessages())
			.filter(message -> isTo(message, address) && link.matcher(text(message)).find())
			.toList();
	}

	/** The decoded words of every text part, where a link to the referral is. */
	static String text(Part part) {
		try {
			Object content = part.getContent();
			if (content instanceof Multipart parts) {
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < parts.getCount(); i++) {
					text.append(text(parts.getBodyPart(i))).append('\n');
				}
				return text.toString();
			}
			return content instanceof String words ? words : "";
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException("Could not read an e-mail", ex);
		}
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getAllRecipients()).map(Address::toString).anyMatch(address::equals);
		}
		catch (MessagingException ex) {
			return false;
		}
	}

}
