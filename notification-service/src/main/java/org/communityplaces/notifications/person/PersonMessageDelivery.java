package org.communityplaces.notifications.person;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communityplaces.notifications.delivery.MessageIds;
import org.communityplaces.notifications.notify.GovUkNotify;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends each message for a person the way they chose: a text message or a letter through
 * GOV.UK Notify, an e-mail through Notify where the deployment has it and over SMTP where it
 * does not. Failures are tried again with doubling waits, as alerts are; a message Notify
 * refuses is not. Each attempt is claimed first, so two instances never send one together; an
 * e-mail sent again after a crash between sending and recording it has the same
 * {@code Message-ID}.
 */
@Component
class PersonMessageDelivery {

	private static final Logger log = LoggerFactory.getLogger(PersonMessageDelivery.class);

	private static final Duration LEASE = Duration.ofMinutes(2);

	private final PersonMessages messages;

	private final GovUkNotify notify;

	private final JavaMailSender mail;

	private final MessageIds messageIds;

	private final Clock clock;

	private final String from;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final int maxAttempts;

	PersonMessageDelivery(PersonMessages messages, GovUkNotify notify, JavaMailSender mail, MessageIds messageIds,
			Clock clock, @Value("${notifications.mail.from}") String from,
			@Value("${notifications.delivery.initial-backoff}") Duration initialBackoff,
			@Value("${notifications.delivery.max-backoff}") Duration maxBackoff,
			@Value("${notifications.delivery.max-attempts}") int maxAttempts) {
		this.messages = messages;
		this.notify = notify;
		this.mail = mail;
		this.messageIds = messageIds;
		this.clock = clock;
		this.from = from;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
		this.maxAttempts = maxAttempts;
	}

	@SchedulerLock(name = "person-message-delivery", lockAtMostFor = "2m")
	@Scheduled(fixedDelayString = "${notifications.delivery.sweep-interval}")
	void sendDue() {
		Instant now = clock.instant();
		for (PersonMessage due : messages.due(now, 100)) {
			// The lease runs from the claim, not the sweep's start: a long sweep must not claim for a lease already over
			Instant claimedAt = clock.instant();
			PersonMessage claimed = messages.claim(due, claimedAt, claimedAt.plus(LEASE));
			if (claimed != null) {
				send(claimed);
			}
		}
	}

	private void send(PersonMessage message) {
		PersonMessage.Envelope envelope = message.envelope();
		int attempts = message.attempts() + 1;
		try {
			switch (message.way()) {
				case "text" -> notify.textMessage(envelope.to().get(0), textMessage(envelope), message.id());
				case "letter" -> notify.letter(envelope.to(), envelope.subject(), body(envelope), message.id());
				default -> email(envelope, message.id());
			}
		}
		catch (GovUkNotify.Refused refused) {
			messages.done(message.id(), PersonMessage.Status.FAILED,
					"Not sent: GOV.UK Notify would not take it. Print the letter and give it to the person instead.",
					attempts, clock.instant());
			log.warn("Message {} for a person refused: {}", message.id(), refused.getMessage());
			return;
		}
		catch (RuntimeException failure) {
			if (attempts >= maxAttempts) {
				messages.done(message.id(), PersonMessage.Status.FAILED,
						"Not sent: it could not be delivered. Print the letter and give it to the person instead.",
						attempts, clock.instant());
				log.error("Message {} for a person given up after {} attempts ({})", message.id(), attempts,
						failure.getClass().getSimpleName());
				return;
			}
			Duration wait = backoff(attempts);
			messages.retryAt(message.id(), attempts, clock.instant().plus(wait));
			log.warn("Message {} for a person failed ({}); attempt {} in {} ms", message.id(),
					failure.getClass().getSimpleName(), attempts + 1, wait.toMillis());
			return;
		}
		messages.done(message.id(), PersonMessage.Status.SENT, null, attempts, clock.instant());
	}

	private void email(PersonMessage.Envelope envelope, String reference) {
		if (notify.settings().sendsEmail()) {
			notify.email(envelope.to().get(0), envelope.subject(), body(envelope), reference);
			return;
		}
		MimeMessage message = mail.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(from);
			helper.setTo(envelope.to().get(0));
			helper.setSubject(envelope.subject());
			helper.setText(body(envelope));
			message.setHeader("Message-ID", messageIds.of(reference));
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		mail.send(message);
	}

	/** A letter's or an e-mail's words: a greeting, then a paragraph for each thing said. */
	private static String body(PersonMessage.Envelope envelope) {
		return "Dear " + envelope.recipientName() + ",\n\n" + String.join("\n\n", envelope.paragraphs());
	}

	/** A text message keeps to the point: the words without the greeting's ceremony. */
	private static String textMessage(PersonMessage.Envelope envelope) {
		return "Hello " + envelope.recipientName().split(" ")[0] + ". " + String.join(" ", envelope.paragraphs());
	}

	/** Doubling from the initial wait up to the cap, each wait a random half to whole of that. */
	private Duration backoff(int attempts) {
		long ceiling = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempts - 1, 30));
		return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
	}

}
