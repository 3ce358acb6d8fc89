package org.communityplaces.platform.outbox;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The outbox relay for a service whose aggregates carry their pending events in an
 * {@code outbox} array: switched on by naming the collection in {@code outbox.collection}.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, DataMongoAutoConfiguration.class })
@ConditionalOnClass({ MongoTemplate.class, KafkaTemplate.class })
@ConditionalOnProperty("outbox.collection")
@EnableScheduling
public class OutboxAutoConfiguration {

	@Bean
	@ConditionalOnBean({ MongoTemplate.class, KafkaTemplate.class })
	OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, Clock clock,
			MeterRegistry meters, @Value("${outbox.collection}") String collection,
			@Value("${outbox.batch-size:100}") int batchSize,
			@Value("${outbox.send-timeout:10s}") Duration sendTimeout) {
		return new OutboxRelay(mongo, kafka, clock, meters, collection, batchSize, sendTimeout);
	}

}
