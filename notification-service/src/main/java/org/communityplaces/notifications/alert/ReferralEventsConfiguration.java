package org.communityplaces.notifications.alert;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.contracts.Vocabularies;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** What reading referral events needs: their contract and vocabularies, the topics, and what happens to a failure. */
@Configuration(proxyBeanMethods = false)
class ReferralEventsConfiguration {

	static final String DEAD_LETTER_SUFFIX = "-dlt";

	private static final String PERSON_MESSAGES = "person-messages";

	@Bean
	EventContract eventContract() {
		return EventContract.load();
	}

	@Bean
	Vocabularies vocabularies() {
		return Vocabularies.load();
	}

	/**
	 * An event that cannot be processed (the store is down, or something in it is broken) is
	 * retried with exponential backoff; one that still fails, or breaks the contract, goes to
	 * {@code <topic>-dlt} and the consumer moves on. A dead letter that cannot be parked is
	 * retried until it can: there is nowhere further for it to go; so is a message for a person,
	 * which is never parked (one that breaks the contract is dropped by its listener).
	 */
	@Bean
	DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> kafka,
			@Value("${notifications.retry.initial-interval-ms:500}") long initialInterval,
			@Value("${notifications.retry.max-elapsed-ms:30000}") long maxElapsed) {
		ExponentialBackOff backOff = new ExponentialBackOff(initialInterval, 2.0);
		backOff.setMaxElapsedTime(maxElapsed);
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka, (record, failure) -> {
			if (record.topic().endsWith(DEAD_LETTER_SUFFIX)) {
				throw new IllegalStateException("A dead letter could not be parked; it will be tried again", failure);
			}
			if (record.topic().equals(PERSON_MESSAGES)) {
				// It holds where to reach the person: never parked for people to read, tried until it is kept
				throw new IllegalStateException("A message for a person could not be kept; it will be tried again", failure);
			}
			return new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, record.partition());
		});
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(AlertNotifications.InvalidEvent.class);
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
