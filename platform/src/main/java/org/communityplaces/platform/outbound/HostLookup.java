package org.communityplaces.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Finds a host name's addresses: a bean of its own (the system's DNS and hosts file unless a
 * service says otherwise) so that tests can stand in for a name server.
 */
@FunctionalInterface
public interface HostLookup {

	InetAddress[] addressesOf(String host) throws UnknownHostException;

}
