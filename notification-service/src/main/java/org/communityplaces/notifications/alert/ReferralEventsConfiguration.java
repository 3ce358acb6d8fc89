package org.communityplaces.notifications.alert;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.contracts.Vocabularies;
import org.communityplaces.platform.kafka.EventErrorHandlers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** What reading referral events needs: their contract and vocabularies, the topics, and what happens to a failure. */
@Configuration(proxyBeanMethods = false)
class ReferralEventsConfiguration {

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
	 * A store or broker outage holds the events until it is over, however long it lasts; an
	 * event that breaks the contract, or still fails after a few quick tries for a reason that
	 * will not pass, goes to {@code <topic>-dlt} and the consumer moves on. A dead letter is
	 * never parked again, and a message for a person is never parked (it holds where to reach
	 * them; one that breaks the contract is dropped by its listener): both are tried until they
	 * are kept.
	 */
	@Bean
	DefaultErrorHandler errorHandler(EventErrorHandlers handlers, KafkaTemplate<Object, Object> kafka) {
		return handlers.parkingOnDeadLetterTopics(kafka, ReferralEventsConfiguration::neverParked);
	}

	private static boolean neverParked(ConsumerRecord<?, ?> record) {
		return record.topic().endsWith(EventErrorHandlers.DEAD_LETTER_SUFFIX) || record.topic().equals(PERSON_MESSAGES);
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

	@Bean
	NewTopic referralEventsDeadLetterTopic(@Value("${referrals.topic.partitions:6}") int partitions,
			@Value("${referrals.topic.replicas:1}") short replicas) {
		return TopicBuilder.name("referral-events-dlt").partitions(partitions).replicas(replicas).build();
	}

}
