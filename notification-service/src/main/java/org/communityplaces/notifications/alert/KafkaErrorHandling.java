package org.communityplaces.notifications.alert;

import org.apache.kafka.clients.admin.NewTopic;
import org.communityplaces.contracts.EventContract;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

	@Bean
	EventContract eventContract() {
		return EventContract.load();
	}

	/**
	 * Transient failures (SMTP down) are retried with exponential backoff; an event that still
	 * fails, or breaks the contract, goes to {@code <topic>-dlt} and the consumer moves on.
	 */
	@Bean
	DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> kafka,
			@Value("${notifications.retry.initial-interval-ms:500}") long initialInterval,
			@Value("${notifications.retry.max-elapsed-ms:30000}") long maxElapsed) {
		ExponentialBackOff backOff = new ExponentialBackOff(initialInterval, 2.0);
		backOff.setMaxElapsedTime(maxElapsed);
		DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(kafka), backOff);
		handler.addNotRetryableExceptions(ReferralEventsListener.InvalidEvent.class);
		return handler;
	}

	/**
	 * Declared here as well as by its producer, so that this consumer finds it at start-up
	 * whichever service starts first.
	 */
	@Bean
	NewTopic referralEventsTopic(@Value("${referrals.topic.partitions:6}") int partitions,
			@Value("${referrals.topic.replicas:1}") short replicas) {
		return TopicBuilder.name("referral-events").partitions(partitions).replicas(replicas).build();
	}

	/** Same partition count as the source topic: the recoverer keeps a record's partition. */
	@Bean
	NewTopic referralEventsDeadLetterTopic(@Value("${referrals.topic.partitions:6}") int partitions,
			@Value("${referrals.topic.replicas:1}") short replicas) {
		return TopicBuilder.name("referral-events-dlt").partitions(partitions).replicas(replicas).build();
	}

}
