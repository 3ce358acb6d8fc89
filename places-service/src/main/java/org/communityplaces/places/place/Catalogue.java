package org.communityplaces.places.place;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.communityplaces.places.geo.Postcodes;
import org.communityplaces.places.place.PlaceDetails.CapacityDetails;
import org.communityplaces.places.place.PlaceDetails.HostDetails;
import org.communityplaces.places.taxonomy.Vocabulary;
import org.communityplaces.platform.outbox.OutboxEntry;
import org.communityplaces.platform.outbox.OutboxWritten;
import org.communityplaces.platform.problem.Problem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.dao.OptimisticLockingFailureException;
import com.mongodb.client.result.UpdateResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The catalogue's one way in for changes. Every change is checked in full before anything is
 * written, stored in one single-document write together with its event, and then handed to
 * this instance's search index; other instances hear of it from the event.
 */
@Component
public class Catalogue {

	/** Named rather than typed where the write must not bump the version, as typed updates of a versioned entity do. */
	private static final String COLLECTION = "places";

	private final MongoTemplate mongo;

	private final Vocabulary vocabulary;

	private final Postcodes postcodes;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	Catalogue(MongoTemplate mongo, Vocabulary vocabulary, Postcodes postcodes, ApplicationEventPublisher publisher,
			Clock clock) {
		this.mongo = mongo;
		this.vocabulary = vocabulary;
		this.postcodes = postcodes;
		this.publisher = publisher;
		this.clock = clock;
	}

