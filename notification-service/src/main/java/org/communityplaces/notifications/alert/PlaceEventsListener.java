package org.communityplaces.notifications.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;

/**
 * Reads the catalogue's events, checked against the event contract, and raises a notification
 * for each person a listing's review or report concerns, over the channel they chose, as
 * referral events are. A broken event goes to {@code place-events-dlt}.
 */
@Component
class PlaceEventsListener {

	private static final Logger log = LoggerFactory.getLogger(PlaceEventsListener.class);

	private final EventContract contract;

	private final ListingAlerts rules;

	private final JsonMapper json;

	private final Notifications notifications;

	private final Preferences preferences;

	private final MailTemplates templates;

	private final Clock clock;

	PlaceEventsListener(EventContract contract, ListingAlerts rules, JsonMapper json, Notifications notifications,
			Preferences preferences, MailTemplates templates, Clock clock) {
		this.contract = contract;
		this.rules = rules;
		this.json = json;
		this.notifications = notifications;
		this.preferences = preferences;
		this.templates = templates;
		this.clock = clock;
	}

	@KafkaListener(topics = "place-events", groupId = "${notifications.places.group-id:notification-service-places}")
	void on(ConsumerRecord<String, String> record) {
		CorrelationId.during(CorrelationId.of(record.headers()), () -> {
			List<String> violations = record.value() == null ? List.of("empty record") : contract.violations(record.value());
			if (!violations.isEmpty()) {
				throw new ReferralEventsListener.InvalidEvent(violations);
			}
			JsonNode event = json.readTree(record.value());
			List<Notification> raised = rules.of(event).stream().map(alert -> notification(event, alert)).toList();
			if (!raised.isEmpty()) {
				notifications.raise(raised);
				log.info("Event {} ({}): {} alert(s) raised", event.get("eventId").asString(),
						event.get("type").asString(), raised.size());
			}
		});
	}

	private Notification notification(JsonNode event, ListingAlerts.Alert alert) {
		String eventId = event.get("eventId").asString();
		String type = event.get("type").asString();
		MailTemplates.Rendered words = templates.render(alert.subject(), alert.paragraphs(), alert.linkText(),
				alert.link(), alert.otherLinkText(), alert.otherLink());
		Preference preference = preferences.of(alert.recipient());
		String webhookBody = preference.channel() == Channel.WEBHOOK ? json.writeValueAsString(Map.of("notificationId",
				Notification.idOf(eventId, alert.role()), "type", type, "occurredAt", event.get("occurredAt").asString(),
				"placeId", event.get("placeId").asString(), "placeName", event.get("placeName").asString(), "subject",
				alert.subject(), "link", alert.link())) : null;
		String textMessage = preference.channel() == Channel.TEXT ? alert.subject() + " Open it: " + alert.link() : null;
		return Notification.of(new Notification.Event(eventId, type, null),
				new Notification.Recipient(alert.role(), alert.recipient().toLowerCase(Locale.ROOT)),
				new Notification.Message(words.subject(), words.text(), words.html(), webhookBody, textMessage),
				preference.channel(), preference.address(), Instant.parse(event.get("occurredAt").asString()),
				clock.instant());
	}

	/** Declared here as well as by their producer, so that this consumer finds them whichever service starts first. */
	@Configuration(proxyBeanMethods = false)
	static class Topics {

		@Bean
		NewTopic placeEventsTopic(@Value("${places.topic.partitions:6}") int partitions,
				@Value("${places.topic.replicas:1}") short replicas) {
			return TopicBuilder.name("place-events").partitions(partitions).replicas(replicas).build();
		}

		/** Same partition count as the source topic: the recoverer keeps a record's partition. */
		@Bean
		NewTopic placeEventsDeadLetterTopic(@Value("${places.topic.partitions:6}") int partitions,
				@Value("${places.topic.replicas:1}") short replicas) {
			return TopicBuilder.name("place-events-dlt").partitions(partitions).replicas(replicas).build();
		}

	}

}
