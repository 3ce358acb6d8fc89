package org.communityplaces.referrals.place;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the place snapshots current from the catalogue's events. Every instance shares one
 * consumer group, because they share one database; a new deployment reads the topic from the
 * start to fill its snapshot.
 */
@Component
class PlaceEventsListener {

	private static final Logger log = LoggerFactory.getLogger(PlaceEventsListener.class);

	private final PlaceSnapshots snapshots;

	private final JsonMapper json;

	PlaceEventsListener(PlaceSnapshots snapshots, JsonMapper json) {
		this.snapshots = snapshots;
		this.json = json;
	}

	@KafkaListener(topics = "place-events", groupId = "${places.snapshot.group-id:referral-service-places}",
			properties = "auto.offset.reset=earliest")
	void on(ConsumerRecord<String, String> record) {
		JsonNode event;
		try {
			event = json.readTree(record.value());
		}
		catch (RuntimeException unreadable) {
			log.warn("Skipped an unreadable place event at offset {} of partition {}", record.offset(),
					record.partition());
			return;
		}
		String placeId = event.path("placeId").asString("");
		long version = event.path("placeVersion").asLong(-1);
		if (placeId.isEmpty() || version < 0) {
			log.warn("Skipped a place event without a place id or version at offset {}", record.offset());
			return;
		}
		switch (event.path("type").asString("")) {
			case "PlaceChanged" -> snapshots.keep(new PlaceSummary(placeId, version, event.path("name").asString(),
					event.path("kind").asString(), PlaceSummary.districtOf(event.path("postcodeDistrict").asString("")),
					event.path("area").asString(), event.path("hostEmail").asString(),
					event.path("acceptingReferrals").asBoolean()));
			case "PlaceRemoved" -> snapshots.removed(placeId, version);
			default -> log.debug("Ignored place event of type {}", event.path("type").asString(""));
		}
	}

}
