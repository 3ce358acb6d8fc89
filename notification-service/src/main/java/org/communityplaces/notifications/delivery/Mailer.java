package org.communityplaces.notifications.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.communityplaces.notifications.notify.GovUkNotify;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one e-mail: through GOV.UK Notify where the deployment has it (Notify's template gives
 * it its look), otherwise over SMTP with a plain-text and an HTML part, for every mail reader.
 */
@Component
class Mailer {

	private final JavaMailSender mail;

	private final GovUkNotify notify;

	private final MessageIds messageIds;

	private final String from;

	Mailer(JavaMailSender mail, GovUkNotify notify, MessageIds messageIds,
			@Value("${notifications.mail.from}") String from) {
		this.mail = mail;
		this.notify = notify;
		this.messageIds = messageIds;
		this.from = from;
	}

	/**
	 * @param reference ours for this e-mail (a notification's id, a digest's key), never personal
	 * data: GOV.UK Notify's reference, and over SMTP the e-mail's {@code Message-ID}
	 */
	void send(String to, String subject, String text, String html, String reference) {
		if (notify.settings().sendsEmail()) {
			notify.email(to, subject, text, reference);
			return;
		}
		MimeMessage message = mail.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text, html);
			// Spring's sender keeps a Message-ID given before it sends, rather than making a new one
			message.setHeader("Message-ID", messageIds.of(reference));
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		mail.send(message);
	}

}
