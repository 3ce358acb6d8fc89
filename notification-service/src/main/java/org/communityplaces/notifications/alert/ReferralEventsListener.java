package org.communityplaces.notifications.alert;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.platform.correlation.CorrelationId;
import tools.jackson.databind.JsonNode;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads referral events, checked against the event contract, and raises a notification for
 * each person an event concerns, over the channel they chose. Delivery happens apart from
 * this listener, so a mail server outage never holds up the stream of events.
 */
@Component
class ReferralEventsListener {

	private final AlertNotifications notifications;

	private final AlertRules rules;

	ReferralEventsListener(AlertNotifications notifications, AlertRules rules) {
		this.notifications = notifications;
		this.rules = rules;
	}

	@KafkaListener(topics = "referral-events", groupId = "${spring.kafka.consumer.group-id:notification-service}")
	void on(ConsumerRecord<String, String> record) {
		CorrelationId.during(CorrelationId.of(record.headers()), () -> {
			JsonNode event = notifications.read(record);
			notifications.raise(event, rules.of(event));
		});
	}

}
