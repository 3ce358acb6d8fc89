package org.communityplaces.referrals.deadline;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResponseDeadline.class)
class DeadlineConfiguration {

}
