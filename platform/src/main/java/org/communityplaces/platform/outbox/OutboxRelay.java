package org.communityplaces.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.bson.Document;
import org.communityplaces.platform.correlation.CorrelationId;
import org.communityplaces.platform.tracing.TraceParent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Relays outbox entries to Kafka, keyed by the aggregate id, in order per aggregate and topic.
 * An entry is marked sent only after the broker acknowledged it (acks=all, idempotent
 * producer); if the relay dies or the broker is down, the entry stays pending and is sent on
 * a later pass. A crash between the acknowledgement and the mark sends it again, so delivery
 * is at least once and consumers deduplicate on {@code eventId}.
 * <p>
 * An entry the broker does not take (its topic refuses it, it is too large, the broker is
 * away) counts the attempt and waits, twice as long after each failure up to a ceiling.
 * Meanwhile only the later entries of the same aggregate for the same topic wait behind it,
 * as their readers rely on the order; every other aggregate's entries go on being sent.
 * <p>
 * An instance claims an aggregate's outbox for a short lease before sending from it, so two
 * instances (or the sweep and an announced write in one) do not send the same entry together
 * while the lease lasts; entries written while another holds the claim are sent by the holder
 * once it has finished. Delivery is at least once all the same (a lease can run out during a
 * long backlog, an instance can die after a send): every reader drops an event id it has seen.
 * <p>
 * A service that stores outbox entries announces it with {@link OutboxWritten}, and the
 * relay sends them straight away on its own thread; the periodic sweep only picks up what
 * that missed (a broker outage, a restart, an entry waiting to be tried again), so it can be
 * infrequent, which matters on the embedded store, where the sweep's query reads the whole
 * collection. The sweep runs on one instance at a time.
 */
public class OutboxRelay {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final String PENDING_FIELD = "outbox.sentAt";

	private static final String CLAIM = "outboxClaim";

	private static final String CLAIMED_BY = CLAIM + ".by";

	private static final String CLAIMED_UNTIL = CLAIM + ".until";

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final Clock clock;

	/**
	 * Set by a send the broker did not take, cleared by one it did. While set, writes are left
	 * to the sweep rather than each waiting out the send timeout on the relay's one thread.
	 */
	private volatile boolean brokerFailing;

	private final RelaySettings settings;

	private final Counter relayed;

	private final Counter failures;

	private final ThreadPoolTaskExecutor sender;

	/**
	 * @param collection the aggregates' collection
	 * @param batchSize the most aggregates one sweep sends from
	 * @param sendTimeout how long a send waits for the broker's acknowledgement
	 * @param keepSent how long a sent entry is kept in its aggregate's outbox
	 * @param firstRetryAfter how long an entry waits after its first failed attempt, doubled after each further one
	 * @param longestRetryAfter the longest an entry waits between attempts
	 * @param claimLease how long an instance's claim on an aggregate's outbox lasts if it never lets go
	 */
	record RelaySettings(String collection, int batchSize, Duration sendTimeout, Duration keepSent,
			Duration firstRetryAfter, Duration longestRetryAfter, Duration claimLease) {
	}

	OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, Clock clock, MeterRegistry meters,
			ThreadPoolTaskExecutor sender, RelaySettings settings) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.clock = clock;
		this.sender = sender;
		this.settings = settings;
		this.relayed = Counter.builder("outbox.relayed").description("Events the broker acknowledged").register(meters);
		this.failures = Counter.builder("outbox.relay.failures").description("Relay attempts that failed").register(meters);
		Gauge.builder("outbox.pending", this, OutboxRelay::pendingAggregates)
			.description("Documents with events not yet acknowledged by the broker")
			.register(meters);
	}

	/** The sweep looks for pending entries: on MongoDB an index keeps that cheap. */
	@EventListener(ApplicationReadyEvent.class)
	public void indexPendingEntries() {
		mongo.indexOps(settings.collection())
			.createIndex(new Index().on(PENDING_FIELD, Sort.Direction.ASC).named("outbox_pending"));
	}

	@EventListener
	public void outboxWritten(OutboxWritten written) {
		if (!brokerFailing) {
			sender.execute(() -> relay(written.aggregateId()));
		}
	}

	/**
	 * Sends what is due, an aggregate at a time. An entry that fails is left to wait and the
	 * sweep goes on; two aggregates failing one after the other mean the broker is most likely
	 * away, so the pass stops there rather than wait out the send timeout for every aggregate.
	 */
	@Scheduled(fixedDelayString = "${outbox.sweep-interval-ms:5000}")
	@SchedulerLock(name = "outbox-sweep", lockAtMostFor = "2m")
	public void relayPending() {
		Query dueIds = dueQuery(clock.instant()).limit(settings.batchSize());
		dueIds.fields().include("_id");
		boolean previousFailed = false;
		for (Document aggregate : mongo.find(dueIds, Document.class, settings.collection())) {
			boolean failed = !relay(aggregate.get("_id"));
			if (failed && previousFailed) {
				return;
			}
			previousFailed = failed;
		}
	}

	/**
	 * Claims the aggregate's outbox and sends its due entries; then, if entries were written
	 * while it held the claim (their own relay found it claimed and left them), sends those too.
	 * @return false when the broker did not take one of its events
	 */
	private boolean relay(Object id) {
		boolean allTaken = true;
		Set<String> seen = new HashSet<>();
		// One token per relay, not per instance: the sweep and an announced write in one instance
		// must not let go of each other's claim when one of them outlived its lease
		String claimant = UUID.randomUUID().toString();
		Document aggregate = claim(id, claimant);
		while (aggregate != null) {
			allTaken &= sendDue(id, aggregate, seen);
			forgetSentBefore(id, clock.instant().minus(settings.keepSent()));
			Document released = release(id, claimant);
			aggregate = released != null && hasUnseenEntries(released, seen) ? claim(id, claimant) : null;
		}
		return allTaken;
	}

	/**
	 * Sends the aggregate's pending entries in order; an entry that is not yet due, or fails
	 * now, holds back the later entries for the same topic until it is due again.
	 */
	private boolean sendDue(Object id, Document aggregate, Set<String> seen) {
		boolean allTaken = true;
		Instant now = clock.instant();
		Map<String, Instant> heldUntilByTopic = new HashMap<>();
		for (Document entry : outboxOf(aggregate)) {
			if (entry.get("sentAt") != null) {
				continue;
			}
			String eventId = entry.getString("eventId");
			String topic = entry.getString("topic");
			seen.add(eventId);
			Instant nextAttemptAt = instant(entry.getDate("nextAttemptAt"));
			Instant heldUntil = heldUntilByTopic.get(topic);
			if (heldUntil != null) {
				if (nextAttemptAt == null || nextAttemptAt.isBefore(heldUntil)) {
					updateEntry(id, eventId, new Update().set("outbox.$.nextAttemptAt", heldUntil));
				}
			}
			else if (nextAttemptAt != null && nextAttemptAt.isAfter(now)) {
				heldUntilByTopic.put(topic, nextAttemptAt);
			}
			else {
				String notTaken = send(id, entry);
				if (notTaken == null) {
					// Once the broker has it, the event's words are not kept: they may name or reach a person.
					updateEntry(id, eventId,
							new Update().set("outbox.$.sentAt", clock.instant()).unset("outbox.$.payload"));
					relayed.increment();
					brokerFailing = false;
				}
				else {
					allTaken = false;
					int attempts = entry.getInteger("attempts", 0) + 1;
					Instant retryAt = clock.instant().plus(retryAfter(attempts));
					updateEntry(id, eventId,
							new Update().set("outbox.$.attempts", attempts).set("outbox.$.nextAttemptAt", retryAt));
					heldUntilByTopic.put(topic, retryAt);
					log.warn("Outbox relay could not publish event {} of type {} (attempt {}), tried again at {}: {}",
							eventId, entry.getString("type"), attempts, retryAt, notTaken);
				}
			}
		}
		return allTaken;
	}

	/** @return null once the broker acknowledged it, or why it did not */
	private String send(Object id, Document entry) {
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
		String notTaken;
		try {
			kafka.send(record).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			notTaken = ex.toString();
		}
		catch (TimeoutException ex) {
			notTaken = ex.toString();
			brokerFailing = true;
		}
		catch (ExecutionException | RuntimeException ex) {
			// The broker's reason (too large, no leader, timed out), not Spring's "Failed to send" around it
			Throwable reason = NestedExceptionUtils.getMostSpecificCause(ex);
			notTaken = reason.toString();
			// Only a broker that is away holds back the next writes' immediate sends, not one refused entry
			if (reason instanceof RetriableException) {
				brokerFailing = true;
			}
		}
		failures.increment();
		return notTaken;
	}

	/** Twice as long after each failed attempt, from the first wait up to the longest. */
	private Duration retryAfter(int attempts) {
		Duration longest = settings.longestRetryAfter();
		Duration wait = settings.firstRetryAfter();
		for (int attempt = 1; attempt < attempts && wait.compareTo(longest) < 0; attempt++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(longest) < 0 ? wait : longest;
	}

	/** The aggregate as claimed by {@code claimant}, or null if it is gone or another holds an unexpired claim. */
	private Document claim(Object id, String claimant) {
		Instant now = clock.instant();
		Query unclaimed = Query.query(Criteria.where("_id")
			.is(id)
			.orOperator(Criteria.where(CLAIMED_UNTIL).is(null), Criteria.where(CLAIMED_UNTIL).lte(now)));
		return mongo.findAndModify(unclaimed,
				new Update().set(CLAIM, new Document("by", claimant).append("until", Date.from(now.plus(settings.claimLease())))),
				FindAndModifyOptions.options().returnNew(true), Document.class, settings.collection());
	}

	/** The aggregate as it is once let go, or null if the claim had lapsed and another relay took it. */
	private Document release(Object id, String claimant) {
		return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and(CLAIMED_BY).is(claimant)),
				new Update().unset(CLAIM), FindAndModifyOptions.options().returnNew(true), Document.class,
				settings.collection());
	}

	private static boolean hasUnseenEntries(Document aggregate, Set<String> seen) {
		return outboxOf(aggregate).stream()
			.anyMatch(entry -> entry.get("sentAt") == null && !seen.contains(entry.getString("eventId")));
	}

	private void updateEntry(Object id, String eventId, Update update) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("outbox.eventId").is(eventId)), update,
				settings.collection());
	}

	/**
	 * Keeps an often-changed aggregate's outbox short: entries the broker took long ago are
	 * dropped. A separate write from the versioned change, as MongoDB cannot append to and
	 * pull from one array in one update; it never touches a pending entry.
	 */
	private void forgetSentBefore(Object id, Instant before) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("outbox.sentAt").lt(before)),
				new Update().pull("outbox", Query.query(Criteria.where("sentAt").lt(before)).getQueryObject()),
				settings.collection());
	}

	private double pendingAggregates() {
		return mongo.count(Query.query(Criteria.where("outbox").elemMatch(Criteria.where("sentAt").is(null))),
				settings.collection());
	}

	/** Aggregates with an entry not yet sent that is not waiting to be tried again. */
	private static Query dueQuery(Instant now) {
		return Query
			.query(Criteria.where("outbox")
				.elemMatch(Criteria.where("sentAt")
					.is(null)
					.orOperator(Criteria.where("nextAttemptAt").is(null), Criteria.where("nextAttemptAt").lte(now))))
			.with(Sort.by("_id"));
	}

	private static List<Document> outboxOf(Document aggregate) {
		return aggregate.getList("outbox", Document.class, List.of());
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
