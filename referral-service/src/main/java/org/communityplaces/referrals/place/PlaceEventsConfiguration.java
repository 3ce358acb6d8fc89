package org.communityplaces.referrals.place;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.platform.kafka.EventErrorHandlers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** What reading the catalogue's events needs: their contract, their topic, and what happens to a failure. */
@Configuration(proxyBeanMethods = false)
class PlaceEventsConfiguration {

	static final String TOPIC = "place-events";

	@Bean
	EventContract eventContract() {
		return EventContract.load();
	}

	/**
	 * A store or broker outage holds the events until it is over; an event that breaks the
	 * contract, or fails in a way that will not pass, is parked on {@code place-events-dlt},
	 * where notification-service shows it to admins to replay.
	 */
	@Bean
	DefaultErrorHandler placeEventsErrorHandler(EventErrorHandlers handlers, KafkaTemplate<?, ?> kafka) {
		return handlers.parkingOnDeadLetterTopics(kafka);
	}

	/**
	 * Declared here as well as by its producer, so that this consumer finds it at start-up
	 * whichever service starts first (the broker would otherwise create it, uncompacted, on the
	 * first read). Compacted, as in deploy/k8s: keyed by place id, it keeps every place's latest
	 * event for a new deployment to fill its snapshot from.
	 */
	@Bean
	NewTopic placeEventsTopic(@Value("${places.topic.partitions:6}") int partitions,
			@Value("${places.topic.replicas:1}") short replicas) {
		return TopicBuilder.name(TOPIC)
			.partitions(partitions)
			.replicas(replicas)
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
	}

}
