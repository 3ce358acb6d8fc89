package org.communityplaces.notifications.preference;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.stereotype.Component;

/** Host names looked up as the system does: DNS, and the hosts file. */
@Component
class SystemHostLookup implements HostLookup {

	@Override
	public InetAddress[] addressesOf(String host) throws UnknownHostException {
		return InetAddress.getAllByName(host);
	}

}
