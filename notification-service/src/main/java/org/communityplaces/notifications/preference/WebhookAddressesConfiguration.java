package org.communityplaces.notifications.preference;

import org.communityplaces.platform.outbound.HostLookup;
import org.communityplaces.platform.outbound.OutboundAddresses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Webhooks go where platform's guard lets requests go, and to the hosts admins allowed here. */
@Configuration(proxyBeanMethods = false)
class WebhookAddressesConfiguration {

	@Bean
	OutboundAddresses webhookAddresses(HostLookup lookup, MongoTemplate mongo) {
		return new OutboundAddresses(lookup, host -> mongo.findById(host, AllowedWebhookHost.class) != null);
	}

}
