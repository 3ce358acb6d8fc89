package org.communityplaces.referrals.place;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.platform.kafka.BrokenEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the place snapshots current from the catalogue's events, and the open referrals of each
 * place with the host its snapshot names. Every instance shares one consumer group, because
 * they share one database; a new deployment reads the topic from the start to fill its
 * snapshot. Each event can be processed again, by this instance or another, to the same end:
 * a failure part way (the snapshot kept, the referrals not yet moved) is finished by the
 * retry. A store that is down is waited for; an event that breaks the contract is parked on
 * {@code place-events-dlt} ({@link PlaceEventsConfiguration}).
 */
@Component
class PlaceEventsListener {

	static final String ID = "place-snapshots";

	private static final Logger log = LoggerFactory.getLogger(PlaceEventsListener.class);

	private final PlaceSnapshots snapshots;

	private final OpenReferralsFollowTheHost hosts;

	private final EventContract contract;

	private final JsonMapper json;

	PlaceEventsListener(PlaceSnapshots snapshots, OpenReferralsFollowTheHost hosts, EventContract contract,
			JsonMapper json) {
		this.snapshots = snapshots;
		this.hosts = hosts;
		this.contract = contract;
		this.json = json;
	}

	@KafkaListener(id = ID, topics = PlaceEventsConfiguration.TOPIC,
			groupId = "${places.snapshot.group-id:referral-service-places}", properties = "auto.offset.reset=earliest")
	void on(ConsumerRecord<String, String> record) {
		List<String> violations = record.value() == null ? List.of("empty record") : contract.violations(record.value());
		if (!violations.isEmpty()) {
			throw new BrokenEvent("Place event breaks the contract: " + String.join("; ", violations));
		}
		JsonNode event = json.readTree(record.value());
		String placeId = event.get("placeId").asString();
		long version = event.get("placeVersion").asLong();
		switch (event.get("type").asString()) {
			case "PlaceChanged" -> {
				snapshots.keep(new PlaceSummary(placeId, version, event.get("name").asString(),
						event.get("kind").asString(), PlaceSummary.districtOf(event.path("postcodeDistrict").asString("")),
						event.get("area").asString(), event.get("hostEmail").asString(),
						event.get("acceptingReferrals").asBoolean()));
				hosts.catchUp(placeId);
			}
			case "PlaceRemoved" -> snapshots.removed(placeId, version);
			default -> log.debug("Ignored place event of type {}", event.get("type").asString());
		}
	}

}
