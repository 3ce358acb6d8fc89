package org.communityplaces.places.search;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.communityplaces.places.place.Place;
import org.communityplaces.places.place.PlaceStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's index in step with MongoDB: a full build at start, then every change
 * made here at once, every change made on another instance when its {@code PlaceChanged} or
 * {@code PlaceRemoved} event arrives, and a sweep of recently modified places as a safety net
 * for events this instance missed (while it started, or while Kafka was away). Each path
 * re-reads the place from MongoDB, so the order in which they arrive does not matter.
 */
@Component
class PlaceIndexer {

	private static final Logger log = LoggerFactory.getLogger(PlaceIndexer.class);

	/** How far back the sweep looks past its watermark, for clocks of different instances that disagree a little. */
	private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

	private static final int BATCH_SIZE = 1_000;

	private static final String LAST_MODIFIED = "timeline.lastModified";

	private final PlaceIndex index;

	private final MongoTemplate mongo;

	private final Timer rebuilds;

	private volatile Instant watermark = Instant.EPOCH;

	PlaceIndexer(PlaceIndex index, MongoTemplate mongo, MeterRegistry meters) {
		this.index = index;
		this.mongo = mongo;
		this.rebuilds = Timer.builder("places.index.rebuild").description("Time to build the search index from MongoDB")
			.register(meters);
		Gauge.builder("places.index.documents", index, PlaceIndex::size)
			.description("Places in this instance's search index")
			.register(meters);
	}

	@EventListener(ApplicationStartedEvent.class)
	void buildAtStart() {
		mongo.indexOps(Place.class)
			.createIndex(new Index().on(LAST_MODIFIED, Sort.Direction.ASC).named("timeline_last_modified"));
		Instant startedAt = Instant.now();
		Instant readFrom = latestModification();
		int count;
		try (Stream<Place> places = inBatches(Criteria.where("timeline.removedAt").is(null))) {
			count = rebuilds.record(() -> index.rebuild(places));
		}
		watermark = readFrom;
		log.info("Search index built with {} places in {} ms", count, Duration.between(startedAt, Instant.now()).toMillis());
	}

	@EventListener
	void placeStoredHere(PlaceStored stored) {
		reindex(stored.place().id());
	}

	/**
	 * A store outage holds the events until it is over (the platform's error handler); one that
	 * cannot be read is passed over, as the sweep finds its place anyway. Each instance reads in
	 * a group of its own, so nothing here is parked for admins.
	 */
	@KafkaListener(topics = "${outbox.topic}", groupId = "places-index-${random.uuid}",
			properties = "auto.offset.reset=latest")
	void placeChangedSomewhere(String event) {
		JsonNode placeId = JsonMapper.shared().readTree(event).path("placeId");
		if (placeId.isString()) {
			reindex(placeId.asString());
		}
		else {
			log.warn("Ignored a place event without a placeId");
		}
	}

	@Scheduled(fixedDelayString = "${places.search.sweep-interval:30s}", initialDelayString = "${places.search.sweep-interval:30s}")
	void sweepRecentChanges() {
		Instant from = watermark.minus(CLOCK_SKEW);
		Instant newest = watermark;
		try (Stream<Place> changed = inBatches(Criteria.where(LAST_MODIFIED).gte(from))) {
			for (Place place : (Iterable<Place>) changed::iterator) {
				reindex(place.id());
				Instant modified = place.timeline().lastModified();
				newest = modified.isAfter(newest) ? modified : newest;
			}
		}
		watermark = newest;
	}

	synchronized void reindex(String placeId) {
		Place place = mongo.findById(placeId, Place.class);
		if (place == null) {
			index.remove(placeId);
		}
		else {
			index.put(place);
		}
	}

	/**
	 * The matching places through a cursor, a batch at a time. Without a batch size the
	 * embedded store answers with every document in one reply, which for a large catalogue is
	 * more than a MongoDB wire message may hold.
	 */
	private Stream<Place> inBatches(Criteria filter) {
		return mongo.stream(Query.query(filter).cursorBatchSize(BATCH_SIZE), Place.class);
	}

	private Instant latestModification() {
		Place latest = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, LAST_MODIFIED)).limit(1), Place.class);
		return latest == null ? Instant.EPOCH : latest.timeline().lastModified();
	}

}
