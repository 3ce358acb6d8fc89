package org.communityplaces.referrals.referral;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class ReferralConfiguration {

	/** Created when missing; partitions let notification consumers scale out, keys keep each referral in order. */
	@Bean
	NewTopic referralEventsTopic(@Value("${outbox.topic}") String topic,
			@Value("${referrals.topic.partitions}") int partitions, @Value("${referrals.topic.replicas}") short replicas) {
		return TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build();
	}

}
