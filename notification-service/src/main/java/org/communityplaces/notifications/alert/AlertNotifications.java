package org.communityplaces.notifications.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.notifications.delivery.MailTemplates;
import org.communityplaces.notifications.delivery.Notification;
import org.communityplaces.notifications.delivery.Notifications;
import org.communityplaces.notifications.preference.Channel;
import org.communityplaces.notifications.preference.Preference;
import org.communityplaces.notifications.preference.Preferences;
import org.communityplaces.platform.kafka.BrokenEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What every alert becomes, whichever events it comes from: the event checked against its
 * contract, then one notification per alert, by the channel its recipient chose, with the same
 * words in the e-mail, the text message and the webhook.
 */
@Component
class AlertNotifications {

	private static final Logger log = LoggerFactory.getLogger(AlertNotifications.class);

	private final EventContract contract;

	private final JsonMapper json;

	private final Notifications notifications;

	private final Preferences preferences;

	private final MailTemplates templates;

	private final Clock clock;

	AlertNotifications(EventContract contract, JsonMapper json, Notifications notifications, Preferences preferences,
			MailTemplates templates, Clock clock) {
		this.contract = contract;
		this.json = json;
		this.notifications = notifications;
		this.preferences = preferences;
		this.templates = templates;
		this.clock = clock;
	}

	/**
	 * The event the record carries.
	 * @throws InvalidEvent when it breaks the contract: retrying cannot fix it, so it goes to the dead-letter topic
	 */
	JsonNode read(ConsumerRecord<String, String> record) {
		List<String> violations = record.value() == null ? List.of("empty record") : contract.violations(record.value());
		if (!violations.isEmpty()) {
			throw new InvalidEvent(violations);
		}
		return json.readTree(record.value());
	}

	/** Stores the event's alerts as notifications to deliver (none, for an event that alerts nobody). */
	void raise(JsonNode event, List<Alert> alerts) {
		if (alerts.isEmpty()) {
			return;
		}
		notifications.raise(alerts.stream().map(alert -> notification(event, alert)).toList());
		log.info("Event {} ({}): {} alert(s) raised", event.get("eventId").asString(), event.get("type").asString(),
				alerts.size());
	}

	private Notification notification(JsonNode event, Alert alert) {
		String eventId = event.get("eventId").asString();
		String type = event.get("type").asString();
		String referralId = event.hasNonNull("referralId") ? event.get("referralId").asString() : null;
		MailTemplates.Rendered words = templates.render(alert.subject(), alert.paragraphs(), alert.linkText(),
				alert.link(), alert.otherLinkText(), alert.otherLink());
		Preference preference = preferences.of(alert.recipient());
		String webhookBody = preference.channel() == Channel.WEBHOOK ? webhookBody(event, alert, referralId) : null;
		String textMessage = preference.channel() == Channel.TEXT
				? alert.subject() + (alert.subject().matches(".*[.?!]") ? "" : ".") + " Open it: " + alert.link() : null;
		return Notification.of(new Notification.Event(eventId, type, referralId),
				new Notification.Recipient(alert.role(), alert.recipient().toLowerCase(Locale.ROOT)),
				new Notification.Message(words.subject(), words.text(), words.html(), webhookBody, textMessage),
				preference.channel(), preference.address(), Instant.parse(event.get("occurredAt").asString()),
				clock.instant());
	}

	private String webhookBody(JsonNode event, Alert alert, String referralId) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("notificationId", Notification.idOf(event.get("eventId").asString(), alert.role()));
		body.put("type", event.get("type").asString());
		body.put("occurredAt", event.get("occurredAt").asString());
		if (referralId != null) {
			body.put("referralId", referralId);
		}
		body.put("placeId", event.get("placeId").asString());
		body.put("placeName", event.get("placeName").asString());
		body.put("subject", alert.subject());
		body.put("link", alert.link());
		return json.writeValueAsString(body);
	}

	/**
	 * One person to alert of an event, and what to tell them: a link to where they act on it, and
	 * sometimes a second, lesser one.
	 */
	record Alert(String role, String recipient, String subject, List<String> paragraphs, String linkText, String link,
			String otherLinkText, String otherLink) {

		Alert(String role, String recipient, String subject, List<String> paragraphs, String linkText, String link) {
			this(role, recipient, subject, paragraphs, linkText, link, null, null);
		}

	}

	/** An event that breaks the contract. */
	static class InvalidEvent extends BrokenEvent {

		InvalidEvent(List<String> violations) {
			super("Event breaks the contract: " + String.join("; ", violations));
		}

	}

}
