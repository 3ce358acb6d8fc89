package org.communityplaces.platform.outbound;

import java.net.InetAddress;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Host names looked up as the system does, for every service that calls out to addresses people give it. */
@AutoConfiguration
public class OutboundAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HostLookup hostLookup() {
		return InetAddress::getAllByName;
	}

}
