package org.communityplaces.notifications.alert;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.contracts.EventContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads referral events, checked against the event contract, and alerts the people they concern. */
@Component
class ReferralEventsListener {

	private final EventContract contract;

	private final JsonMapper json;

	private final Alerts alerts;

	private final String portalUrl;

	ReferralEventsListener(EventContract contract, JsonMapper json, Alerts alerts,
			@Value("${notifications.portal-url}") String portalUrl) {
		this.contract = contract;
		this.json = json;
		this.alerts = alerts;
		this.portalUrl = portalUrl;
	}

	@KafkaListener(topics = "referral-events", groupId = "${spring.kafka.consumer.group-id:notification-service}")
	void on(ConsumerRecord<String, String> record) {
		List<String> violations = record.value() == null ? List.of("empty record") : contract.violations(record.value());
		if (!violations.isEmpty()) {
			throw new InvalidEvent(violations);
		}
		JsonNode event = json.readTree(record.value());
		String eventId = event.get("eventId").asString();
		String referralId = event.get("referralId").asString();
		String placeName = event.get("placeName").asString();
		switch (event.get("type").asString()) {
			case "ReferralRequested" -> alerts.email(eventId, referralId, Alert.RecipientRole.HOST,
					event.get("hostEmail").asString(), AlertMessage.newReferral(placeName, portalUrl));
			case "ReferralAccepted" -> alerts.email(eventId, referralId, Alert.RecipientRole.REFERRER,
					event.get("referrerEmail").asString(), AlertMessage.referralAccepted(placeName, portalUrl));
			default -> {
				// Other referral events alert nobody yet.
			}
		}
	}

	/** An event that breaks the contract: retrying cannot fix it, so it goes to the dead-letter topic. */
	static class InvalidEvent extends RuntimeException {

		InvalidEvent(List<String> violations) {
			super("Event breaks the contract: " + String.join("; ", violations));
		}

	}

}
