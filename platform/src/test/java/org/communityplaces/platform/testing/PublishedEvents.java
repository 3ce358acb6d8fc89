package org.communityplaces.platform.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what a service published on the real broker, as a downstream consumer would. */
public final class PublishedEvents implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

	public PublishedEvents(String bootstrapServers, String topic) {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest"), new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(List.of(topic));
	}

	/** Every record so far keyed by this aggregate id, in the order the broker holds them. */
	public List<ConsumerRecord<String, String>> of(String aggregateId) {
		consumer.poll(Duration.ofMillis(200)).forEach(received::add);
		return received.stream().filter(record -> aggregateId.equals(record.key())).toList();
	}

	@Override
	public void close() {
		consumer.close();
	}

}
