package org.communityplaces.places.place;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class PlaceTopic {

	/**
	 * Created when missing; keyed by place id, so one place's changes stay in order. Compacted,
	 * as in deploy/k8s: the latest event of every place is kept for a new reader to start from.
	 */
	@Bean
	NewTopic placeEventsTopic(@Value("${outbox.topic}") String topic, @Value("${places.topic.partitions}") int partitions,
			@Value("${places.topic.replicas}") short replicas) {
		return TopicBuilder.name(topic)
			.partitions(partitions)
			.replicas(replicas)
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
	}

}
