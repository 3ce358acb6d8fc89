package org.communityplaces.places.place;

import java.time.Instant;
import java.util.List;

import org.communityplaces.platform.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A community place: in Open Referral terms one service at one location, with the
 * organisation that runs it, its opening times, cost, eligibility, accessibility, the host
 * who answers referrals and the capacity the host keeps up to date. One document, so every
 * change and its {@code PlaceChanged} event are one atomic write.
 */
@Document("places")
public record Place(@Id String id, @Version Long version, String name, String description, PlaceKind kind,
		Organization organization, List<String> activities, List<String> accessibility, Address address,
		double latitude, double longitude, List<OpeningTime> openingTimes, Cost cost, Integer minimumAge,
		Integer maximumAge, Host host, Capacity capacity, PlaceStatus status, Instant createdAt,
		Instant lastModified, Instant removedAt, List<OutboxEntry> outbox) {

	/** In Open Referral terms the place is a service at a location; this is the link's stable id. */
	public String serviceAtLocationId() {
		return org.communityplaces.places.taxonomy.Vocabulary.stableId("service_at_location", id);
	}

	public boolean removed() {
		return removedAt != null;
	}

	Place withHost(Host newHost) {
		return new Place(id, version, name, description, kind, organization, activities, accessibility, address,
				latitude, longitude, openingTimes, cost, minimumAge, maximumAge, newHost, capacity, status, createdAt,
				lastModified, removedAt, outbox);
	}

	Place withOpeningTimes(List<OpeningTime> newOpeningTimes) {
		return new Place(id, version, name, description, kind, organization, activities, accessibility, address,
				latitude, longitude, List.copyOf(newOpeningTimes), cost, minimumAge, maximumAge, host, capacity, status,
				createdAt, lastModified, removedAt, outbox);
	}

	Place withCapacity(Capacity newCapacity) {
		return new Place(id, version, name, description, kind, organization, activities, accessibility, address,
				latitude, longitude, openingTimes, cost, minimumAge, maximumAge, host, newCapacity, status, createdAt,
				lastModified, removedAt, outbox);
	}

	Place withOutbox(List<OutboxEntry> newOutbox) {
		return new Place(id, version, name, description, kind, organization, activities, accessibility, address,
				latitude, longitude, openingTimes, cost, minimumAge, maximumAge, host, capacity, status, createdAt,
				lastModified, removedAt, newOutbox);
	}

	/** Changed now, and in the catalogue (again, if it had been removed). */
	Place modifiedAt(Instant now) {
		return new Place(id, version, name, description, kind, organization, activities, accessibility, address,
				latitude, longitude, openingTimes, cost, minimumAge, maximumAge, host, capacity, status, createdAt, now,
				null, outbox);
	}

	/** Taken out of the catalogue now; kept, so that referrals to it keep their history. */
	Place removedAt(Instant now) {
		return new Place(id, version, name, description, kind, organization, activities, accessibility, address,
				latitude, longitude, openingTimes, cost, minimumAge, maximumAge, host, capacity, PlaceStatus.DEFUNCT,
				createdAt, now, now, outbox);
	}

	public boolean offeredFree() {
		return cost == null || cost.free();
	}

	/** The organisation that runs the place; its id is derived from its name, so places of one organisation share it. */
	public record Organization(String id, String name, String description) {
	}

	public record Address(String line1, String city, String postcode, String district) {
	}

	public record Host(String name, String email, String phone) {
	}

	/** As HSDS 3.1's draft {@code service_capacity}: places free now, at most, and when the venue last said so. */
	public record Capacity(int available, int maximum, Instant updated) {
	}

	public record Cost(boolean free, java.math.BigDecimal amount, String description) {
	}

}
