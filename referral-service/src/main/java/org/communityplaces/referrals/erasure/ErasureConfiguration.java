package org.communityplaces.referrals.erasure;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionPeriod.class)
class ErasureConfiguration {

}
