package org.communityplaces.notifications.alert;

import java.time.Clock;
import java.time.Instant;
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
import org.communityplaces.platform.correlation.CorrelationId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads referral events, checked against the event contract, and raises a notification for
 * each person an event concerns, over the channel they chose. Delivery happens apart from
 * this listener, so a mail server outage never holds up the stream of events.
 */
@Component
class ReferralEventsListener {

	private static final Logger log = LoggerFactory.getLogger(ReferralEventsListener.class);

	private final EventContract contract;

	private final AlertRules rules;

	private final JsonMapper json;

	private final Notifications notifications;

	private final Preferences preferences;

	private final MailTemplates templates;

	private final Clock clock;

	private final String portalUrl;

	ReferralEventsListener(EventContract contract, AlertRules rules, JsonMapper json, Notifications notifications,
			Preferences preferences, MailTemplates templates, Clock clock,
			@Value("${notifications.portal-url}") String portalUrl) {
		this.contract = contract;
		this.rules = rules;
		this.json = json;
		this.notifications = notifications;
		this.preferences = preferences;
		this.templates = templates;
		this.clock = clock;
		this.portalUrl = portalUrl;
	}

	@KafkaListener(topics = "referral-events", groupId = "${spring.kafka.consumer.group-id:notification-service}")
	void on(ConsumerRecord<String, String> record) {
		CorrelationId.during(CorrelationId.of(record.headers()), () -> {
			List<String> violations = record.value() == null ? List.of("empty record") : contract.violations(record.value());
			if (!violations.isEmpty()) {
				throw new InvalidEvent(violations);
			}
			JsonNode event = json.readTree(record.value());
			List<Notification> raised = rules.of(event).stream().map(alert -> notification(event, alert)).toList();
			notifications.raise(raised);
			log.info("Event {} ({}): {} alert(s) raised", event.get("eventId").asString(), event.get("type").asString(),
					raised.size());
		});
	}

	private Notification notification(JsonNode event, AlertRules.Alert alert) {
		String eventId = event.get("eventId").asString();
		String referralId = event.get("referralId").asString();
		String link = portalUrl + "/referrals/" + referralId;
		String type = event.get("type").asString();
		MailTemplates.Rendered words = templates.render(alert.subject(), alert.paragraphs(), alert.linkText(), link);
		Preference preference = preferences.of(alert.recipient());
		String webhookBody = preference.channel() == Channel.WEBHOOK ? json.writeValueAsString(Map.of("notificationId",
				Notification.idOf(eventId, alert.role()), "type", type, "occurredAt", event.get("occurredAt").asString(),
				"referralId", referralId, "placeId", event.get("placeId").asString(), "placeName",
				event.get("placeName").asString(), "subject", alert.subject(), "link", link)) : null;
		String textMessage = preference.channel() == Channel.TEXT ? alert.subject() + ". Open it: " + link : null;
		return Notification.of(new Notification.Event(eventId, type, referralId),
				new Notification.Recipient(alert.role(), alert.recipient().toLowerCase(Locale.ROOT)),
				new Notification.Message(words.subject(), words.text(), words.html(), webhookBody, textMessage),
				preference.channel(),
				preference.address(), Instant.parse(event.get("occurredAt").asString()), clock.instant());
	}

	/** An event that breaks the contract: retrying cannot fix it, so it goes to the dead-letter topic. */
	static class InvalidEvent extends RuntimeException {

		InvalidEvent(List<String> violations) {
			super("Event breaks the contract: " + String.join("; ", violations));
		}

	}

}
