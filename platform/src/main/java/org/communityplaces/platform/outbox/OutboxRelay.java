package org.communityplaces.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.communityplaces.platform.correlation.CorrelationId;
import org.communityplaces.platform.tracing.TraceParent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Relays outbox entries to Kafka, in order per aggregate, keyed by the aggregate id. An entry
 * is marked sent only after the broker acknowledged it (acks=all, idempotent producer); if the
 * relay dies or the broker is down, the entry stays pending and is sent on a later pass. A
 * crash between the acknowledgement and the mark sends it again, so delivery is at least
 * once and consumers deduplicate on {@code eventId}.
 * <p>
 * A service that stores outbox entries announces it with {@link OutboxWritten}, and the
 * relay sends them straight away on its own thread; the periodic sweep only picks up what
 * that missed (a broker outage, a restart), so it can be infrequent, which matters on the
 * embedded store, where the sweep's query reads the whole collection.
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final String PENDING_FIELD = "outbox.sentAt";

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final Clock clock;

	/**
	 * Set by a send the broker did not take, cleared by one it did. While set, writes are left
	 * to the sweep rather than each waiting out the send timeout on the relay's one thread.
	 */
	private volatile boolean brokerFailing;

	private final String collection;

	private final int batchSize;

	private final Duration sendTimeout;

	private final Counter relayed;

	private final Counter failures;

	private final Duration keepSent;

	private final ThreadPoolTaskExecutor sender;

	OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, Clock clock, MeterRegistry meters,
			ThreadPoolTaskExecutor sender, String collection, int batchSize, Duration sendTimeout, Duration keepSent) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.clock = clock;
		this.sender = sender;
		this.collection = collection;
		this.batchSize = batchSize;
		this.sendTimeout = sendTimeout;
		this.keepSent = keepSent;
		this.relayed = Counter.builder("outbox.relayed").description("Events the broker acknowledged").register(meters);
		this.failures = Counter.builder("outbox.relay.failures").description("Relay attempts that failed").register(meters);
		Gauge.builder("outbox.pending", this, OutboxRelay::pendingAggregates)
			.description("Documents with events not yet acknowledged by the broker")
			.register(meters);
	}

	/** The sweep looks for pending entries: on MongoDB an index keeps that cheap. */
	@EventListener(ApplicationReadyEvent.class)
	public void indexPendingEntries() {
		mongo.indexOps(collection).createIndex(new Index().on(PENDING_FIELD, Sort.Direction.ASC).named("outbox_pending"));
	}

	@EventListener
	public void outboxWritten(OutboxWritten written) {
		if (!brokerFailing) {
			sender.execute(() -> relay(written.aggregateId()));
		}
	}

	@Scheduled(fixedDelayString = "${outbox.sweep-interval-ms:5000}")
	public void relayPending() {
		Query pendingIds = pendingQuery().limit(batchSize);
		pendingIds.fields().include("_id");
		for (Document aggregate : mongo.find(pendingIds, Document.class, collection)) {
			if (!relay(aggregate.get("_id"))) {
				return;
			}
		}
	}

	/**
	 * Reads the aggregate afresh and sends what is still pending; one aggregate at a time, so
	 * the sweep and an announced write never send the same entry together.
	 * @return false when the broker did not take an event, so the pass should stop for now
	 */
	private synchronized boolean relay(Object id) {
		Document aggregate = mongo.findById(id, Document.class, collection);
		if (aggregate == null) {
			return true;
		}
		for (Document entry : aggregate.getList("outbox", Document.class, List.of())) {
			if (entry.get("sentAt") != null) {
				continue;
			}
			String eventId = entry.getString("eventId");
			ProducerRecord<String, String> record = new ProducerRecord<>(entry.getString("topic"), id.toString(),
					entry.getString("payload"));
			record.headers().add("eventType", entry.getString("type").getBytes(StandardCharsets.UTF_8));
			String correlationId = entry.getString("correlationId");
			if (correlationId != null) {
				record.headers().add(CorrelationId.KEY, correlationId.getBytes(StandardCharsets.UTF_8));
			}
			String traceparent = entry.getString("traceparent");
			if (traceparent != null) {
				record.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
			}
			try {
				kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			catch (ExecutionException | TimeoutException | RuntimeException ex) {
				failures.increment();
				brokerFailing = true;
				log.warn("Outbox relay could not publish event {} of type {}; it stays pending: {}", eventId,
						entry.getString("type"), ex.toString());
				return false;
			}
			// Once the broker has it, the event's words are not kept: they may name or reach a person.
			mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("outbox.eventId").is(eventId)),
					new Update().set("outbox.$.sentAt", clock.instant()).unset("outbox.$.payload"), collection);
			relayed.increment();
			brokerFailing = false;
		}
		forgetSentBefore(id, clock.instant().minus(keepSent));
		return true;
	}

	/**
	 * Keeps an often-changed aggregate's outbox short: entries the broker took long ago are
	 * dropped. A separate write from the versioned change, as MongoDB cannot append to and
	 * pull from one array in one update; it never touches a pending entry.
	 */
	private void forgetSentBefore(Object id, Instant before) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("outbox.sentAt").lt(before)),
				new Update().pull("outbox", Query.query(Criteria.where("sentAt").lt(before)).getQueryObject()),
				collection);
	}

	private double pendingAggregates() {
		return mongo.count(pendingQuery(), collection);
	}

	private static Query pendingQuery() {
		return Query.query(Criteria.where("outbox").elemMatch(Criteria.where("sentAt").is(null)))
			.with(Sort.by("_id"));
	}

}
