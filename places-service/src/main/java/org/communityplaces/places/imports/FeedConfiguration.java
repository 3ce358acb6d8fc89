package org.communityplaces.places.imports;

import org.communityplaces.platform.outbound.HostLookup;
import org.communityplaces.platform.outbound.OutboundAddresses;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedSettings.class)
class FeedConfiguration {

	/** Feeds are fetched where the webhooks' guard lets requests go, and from the hosts this deployment allows. */
	@Bean
	OutboundAddresses feedAddresses(HostLookup lookup, FeedSettings settings) {
		return new OutboundAddresses(lookup, settings.allowedHosts()::contains);
	}

}