	public Optional<Place> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Place.class)).filter(place -> !place.removed());
	}

	public Place get(String id) {
		return find(id).orElseThrow(PlaceNotFound::new);
	}

	public List<Place> findAll(Collection<String> ids) {
		return mongo.find(Query.query(Criteria.where("_id").in(ids).and("removedAt").is(null)), Place.class);
	}

	/** A page of the places matching, by name. */
	List<Place> list(Criteria which, int page, int size) {
		Query query = Query.query(new Criteria().andOperator(which, Criteria.where("removedAt").is(null)))
			.with(Sort.by("name", "_id"))
			.skip((long) page * size)
			.limit(size);
		return mongo.find(query, Place.class);
	}

	public Place create(PlaceDetails details) {
		return upsert(UUID.randomUUID().toString(), details).place();
	}

	/** Creates or replaces the place with this id; storing what is already there changes nothing. */
	public Upserted upsert(String id, PlaceDetails details) {
		Instant now = clock.instant();
		Place existing = mongo.findById(id, Place.class);
		if (existing == null) {
			Place place = build(id, null, details, now, now, null, List.of());
			Place inserted = mongo.insert(place.withOutbox(List.of(PlaceEvents.changed(place, 0, now))));
			return new Upserted(stored(inserted), Upserted.Outcome.CREATED);
		}
		Place candidate = build(id, existing.version(), details, existing.createdAt(), existing.lastModified(),
				existing.capacity(), existing.outbox());
		if (candidate.equals(existing)) {
			return new Upserted(existing, Upserted.Outcome.UNCHANGED);
		}
		// built again as of now, so that a changed capacity says when it was updated
		Place replaced = build(id, existing.version(), details, existing.createdAt(), now, existing.capacity(),
				existing.outbox());
		return new Upserted(save(replaced, now), Upserted.Outcome.UPDATED);
	}

	public Place replace(String id, PlaceDetails details) {
		get(id);
		return upsert(id, details).place();
	}

	public Place changeOpeningTimes(String id, List<OpeningTime> openingTimes) {
		return change(id, place -> place.withOpeningTimes(openingTimes));
	}

	public Place changeCapacity(String id, CapacityDetails capacity) {
		return change(id, place -> place
			.withCapacity(new Place.Capacity(capacity.available(), capacity.maximum(), clock.instant())));
	}

	public Place changeHost(String id, HostDetails host) {
		return change(id, place -> place.withHost(host(host)));
	}

	public void remove(String id) {
		Place place = get(id);
		Instant now = clock.instant();
		write(place.removedAt(now), PlaceEvents.removed(place, place.version() + 1, now));
	}

	private Place change(String id, UnaryOperator<Place> change) {
		Instant now = clock.instant();
		return save(change.apply(get(id)).modifiedAt(now), now);
	}

	private Place save(Place place, Instant now) {
		return write(place, PlaceEvents.changed(place, place.version() + 1, now));
	}

	/**
	 * Writes every field but the outbox, appends the event to the outbox, and bumps the version,
	 * in one update that only applies to the version that was read: if someone else saved in
	 * between it changes nothing and answers 409. The outbox is never overwritten, so the
	 * relay's marks on entries it has sent are never lost.
	 */
	private Place write(Place place, OutboxEntry event) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(place.id())),
				new Update().pull("outbox", Query.query(Criteria.where("sentAt").ne(null)).getQueryObject()),
				COLLECTION);
		org.bson.Document fields = new org.bson.Document();
		mongo.getConverter().write(place, fields);
		Update update = new Update();
		mongo.getConverter().getMappingContext().getRequiredPersistentEntity(Place.class).doWithProperties(
				(org.springframework.data.mongodb.core.mapping.MongoPersistentProperty property) -> {
					String field = property.getFieldName();
					if (property.isIdProperty() || property.isVersionProperty() || field.equals("outbox")) {
						return;
					}
					if (fields.containsKey(field)) {
						update.set(field, fields.get(field));
					}
					else {
						update.unset(field);
					}
				});
		update.push("outbox", event).inc("version", 1);
		UpdateResult result = mongo.updateFirst(
				Query.query(Criteria.where("_id").is(place.id()).and("version").is(place.version())), update,
				Place.class);
		if (result.getMatchedCount() == 0) {
			throw new OptimisticLockingFailureException("Place " + place.id() + " changed since it was read");
		}
		return stored(mongo.findById(place.id(), Place.class));
	}

	private Place stored(Place place) {
		publisher.publishEvent(new PlaceStored(place));
		publisher.publishEvent(new OutboxWritten(place.id()));
		return place;
	}

	private Place build(String id, Long version, PlaceDetails details, Instant createdAt, Instant lastModified,
			Place.Capacity currentCapacity, List<OutboxEntry> outbox) {
		checkTerms(Vocabulary.ACTIVITY, "activities", details.activities());
		checkTerms(Vocabulary.ACCESSIBILITY, "accessibility", details.accessibility());
		Postcodes.Located located = postcodes.locate(details.address().postcode())
			.orElseThrow(() -> new InvalidPlace("address.postcode",
					"is not a known UK postcode or postcode district"));
		double latitude = details.latitude() != null ? details.latitude() : located.latitude();
		double longitude = details.longitude() != null ? details.longitude() : located.longitude();
		Place.Capacity capacity = capacity(details.capacity(), currentCapacity, lastModified);
		PlaceDetails.CostDetails cost = details.cost();
		return new Place(id, version, details.name().strip(), blankToNull(details.description()), details.kind(),
				new Place.Organization(Vocabulary.stableId("organization", details.organization().name().strip()),
						details.organization().name().strip(), blankToNull(details.organization().description())),
				details.activities().stream().distinct().toList(), details.accessibility().stream().distinct().toList(),
				new Place.Address(details.address().line1().strip(), details.address().city().strip(),
						located.postcode(), located.district()),
				latitude, longitude, details.openingTimes(),
				cost == null ? new Place.Cost(true, null, null)
						: new Place.Cost(cost.free(), cost.free() || cost.amount() == null ? null
								: cost.amount().setScale(2, RoundingMode.HALF_UP), blankToNull(cost.description())),
				details.minimumAge(), details.maximumAge(), host(details.host()), capacity, details.status(), createdAt,
				lastModified, null, outbox);
	}

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
			if (!vocabulary.hasTerm(taxonomy, codes.get(i))) {
				throw new InvalidPlace(field + "[" + i + "]",
						"'" + codes.get(i) + "' is not a term of the " + taxonomy + " taxonomy (see /taxonomy_terms)");
			}
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
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

	/** A place that passed the field checks but names an unknown term or postcode. */
	public static class InvalidPlace extends Problem {

		InvalidPlace(String field, String message) {
			super(HttpStatus.BAD_REQUEST, "Invalid place", field + " " + message + ".", field, message);
		}

	}

}
