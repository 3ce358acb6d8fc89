package org.communityplaces.places.place;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.communityplaces.places.geo.Postcodes;
import org.communityplaces.platform.outbox.OutboxEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the place events of the contract (contracts/asyncapi.yaml) as outbox entries. They
 * carry what other services keep in their snapshot of a place, never more.
 */
final class PlaceEvents {

	static final String TOPIC = "place-events";

	private static final int SCHEMA_VERSION = 1;

	private PlaceEvents() {
	}

	static OutboxEntry changed(Place place, long version, Instant at) {
		Map<String, Object> event = header("PlaceChanged", place, version, at);
		event.put("name", place.name());
		event.put("kind", place.kind().code());
		event.put("status", place.status().hsds());
		event.put("postcodeDistrict", place.address().district());
		event.put("area", Postcodes.areaOf(place.address().district()));
		event.put("hostEmail", place.host().email());
		event.put("acceptingReferrals", place.status() == PlaceStatus.ACTIVE
				&& (place.capacity() == null || place.capacity().available() > 0));
		return entry(event, at);
	}

	static OutboxEntry removed(Place place, long version, Instant at) {
		return entry(header("PlaceRemoved", place, version, at), at);
	}

	private static Map<String, Object> header(String type, Place place, long version, Instant at) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventId", UUID.randomUUID().toString());
		event.put("type", type);
		event.put("occurredAt", at.toString());
		event.put("schemaVersion", SCHEMA_VERSION);
		event.put("placeId", place.id());
		event.put("placeVersion", version);
		return event;
	}

	private static OutboxEntry entry(Map<String, Object> event, Instant at) {
		return OutboxEntry.pending((String) event.get("eventId"), (String) event.get("type"), TOPIC,
				JsonMapper.shared().writeValueAsString(event), at);
	}

}
