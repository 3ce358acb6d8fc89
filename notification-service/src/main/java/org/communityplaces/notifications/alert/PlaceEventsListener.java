package org.communityplaces.notifications.alert;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.communityplaces.platform.correlation.CorrelationId;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;

/**
 * Reads the catalogue's events, checked against the event contract, and raises a notification
 * for each person a listing's review or report concerns, over the channel they chose, as
 * referral events are. A broken event goes to {@code place-events-dlt}.
 */
@Component
class PlaceEventsListener {

	private final AlertNotifications notifications;

	private final ListingAlerts rules;

	PlaceEventsListener(AlertNotifications notifications, ListingAlerts rules) {
		this.notifications = notifications;
		this.rules = rules;
	}

	@KafkaListener(topics = "place-events", groupId = "${notifications.places.group-id:notification-service-places}")
	void on(ConsumerRecord<String, String> record) {
		CorrelationId.during(CorrelationId.of(record.headers()), () -> {
			JsonNode event = notifications.read(record);
			notifications.raise(event, rules.of(event));
		});
	}

	/** Declared here as well as by their producer, so that this consumer finds them whichever service starts first. */
	@Configuration(proxyBeanMethods = false)
	static class Topics {

		/** Compacted, as in deploy/k8s: keyed by place id, it keeps every place's latest event. */
		@Bean
		NewTopic placeEventsTopic(@Value("${places.topic.partitions:6}") int partitions,
				@Value("${places.topic.replicas:1}") short replicas) {
			return TopicBuilder.name("place-events")
				.partitions(partitions)
				.replicas(replicas)
				.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
				.build();
		}

		@Bean
		NewTopic placeEventsDeadLetterTopic(@Value("${places.topic.partitions:6}") int partitions,
				@Value("${places.topic.replicas:1}") short replicas) {
			return TopicBuilder.name("place-events-dlt").partitions(partitions).replicas(replicas).build();
		}

	}

}
