package org.communityplaces.places.place;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.communityplaces.places.geo.Postcodes;
import org.communityplaces.places.place.PlaceDetails.CapacityDetails;
import org.communityplaces.places.place.PlaceDetails.HostDetails;
import org.communityplaces.places.taxonomy.Taxonomies;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.outbox.Outbox;
import org.communityplaces.platform.problem.Problem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The catalogue's one way in for changes. Every change is checked in full before anything is
 * written, stored through the outbox in one single-document write together with its event
 * (if someone else saved in between, it changes nothing and answers 409), and then handed to
 * this instance's search index; other instances hear of it from the event.
 */
@Component
public class Catalogue {

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final Taxonomies taxonomies;

	private final Postcodes postcodes;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final JsonMapper json;

	Catalogue(MongoTemplate mongo, Outbox outbox, Taxonomies taxonomies, Postcodes postcodes,
			ApplicationEventPublisher publisher, Clock clock, JsonMapper json) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.taxonomies = taxonomies;
		this.postcodes = postcodes;
		this.publisher = publisher;
		this.clock = clock;
		this.json = json;
	}

	public Optional<Place> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Place.class)).filter(place -> !place.removed());
	}

	public Place get(String id) {
		return find(id).orElseThrow(PlaceNotFound::new);
	}

	public List<Place> findAll(Collection<String> ids) {
		return mongo.find(Query.query(Criteria.where("_id").in(ids).and("timeline.removedAt").is(null)), Place.class);
	}

	/** A page of the places matching, by name. */
	List<Place> list(Criteria which, int page, int size) {
		Query query = Query.query(new Criteria().andOperator(which, Criteria.where("timeline.removedAt").is(null)))
			.with(Sort.by("name", "_id"))
			.skip((long) page * size)
			.limit(size);
		return mongo.find(query, Place.class);
	}

	public Place create(PlaceDetails details) {
		return upsert(UUID.randomUUID().toString(), details).place();
	}

	/**
	 * Registers a place, or with {@code idempotencyKey} returns the one the caller already
	 * registered with that key for the same details: found before anything else is checked, so
	 * a retry after a timeout gets it and never makes a second place. Keys are each caller's own.
	 */
	Place create(Caller caller, PlaceDetails details, String idempotencyKey) {
		if (idempotencyKey == null) {
			return create(details);
		}
		String key = caller.id() + ":" + idempotencyKey;
		String requestHash = hash(json.writeValueAsString(details));
		Optional<Place> madeBefore = findByIdempotencyKey(key);
		if (madeBefore.isPresent()) {
			return sameRequest(madeBefore.get(), requestHash);
		}
		Instant now = clock.instant();
		Place place = build(UUID.randomUUID().toString(), details, null, now)
			.withIdempotency(new Place.Idempotency(key, requestHash));
		try {
			return inserted(place, now);
		}
		catch (DuplicateKeyException madeAtTheSameTime) {
			return findByIdempotencyKey(key).map(earlier -> sameRequest(earlier, requestHash))
				.orElseThrow(IdempotencyKeyReused::new);
		}
	}

	private Optional<Place> findByIdempotencyKey(String key) {
		return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("idempotency.key").is(key)), Place.class));
	}

	/** The place a key registered before, if this is the request that registered it. */
	private static Place sameRequest(Place madeBefore, String requestHash) {
		if (!requestHash.equals(madeBefore.idempotency().requestHash())) {
			throw new IdempotencyKeyReused();
		}
		return madeBefore;
	}

	/** Creates or replaces the place with this id; storing what is already there changes nothing. */
	public Upserted upsert(String id, PlaceDetails details) {
		Instant now = clock.instant();
		Place existing = mongo.findById(id, Place.class);
		if (existing == null) {
			return new Upserted(inserted(build(id, details, null, now), now), Upserted.Outcome.CREATED);
		}
		Place candidate = build(id, details, existing, now);
		if (candidate.equals(existing.withUpkeep(existing.upkeep()))) {
			return new Upserted(existing, Upserted.Outcome.UNCHANGED);
		}
		Place replaced = candidate.withTimeline(existing.timeline().modifiedAt(now))
			.withUpkeep(candidate.upkeep().checkedAt(now));
		Update everyPart = new Update().set("name", replaced.name())
			.set("description", replaced.description())
			.set("kind", replaced.kind())
			.set("organization", replaced.organization())
			.set("offer", replaced.offer())
			.set("location", replaced.location())
			.set("openingTimes", replaced.openingTimes())
			.set("host", replaced.host())
			.set("capacity", replaced.capacity())
			.set("status", replaced.status())
			.set("timeline", replaced.timeline())
			.set("upkeep", replaced.upkeep());
		return new Upserted(changed(replaced, everyPart, now), Upserted.Outcome.UPDATED);
	}

	public Place replace(String id, PlaceDetails details) {
		get(id);
		return upsert(id, details).place();
	}

	public Place changeOpeningTimes(String id, List<OpeningTime> openingTimes) {
		Place place = get(id).withOpeningTimes(openingTimes);
		return modified(place, new Update().set("openingTimes", place.openingTimes()), clock.instant());
	}

	public Place changeCapacity(String id, CapacityDetails capacity) {
		Instant now = clock.instant();
		Place place = get(id).withCapacity(new Place.Capacity(capacity.available(), capacity.maximum(), now));
		return modified(place, new Update().set("capacity", place.capacity()), now);
	}

	public Place changeHost(String id, HostDetails host) {
		Place place = get(id).withHost(host(host));
		return modified(place, new Update().set("host", place.host()), clock.instant());
	}

	/** The host or an admin says the listing is still right as it is. */
	public Place confirm(String id) {
		return modified(get(id), new Update(), clock.instant());
	}

	/** @param closedUntil the day the place opens again, or null; @param listedFrom the first day it is listed, or null */
	public Place changeListingDates(String id, LocalDate closedUntil, LocalDate listedFrom) {
		Place place = get(id);
		return modified(place.withUpkeep(place.upkeep().withDates(closedUntil, listedFrom)), new Update(),
				clock.instant());
	}

	public Place remove(String id) {
		Place place = get(id);
		Instant now = clock.instant();
		Place removed = place.withStatus(PlaceStatus.DEFUNCT).withTimeline(place.timeline().removedAt(now));
		return stored(outbox.update(Place.class, id, place.version(),
				new Update().set("status", removed.status()).set("timeline", removed.timeline()), now,
				PlaceRemoved.of(removed, place.version() + 1)));
	}

	/**
	 * The event that says what the place is at {@code placeVersion}, to follow any other event of
	 * the place: {@code place-events} is compacted by place id and keeps only a place's latest
	 * event, so a review or a report must not be the last word on what a place is.
	 */
	public static Record stateOf(Place place, long placeVersion) {
		return PlaceChanged.of(place, placeVersion);
	}

	/** Stores a new place with the event that says so. */
	private Place inserted(Place place, Instant now) {
		return stored(outbox.insert(place.withOutbox(List.of(outbox.entry(PlaceChanged.of(place, 0), now)))));
	}

	/** Stores the changed parts of a place that is in the catalogue, as changed and so checked now by its host or an admin. */
	private Place modified(Place place, Update changedParts, Instant now) {
		Place modified = place.withTimeline(place.timeline().modifiedAt(now)).withUpkeep(place.upkeep().checkedAt(now));
		return changed(modified,
				changedParts.set("timeline", modified.timeline()).set("upkeep", modified.upkeep()), now);
	}

	/** Stores these parts of the place, still at the version it was read at, with the event that says so. */
	private Place changed(Place place, Update parts, Instant now) {
		return stored(outbox.update(Place.class, place.id(), place.version(), parts, now,
				PlaceChanged.of(place, place.version() + 1)));
	}

	private Place stored(Place place) {
		publisher.publishEvent(new PlaceStored(place));
		return place;
	}

	/**
	 * The place the details describe, as a change of {@code existing} (or a new place when it is
	 * null) that is not yet stored: equal to {@code existing} when they say nothing new.
	 */
	private Place build(String id, PlaceDetails details, Place existing, Instant now) {
		checkTerms(Taxonomies.ACTIVITY, "activities", details.activities());
		checkTerms(Taxonomies.ACCESSIBILITY, "accessibility", details.accessibility());
		PlaceDetails.AddressDetails address = details.address();
		String postcode = blankToNull(address.postcode());
		Postcodes.Located located = postcode == null ? null
				: postcodes.locate(postcode)
					.orElseThrow(() -> new InvalidPlace("address.postcode",
							"is not a known UK postcode or postcode district"));
		Double latitude = details.latitude() != null ? details.latitude() : located == null ? null : located.latitude();
		Double longitude = details.longitude() != null ? details.longitude()
				: located == null ? null : located.longitude();
		String district = located != null ? located.district()
				: latitude == null ? null : postcodes.districtNear(latitude, longitude).orElse(null);
		String organization = details.organization().name().strip();
		PlaceDetails.CostDetails cost = details.cost();
		return new Place(id, existing == null ? null : existing.version(), details.name().strip(),
				blankToNull(details.description()), details.kind(),
				new Place.Organization(Taxonomies.stableId("organization", organization), organization,
						blankToNull(details.organization().description())),
				new Place.Offer(details.activities().stream().distinct().toList(),
						details.accessibility().stream().distinct().toList(),
						cost == null ? null
								: new Place.Cost(cost.free(), cost.free() || cost.amount() == null ? null
										: cost.amount().setScale(2, RoundingMode.HALF_UP),
										blankToNull(cost.description())),
						details.minimumAge(), details.maximumAge()),
				new Place.Location(new Place.Address(blankToNull(address.line1()), blankToNull(address.city()),
						located == null ? null : located.postcode(), district), latitude, longitude,
						address.attendance()),
				details.openingTimes(), host(details.host()),
				capacity(details.capacity(), existing == null ? null : existing.capacity(), now), details.status(),
				existing == null ? Place.Timeline.startedAt(now)
						: new Place.Timeline(existing.timeline().createdAt(), existing.timeline().lastModified(), null),
				existing == null ? null : existing.idempotency(), existing == null ? List.of() : existing.outbox(),
				existing == null ? Place.Upkeep.checkedFirstAt(now) : existing.upkeep());
	}

	/** The capacity as asked for; the current one, with when it was said, if that is what it already is. */
	private static Place.Capacity capacity(CapacityDetails requested, Place.Capacity current, Instant now) {
		if (requested == null) {
			return current;
		}
		if (current != null && current.available() == requested.available()
				&& current.maximum() == requested.maximum()) {
			return current;
		}
		return new Place.Capacity(requested.available(), requested.maximum(), now);
	}

	private static Place.Host host(HostDetails host) {
		return new Place.Host(blankToNull(host.name()), host.email().strip(), blankToNull(host.phone()));
	}

	private void checkTerms(String taxonomy, String field, List<String> codes) {
		for (int i = 0; i < codes.size(); i++) {
			if (!taxonomies.hasTerm(taxonomy, codes.get(i))) {
				throw new InvalidPlace(field + "[" + i + "]",
						"'" + codes.get(i) + "' is not a term of the " + taxonomy + " taxonomy (see /taxonomy_terms)");
			}
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String hash(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

	/** What an upsert did, so that an import can report it. */
	public record Upserted(Place place, Outcome outcome) {

		public enum Outcome {

			CREATED, UPDATED, UNCHANGED

		}

	}

	public static class PlaceNotFound extends Problem {

		PlaceNotFound() {
			super(HttpStatus.NOT_FOUND, "Place not found", "There is no such place.");
		}

	}

	static class IdempotencyKeyReused extends Problem {

		IdempotencyKeyReused() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key already used",
					"This Idempotency-Key was already used for a different place. Use a new key for a new place.");
		}

	}

	/** A place that passed the field checks but names an unknown term or postcode. */
	public static class InvalidPlace extends Problem {

		InvalidPlace(String field, String message) {
			super(HttpStatus.BAD_REQUEST, "Invalid place", field + " " + message + ".", field, message);
		}

	}

}
