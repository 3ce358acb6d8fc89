package org.communityplaces.referrals.telling;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class TellingConfiguration {

	/** Messages for the person are kept on the broker no longer than it takes to send them, with days to spare. */
	@Bean
	NewTopic personMessagesTopic(@Value("${referrals.topic.partitions}") int partitions,
			@Value("${referrals.topic.replicas}") short replicas,
			@Value("${referrals.telling.kept-on-broker}") Duration kept) {
		return TopicBuilder.name(PersonToBeTold.TOPIC)
			.partitions(partitions)
			.replicas(replicas)
			.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(kept.toMillis()))
			.build();
	}

}
