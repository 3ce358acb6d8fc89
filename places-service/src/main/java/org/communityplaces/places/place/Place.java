package org.communityplaces.places.place;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.communityplaces.places.taxonomy.Taxonomies;
import org.communityplaces.platform.outbox.OutboxEntry;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A community place: in Open Referral terms one service at one location, with the
 * organisation that runs it, what it offers and to whom, its opening times, the host who
 * answers referrals and the capacity the host keeps up to date. One document, so every change
 * and its {@code PlaceChanged} event are one atomic write; a change replaces whole parts.
 */
@Document("places")
public record Place(@Id String id, @Version Long version, String name, String description, PlaceKind kind,
		Organization organization, Offer offer, Location location, List<OpeningTime> openingTimes, Host host,
		Capacity capacity, PlaceStatus status, Timeline timeline, Idempotency idempotency, List<OutboxEntry> outbox,
		Upkeep upkeep) {

	/** In Open Referral terms the place is a service at a location; this is the link's stable id. */
	public String serviceAtLocationId() {
		return Taxonomies.stableId("service_at_location", id);
	}

	/** How the listing is kept true; for a place stored before that was kept, checked when it was last changed. */
	public Upkeep upkeep() {
		return upkeep == null ? new Upkeep(timeline.lastModified(), null, null, null, List.of()) : upkeep;
	}

	public boolean removed() {
		return timeline.removedAt() != null;
	}

	/** Said to be free: a place that says nothing about its cost is not. */
	public boolean offeredFree() {
		return offer.cost() != null && offer.cost().free();
	}

	public boolean costKnown() {
		return offer.cost() != null;
	}

	/** Active and not reporting zero places free: what other services need to know to refer to it. */
	boolean acceptingReferrals() {
		return status == PlaceStatus.ACTIVE && (capacity == null || capacity.available() > 0);
	}

	Place withOpeningTimes(List<OpeningTime> newOpeningTimes) {
		return new Place(id, version, name, description, kind, organization, offer, location,
				List.copyOf(newOpeningTimes), host, capacity, status, timeline, idempotency, outbox, upkeep);
	}

	Place withHost(Host newHost) {
		return new Place(id, version, name, description, kind, organization, offer, location, openingTimes, newHost,
				capacity, status, timeline, idempotency, outbox, upkeep);
	}

	Place withCapacity(Capacity newCapacity) {
		return new Place(id, version, name, description, kind, organization, offer, location, openingTimes, host,
				newCapacity, status, timeline, idempotency, outbox, upkeep);
	}

	Place withStatus(PlaceStatus newStatus) {
		return new Place(id, version, name, description, kind, organization, offer, location, openingTimes, host,
				capacity, newStatus, timeline, idempotency, outbox, upkeep);
	}

	Place withTimeline(Timeline newTimeline) {
		return new Place(id, version, name, description, kind, organization, offer, location, openingTimes, host,
				capacity, status, newTimeline, idempotency, outbox, upkeep);
	}

	Place withIdempotency(Idempotency newIdempotency) {
		return new Place(id, version, name, description, kind, organization, offer, location, openingTimes, host,
				capacity, status, timeline, newIdempotency, outbox, upkeep);
	}

	Place withUpkeep(Upkeep newUpkeep) {
		return new Place(id, version, name, description, kind, organization, offer, location, openingTimes, host,
				capacity, status, timeline, idempotency, outbox, newUpkeep);
	}

	Place withOutbox(List<OutboxEntry> newOutbox) {
		return new Place(id, version, name, description, kind, organization, offer, location, openingTimes, host,
				capacity, status, timeline, idempotency, newOutbox, upkeep);
	}

	/** The organisation that runs the place; its id is derived from its name, so places of one organisation share it. */
	public record Organization(String id, String name, String description) {
	}

	/**
	 * What the place offers and to whom: its activities, how it meets access needs, its cost
	 * (null when nobody has said) and the ages it welcomes.
	 */
	public record Offer(List<String> activities, List<String> accessibility, Cost cost, Integer minimumAge,
			Integer maximumAge) {
	}

	public record Cost(boolean free, BigDecimal amount, String description) {
	}

	/**
	 * Where the place is: as much of its address as is known, the point it is found at by
	 * distance (null for an online place with no postcode, say) and how people get there (null
	 * in places stored before it was kept: in person).
	 */
	public record Location(Address address, Double latitude, Double longitude, Attendance attendance) {

		public boolean hasPosition() {
			return latitude != null && longitude != null;
		}

		public Attendance attendance() {
			return attendance == null ? Attendance.IN_PERSON : attendance;
		}

	}

	/** Each part null when not known; the district is the postcode's, or the nearest to the place's position. */
	public record Address(String line1, String city, String postcode, String district) {
	}

	public record Host(String name, String email, String phone) {
	}

	/** As HSDS 3.1's draft {@code service_capacity}: places free now, at most, and when the venue last said so. */
	public record Capacity(int available, int maximum, Instant updated) {
	}

	/**
	 * When the place was registered, last changed, and taken out of the catalogue (null while
	 * it is in it): a removed place is kept, so that referrals to it keep their history.
	 */
	public record Timeline(Instant createdAt, Instant lastModified, Instant removedAt) {

		static Timeline startedAt(Instant now) {
			return new Timeline(now, now, null);
		}

		/** Changed now, and in the catalogue (again, if it had been removed). */
		Timeline modifiedAt(Instant now) {
			return new Timeline(createdAt, now, null);
		}

		Timeline removedAt(Instant now) {
			return new Timeline(createdAt, now, now);
		}

	}

	/**
	 * Whether the listing is still right: when its host or an admin last said so (any edit of
	 * theirs, or a confirmation), when the host was last asked to check it, what anyone has
	 * reported wrong since, the day it opens again after a closure and the day it is first
	 * listed (each null when there is none).
	 */
	public record Upkeep(Instant lastChecked, Instant reviewAskedAt, LocalDate closedUntil, LocalDate listedFrom,
			List<Report> reports) {

		/** The newest reports kept open on one place: more say nothing new, and cannot grow it without end. */
		public static final int MOST_OPEN_REPORTS = 20;

		public Upkeep {
			reports = reports == null ? List.of() : List.copyOf(reports);
		}

		static Upkeep checkedFirstAt(Instant now) {
			return new Upkeep(now, null, null, null, List.of());
		}

		/** Checked now by its host or an admin: what was reported is dealt with, and no review is waiting. */
		Upkeep checkedAt(Instant now) {
			return new Upkeep(now, null, closedUntil, listedFrom, List.of());
		}

		Upkeep withDates(LocalDate newClosedUntil, LocalDate newListedFrom) {
			return new Upkeep(lastChecked, reviewAskedAt, newClosedUntil, newListedFrom, reports);
		}

		public Upkeep askedAt(Instant now) {
			return new Upkeep(lastChecked, now, closedUntil, listedFrom, reports);
		}

		public Upkeep reported(Report report) {
			List<Report> kept = new ArrayList<>(reports);
			kept.add(report);
			return new Upkeep(lastChecked, reviewAskedAt, closedUntil, listedFrom,
					kept.subList(Math.max(0, kept.size() - MOST_OPEN_REPORTS), kept.size()));
		}

	}

	/**
	 * Someone said the listing is out of date: what is wrong, as the contract's
	 * {@code listing-problem} vocabulary codes it, and in their words if they gave any. Nothing
	 * about who said it is kept.
	 */
	public record Report(String id, String problem, String details, Instant reportedAt) {
	}

	/**
	 * What registered the place, when the admin gave an {@code Idempotency-Key}; null otherwise.
	 * @param key the admin's id and their {@code Idempotency-Key} (unique)
	 * @param requestHash what was asked for under that key, so a reused key with another request is refused
	 */
	record Idempotency(@Indexed(unique = true, sparse = true) String key, String requestHash) {
	}

}
