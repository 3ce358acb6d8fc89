package org.communityplaces.notifications.preference;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

import org.communityplaces.platform.outbound.HostLookup;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A name server for the tests: names under {@code rebinding.test} answer as a hostile one
 * would, a public address and then the loopback address, turn about; every other name is
 * looked up as usual.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StandInDns {

	private static final AtomicInteger asked = new AtomicInteger();

	/** The next question about a rebinding name is answered with the public address again. */
	public static void startOver() {
		asked.set(0);
	}

	@Bean
	@Primary
	HostLookup standInDns() {
		return host -> {
			if (!host.endsWith(".rebinding.test")) {
				return InetAddress.getAllByName(host);
			}
			byte[] address = asked.getAndIncrement() % 2 == 0 ? new byte[] { (byte) 203, 0, 113, 10 }
					: new byte[] { 127, 0, 0, 1 };
			return new InetAddress[] { InetAddress.getByAddress(host, address) };
		};
	}

}
