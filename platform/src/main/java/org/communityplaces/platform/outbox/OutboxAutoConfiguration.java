package org.communityplaces.platform.outbox;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The outbox for a service whose aggregates carry their pending events in an {@code outbox}
 * array: switched on by naming the collection in {@code outbox.collection} and the topic its
 * events go to in {@code outbox.topic}.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, DataMongoAutoConfiguration.class, JacksonAutoConfiguration.class })
@ConditionalOnClass({ MongoTemplate.class, KafkaTemplate.class })
@ConditionalOnProperty("outbox.collection")
@EnableScheduling
public class OutboxAutoConfiguration {

	@Bean
	@ConditionalOnBean(MongoTemplate.class)
	Outbox outbox(MongoTemplate mongo, JsonMapper json, ApplicationEventPublisher publisher,
			@Value("${outbox.topic}") String topic) {
		return new Outbox(mongo, json, publisher, topic);
	}

	@Bean
	@ConditionalOnBean({ MongoTemplate.class, KafkaTemplate.class })
	OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, Clock clock,
			MeterRegistry meters, ObjectProvider<ThreadPoolTaskExecutorBuilder> executors,
			@Value("${outbox.collection}") String collection, @Value("${outbox.batch-size:100}") int batchSize,
			@Value("${outbox.send-timeout:10s}") Duration sendTimeout,
			@Value("${outbox.keep-sent:1h}") Duration keepSent) {
		// One thread, so the events of one aggregate go out in order. Not a bean: an Executor
		// bean would stand in for Spring Boot's applicationTaskExecutor.
		ThreadPoolTaskExecutor sender = executors.getIfAvailable(ThreadPoolTaskExecutorBuilder::new)
			.corePoolSize(1)
			.maxPoolSize(1)
			.threadNamePrefix("outbox-relay-")
			.build();
		return new OutboxRelay(mongo, kafka, clock, meters, sender, collection, batchSize, sendTimeout, keepSent);
	}

}
