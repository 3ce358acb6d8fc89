package org.communityplaces.notifications.alert;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Records and e-mails alerts so that each is sent once as people see it: an alert already
 * marked sent is not sent again when Kafka redelivers its event.
 */
@Component
class Alerts {

	static final String EMAIL = "email";

	private final AlertRepository alerts;

	private final JavaMailSender mail;

	private final Clock clock;

	private final MeterRegistry meters;

	private final String from;

	Alerts(AlertRepository alerts, JavaMailSender mail, Clock clock, MeterRegistry meters,
			@Value("${notifications.mail.from}") String from) {
		this.alerts = alerts;
		this.mail = mail;
		this.clock = clock;
		this.meters = meters;
		this.from = from;
	}

	void email(String eventId, String referralId, Alert.RecipientRole role, String recipient, AlertMessage message) {
		String id = Alert.idOf(eventId, EMAIL, role);
		Alert alert = alerts.findById(id).orElseGet(() -> record(new Alert(id, eventId, referralId, role, recipient,
				EMAIL, message.subject(), Alert.Status.PENDING, clock.instant(), null)));
		if (alert.status() == Alert.Status.SENT) {
			meters.counter("notifications.duplicates", "channel", EMAIL).increment();
			return;
		}
		SimpleMailMessage email = new SimpleMailMessage();
		email.setFrom(from);
		email.setTo(recipient);
		email.setSubject(message.subject());
		email.setText(message.body());
		mail.send(email);
		alerts.save(new Alert(id, eventId, referralId, role, recipient, EMAIL, message.subject(), Alert.Status.SENT,
				alert.createdAt(), clock.instant()));
		meters.counter("notifications.sent", "channel", EMAIL, "recipient", role.name().toLowerCase()).increment();
	}

	private Alert record(Alert alert) {
		try {
			return alerts.insert(alert);
		}
		catch (DuplicateKeyException ex) {
			return alerts.findById(alert.id()).orElseThrow(() -> ex);
		}
	}

}
