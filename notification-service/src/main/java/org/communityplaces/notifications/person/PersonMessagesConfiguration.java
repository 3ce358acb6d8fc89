package org.communityplaces.notifications.person;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class PersonMessagesConfiguration {

	/**
	 * Declared here as well as by its producer, with the same short retention, so that this
	 * consumer finds it at start-up whichever service starts first.
	 */
	@Bean
	NewTopic personMessagesTopic(@Value("${referrals.topic.partitions:6}") int partitions,
			@Value("${referrals.topic.replicas:1}") short replicas,
			@Value("${notifications.person-messages.kept-on-broker:7d}") Duration kept) {
		return TopicBuilder.name("person-messages")
			.partitions(partitions)
			.replicas(replicas)
			.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(kept.toMillis()))
			.build();
	}

}
