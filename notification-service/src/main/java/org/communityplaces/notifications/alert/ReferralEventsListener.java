package org.communityplaces.notifications.alert;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.notifications.person.PersonDataErasure;
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

	/**
	 * Alerts nobody: the alerts about the referral never held anything of the person, so only
	 * the messages for the person themselves are forgotten.
	 */
	private static final String PERSONAL_DATA_ERASED = "ReferralPersonalDataErased";

	private final AlertNotifications notifications;

	private final AlertRules rules;

	private final PersonDataErasure personData;

	ReferralEventsListener(AlertNotifications notifications, AlertRules rules, PersonDataErasure personData) {
		this.notifications = notifications;
		this.rules = rules;
		this.personData = personData;
	}

	@KafkaListener(topics = "referral-events", groupId = "${spring.kafka.consumer.group-id:notification-service}")
	void on(ConsumerRecord<String, String> record) {
		CorrelationId.during(CorrelationId.of(record.headers()), () -> {
			JsonNode event = notifications.read(record);
			if (event.get("type").asString().equals(PERSONAL_DATA_ERASED)) {
				personData.forget(event.get("referralId").asString());
				return;
			}
			notifications.raise(event, rules.of(event));
		});
	}

}
