package org.communityplaces.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay against the embedded MongoDB wire server and an embedded broker: what one entry the
 * broker will not take holds up, and what two instances sweeping at once send.
 */
@EmbeddedKafka(partitions = 1, topics = { OutboxRelayTests.EVENTS, OutboxRelayTests.RECIPIENTS })
class OutboxRelayTests {

	static final String EVENTS = "parcel-events";

	static final String RECIPIENTS = "parcel-recipients";

	private static final Duration FIRST_RETRY_AFTER = Duration.ofSeconds(5);

	/** Over the producer's largest request (1 MB): the broker can never be sent it as it is. */
	private static final String TOO_LARGE = "x".repeat(2 * 1024 * 1024);

	private static String brokers;

	private static KafkaTemplate<String, String> kafka;

	private static ThreadPoolTaskExecutor announced;

	private final MongoTemplate mongo = new MongoTemplate(
			MongoClients.create(MongoWireTestServer.databaseUri(OutboxRelayTests.class)), "OutboxRelayTests");

	private final MovableClock clock = new MovableClock();

	@BeforeAll
	static void producer(EmbeddedKafkaBroker broker) {
		brokers = broker.getBrokersAsString();
		kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new StringSerializer()));
		announced = new ThreadPoolTaskExecutor();
		announced.initialize();
	}

	@AfterAll
	static void stop() {
		announced.shutdown();
		kafka.getProducerFactory().reset();
	}

	@Test
	void anEntryTheBrokerWillNotTakeHoldsUpOnlyWhatFollowsItForTheSameTopicAndIsTriedAgainLaterAndLater() {
		String stuck = "a-" + UUID.randomUUID();
		String fine = "b-" + UUID.randomUUID();
		mongo.insert(aggregate(stuck, entry("first", EVENTS, TOO_LARGE), entry("second", EVENTS, "{}"),
				entry("told", RECIPIENTS, "{}")), "parcels");
		mongo.insert(aggregate(fine, entry("fine", EVENTS, "{}")), "parcels");
		OutboxRelay relay = relay();

		relay.relayPending();

		assertThat(typesSent(EVENTS, fine)).containsExactly("fine");
		assertThat(typesSent(EVENTS, stuck)).as("held behind the first, in order").isEmpty();
		assertThat(typesSent(RECIPIENTS, stuck)).as("another topic's reader relies on no order with it")
			.containsExactly("told");
		Instant firstFailure = clock.instant();
		assertThat(entry(stuck, "first")).containsEntry("attempts", 1)
			.containsEntry("nextAttemptAt", Date.from(firstFailure.plus(FIRST_RETRY_AFTER)));
		assertThat(entry(stuck, "second")).doesNotContainKey("sentAt")
			.containsEntry("nextAttemptAt", Date.from(firstFailure.plus(FIRST_RETRY_AFTER)));

		relay.relayPending();
		assertThat(entry(stuck, "first")).as("not tried again before it is due").containsEntry("attempts", 1);

		clock.advance(FIRST_RETRY_AFTER);
		relay.relayPending();
		assertThat(entry(stuck, "first")).as("tried again, then waits twice as long")
			.containsEntry("attempts", 2)
			.containsEntry("nextAttemptAt", Date.from(clock.instant().plus(FIRST_RETRY_AFTER.multipliedBy(2))));

		mongo.updateFirst(Query.query(Criteria.where("_id").is(stuck).and("outbox.type").is("first")),
				new Update().set("outbox.$.payload", "{}"), "parcels");
		clock.advance(FIRST_RETRY_AFTER.multipliedBy(2));
		relay.relayPending();
		assertThat(typesSent(EVENTS, stuck)).as("once it goes, what waited behind it follows in order")
			.containsExactly("first", "second");
	}

	@Test
	void twoInstancesSweepingTheSameOutboxesAtOnceSendEachEventOnce() {
		String prefix = "c-" + UUID.randomUUID() + "-";
		IntStream.range(0, 40)
			.forEach(i -> mongo.insert(aggregate(prefix + i, entry("packed", EVENTS, "{}"), entry("sent", EVENTS, "{}")),
					"parcels"));
		OutboxRelay one = relay();
		OutboxRelay other = relay();

		CompletableFuture.allOf(CompletableFuture.runAsync(one::relayPending),
				CompletableFuture.runAsync(other::relayPending))
			.join();

		Map<String, Long> timesSent = everythingOn(EVENTS).stream()
			.filter(record -> record.key().startsWith(prefix))
			.collect(Collectors.groupingBy(record -> record.key() + " " + new String(record.headers()
				.lastHeader("eventType")
				.value()), Collectors.counting()));
		assertThat(timesSent).hasSize(80).allSatisfy((event, times) -> assertThat(times).as(event).isEqualTo(1));
	}

	@Test
	void anAnnouncedWriteIsSentStraightAway() {
		String parcel = "d-" + UUID.randomUUID();
		mongo.insert(aggregate(parcel, entry("packed", EVENTS, "{}")), "parcels");

		relay().outboxWritten(new OutboxWritten(parcel));

		await().atMost(Duration.ofSeconds(10)).until(() -> typesSent(EVENTS, parcel), List.of("packed")::equals);
	}

	private OutboxRelay relay() {
		return new OutboxRelay(mongo, kafka, clock, new SimpleMeterRegistry(), announced,
				new OutboxRelay.RelaySettings("parcels", 100, Duration.ofSeconds(10), Duration.ofDays(1),
						FIRST_RETRY_AFTER, Duration.ofMinutes(10), Duration.ofMinutes(1)));
	}

	private static Document aggregate(String id, Document... entries) {
		return new Document("_id", id).append("version", 0).append("outbox", List.of(entries));
	}

	private Document entry(String type, String topic, String payload) {
		return new Document("eventId", UUID.randomUUID().toString()).append("type", type)
			.append("topic", topic)
			.append("payload", payload)
			.append("occurredAt", Date.from(clock.instant()))
			.append("attempts", 0);
	}

	private Document entry(String aggregateId, String type) {
		return mongo.findById(aggregateId, Document.class, "parcels")
			.getList("outbox", Document.class)
			.stream()
			.filter(entry -> type.equals(entry.getString("type")))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> typesSent(String topic, String aggregateId) {
		return everythingOn(topic).stream()
			.filter(record -> aggregateId.equals(record.key()))
			.map(record -> new String(record.headers().lastHeader("eventType").value()))
			.toList();
	}

	/** Every record the topic holds now, read to its end. */
	private static List<ConsumerRecord<String, String>> everythingOn(String topic) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-" + UUID.randomUUID()),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map(partition -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				consumer.poll(Duration.ofMillis(100)).forEach(records::add);
				return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
			});
			return records;
		}
	}

	/** The real time, moved on by hand. */
	private static final class MovableClock extends Clock {

		private volatile Duration ahead = Duration.ZERO;

		private final Instant start = Instant.now();

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(instant(), zone);
		}

		@Override
		public Instant instant() {
			return start.plus(ahead);
		}

		void advance(Duration duration) {
			ahead = ahead.plus(duration);
		}

	}

}
