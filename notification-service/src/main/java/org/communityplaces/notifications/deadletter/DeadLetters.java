package org.communityplaces.notifications.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.problem.Problem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Parks what lands on the dead-letter topic where admins can see it, and sends it back to its
 * topic when they replay it. The number parked is a gauge, so a growing pile raises an alert.
 */
@Component
class DeadLetters {

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final Clock clock;

	private final Counter deadLettered;

	DeadLetters(MongoTemplate mongo, KafkaTemplate<String, String> kafka, Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.clock = clock;
		this.deadLettered = Counter.builder("notifications.dead.lettered")
			.description("Events that could not be processed and were parked")
			.tag("channel", "event")
			.register(meters);
		Gauge.builder("notifications.dead.letters.parked", this, DeadLetters::parked)
			.description("Dead letters waiting for an admin")
			.register(meters);
	}

	@KafkaListener(topics = { "referral-events-dlt", "place-events-dlt" },
			groupId = "${notifications.dead-letters.group-id:notification-service-dlt}")
	void park(ConsumerRecord<String, String> record) {
		// Named by its topic as well, since each dead-letter topic has its own partitions and offsets
		String id = record.topic() + "-" + record.partition() + "-" + record.offset();
		String reason = header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
		DeadLetter letter = new DeadLetter(id, record.key(), record.value(),
				reason == null ? "unknown" : reason.substring(0, Math.min(reason.length(), 1000)),
				header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
				longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET), clock.instant(), DeadLetter.Status.PARKED, null,
				null);
		try {
			mongo.insert(letter);
			deadLettered.increment();
		}
		catch (DuplicateKeyException alreadyParked) {
			// The dead-letter topic delivered it again.
		}
	}

	List<DeadLetter> list(DeadLetter.Status status, int page, int size) {
		Query query = status == null ? new Query() : Query.query(Criteria.where("status").is(status));
		return mongo.find(query.with(Sort.by(Sort.Order.desc("parkedAt"), Sort.Order.desc("_id")))
			.skip((long) page * size)
			.limit(size), DeadLetter.class);
	}

	/** Sends the event back to the topic it failed on, keyed as before, and marks it replayed. */
	DeadLetter replay(String id, Caller admin) {
		DeadLetter letter = mongo.findById(id, DeadLetter.class);
		if (letter == null) {
			throw new Problem(HttpStatus.NOT_FOUND, "Dead letter not found", "There is no such dead letter.");
		}
		if (letter.status() == DeadLetter.Status.REPLAYED) {
			throw new Problem(HttpStatus.CONFLICT, "Already replayed",
					"This dead letter was replayed at " + letter.replayedAt() + ".");
		}
		if (letter.originalTopic() == null) {
			throw new Problem(HttpStatus.CONFLICT, "Nowhere to replay to", "This dead letter does not say which topic it came from.");
		}
		kafka.send(letter.originalTopic(), letter.key(), letter.payload()).join();
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(DeadLetter.Status.PARKED)),
				new Update().set("status", DeadLetter.Status.REPLAYED)
					.set("replayedAt", clock.instant())
					.set("replayedBy", admin.id()),
				DeadLetter.class);
		return mongo.findById(id, DeadLetter.class);
	}

	private double parked() {
		return mongo.count(Query.query(Criteria.where("status").is(DeadLetter.Status.PARKED)), DeadLetter.class);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static Integer intHeader(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : ByteBuffer.wrap(header.value()).getInt();
	}

	private static Long longHeader(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : ByteBuffer.wrap(header.value()).getLong();
	}

}
