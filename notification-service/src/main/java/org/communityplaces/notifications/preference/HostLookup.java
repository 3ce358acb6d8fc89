package org.communityplaces.notifications.preference;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Finds a host name's addresses: a bean of its own so that tests can stand in for a name server. */
@FunctionalInterface
interface HostLookup {

	InetAddress[] addressesOf(String host) throws UnknownHostException;

}
