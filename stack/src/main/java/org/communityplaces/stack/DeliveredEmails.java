package org.communityplaces.stack;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Tells of each e-mail the embedded SMTP server takes, in the order they arrive, so that someone
 * trying the journey by hand sees the alerts as they are sent. E-mails name only the host's or
 * referrer's work address and a place.
 */
final class DeliveredEmails {

	private DeliveredEmails() {
	}

	/**
	 * Tells of each e-mail as it is stored. Told from the delivery itself: GreenMail lists what
	 * it holds mailbox by mailbox, not in the order it arrived.
	 */
	static void tellOfEach(GreenMail mail, Consumer<String> teller) {
		UserManager users = mail.getUserManager();
		MessageDeliveryHandler store = users.getMessageDeliveryHandler();
		users.setMessageDeliveryHandler((message, recipient) -> {
			var mailbox = store.handle(message, recipient);
			teller.accept("E-mail delivered to " + recipient + ": " + subject(message.getMessage()));
			return mailbox;
		});
	}

	/**
	 * Tells of each e-mail and then forgets it, every few seconds, so that a stack left running
	 * for weeks does not keep every alert in memory. Nothing reads these mailboxes: the launcher's
	 * SMTP server has no IMAP or POP3 side.
	 */
	static void tellOfEachAndForget(GreenMail mail, Consumer<String> teller) {
		tellOfEach(mail, teller);
		ScheduledExecutorService forgetter = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "delivered-emails");
			thread.setDaemon(true);
			return thread;
		});
		forgetter.scheduleWithFixedDelay(() -> forget(mail), 5, 5, TimeUnit.SECONDS);
	}

	static void forget(GreenMail mail) {
		try {
			mail.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			System.err.println("Could not clear the delivered e-mails: " + ex.getMessage());
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			return "(unreadable subject)";
		}
	}

}
