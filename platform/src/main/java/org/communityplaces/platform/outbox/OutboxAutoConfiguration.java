package org.communityplaces.platform.outbox;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
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

	static final String RELAY_EXECUTOR = "outboxRelayExecutor";

	/**
	 * The relay's one thread for the events announced by this instance's writes; started, measured
	 * ({@code executor.*} tagged {@code name=outboxRelayExecutor}) and stopped by Spring. Not a
	 * default candidate, so Spring Boot still provides its {@code applicationTaskExecutor}.
	 */
	@Bean(name = RELAY_EXECUTOR, defaultCandidate = false)
	ThreadPoolTaskExecutor outboxRelayExecutor(ObjectProvider<ThreadPoolTaskExecutorBuilder> builder) {
		return builder.getIfAvailable(ThreadPoolTaskExecutorBuilder::new)
			.corePoolSize(1)
			.maxPoolSize(1)
			.threadNamePrefix("outbox-relay-")
			.build();
	}

	@Bean
	@ConditionalOnBean({ MongoTemplate.class, KafkaTemplate.class })
	OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, Clock clock,
			MeterRegistry meters, @Qualifier(RELAY_EXECUTOR) ThreadPoolTaskExecutor outboxRelayExecutor,
			@Value("${outbox.collection}") String collection, @Value("${outbox.batch-size:100}") int batchSize,
			@Value("${outbox.send-timeout:10s}") Duration sendTimeout,
			@Value("${outbox.keep-sent:1h}") Duration keepSent,
			@Value("${outbox.retry.first-after:5s}") Duration firstRetryAfter,
			@Value("${outbox.retry.longest-after:10m}") Duration longestRetryAfter,
			@Value("${outbox.claim-lease:1m}") Duration claimLease) {
		return new OutboxRelay(mongo, kafka, clock, meters, outboxRelayExecutor,
				new OutboxRelay.RelaySettings(collection, batchSize, sendTimeout, keepSent, firstRetryAfter,
						longestRetryAfter, claimLease));
	}

}
