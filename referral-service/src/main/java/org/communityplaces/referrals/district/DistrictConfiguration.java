package org.communityplaces.referrals.district;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeprivationSources.class)
class DistrictConfiguration {

}
