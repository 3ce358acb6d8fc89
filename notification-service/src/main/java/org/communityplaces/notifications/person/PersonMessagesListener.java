package org.communityplaces.notifications.person;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.notifications.notify.GovUkNotify;
import org.communityplaces.platform.correlation.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads messages for people referred, checked against the contract, from their own topic,
 * which nothing else reads. A message that cannot go the way the person chose in this
 * deployment (a text or a letter without GOV.UK Notify) is recorded as not sent, saying so in
 * words the referrer's page shows, and its address is not kept at all.
 */
@Component
class PersonMessagesListener {

	private static final Logger log = LoggerFactory.getLogger(PersonMessagesListener.class);

	static final String NEEDS_NOTIFY_FOR_TEXT = "Not sent: text messages need GOV.UK Notify. "
			+ "Print the letter and give it to the person instead.";

	static final String NEEDS_NOTIFY_FOR_LETTER = "Not sent: letters need GOV.UK Notify. "
			+ "Print the letter and give it to the person instead.";

	private final EventContract contract;

	private final JsonMapper json;

	private final PersonMessages messages;

	private final GovUkNotify notify;

	private final PersonDataErasure personData;

	private final Clock clock;

	PersonMessagesListener(EventContract contract, JsonMapper json, PersonMessages messages, GovUkNotify notify,
			PersonDataErasure personData, Clock clock) {
		this.contract = contract;
		this.json = json;
		this.messages = messages;
		this.notify = notify;
		this.personData = personData;
		this.clock = clock;
	}

	@KafkaListener(topics = "person-messages", groupId = "${spring.kafka.consumer.group-id:notification-service}")
	void on(ConsumerRecord<String, String> record) {
		CorrelationId.during(CorrelationId.of(record.headers()), () -> {
			List<String> violations = record.value() == null ? List.of("empty record") : contract.violations(record.value());
			JsonNode event = violations.isEmpty() ? json.readTree(record.value()) : null;
			if (event == null || !event.get("type").asString().equals("PersonToBeTold")) {
				// Never quoted: a broken message may hold an address
				log.error("A record on person-messages that is not a message for a person by the contract "
						+ "({} problems) was not sent", violations.size());
				return;
			}
			String way = event.get("way").asString();
			String notSent = personData.erased(event.get("referralId").asString()) ? PersonDataErasure.ERASED
					: way.equals("text") && !notify.settings().sendsTextMessages() ? NEEDS_NOTIFY_FOR_TEXT
					: way.equals("letter") && !notify.settings().sendsLetters() ? NEEDS_NOTIFY_FOR_LETTER : null;
			Instant now = clock.instant();
			messages.keep(new PersonMessage(event.get("eventId").asString(), event.get("referralId").asString(),
					event.get("referrerId").asString(), event.get("kind").asString(), way,
					notSent == null ? PersonMessage.Status.PENDING : PersonMessage.Status.NOT_SENT, notSent, 0,
					notSent == null ? now : null, now, notSent == null ? null : now,
					notSent == null ? envelope(event, way) : null));
			log.info("Message {} for the person of referral {}: {} by {}", event.get("eventId").asString(),
					event.get("referralId").asString(), notSent == null ? "to send" : "not sendable here", way);
		});
	}

	private static PersonMessage.Envelope envelope(JsonNode event, String way) {
		List<String> to = new ArrayList<>();
		switch (way) {
			case "text" -> to.add(event.get("mobileNumber").asString());
			case "email" -> to.add(event.get("emailAddress").asString());
			default -> {
				to.add(event.get("recipientName").asString());
				event.get("postalAddress").get("lines").forEach(line -> to.add(line.asString()));
				to.add(event.get("postalAddress").get("postcode").asString());
			}
		}
		return new PersonMessage.Envelope(List.copyOf(to), event.get("recipientName").asString(),
				event.get("subject").asString(), event.get("paragraphs").valueStream().map(JsonNode::asString).toList());
	}

}
