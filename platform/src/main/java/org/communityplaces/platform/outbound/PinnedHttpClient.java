package org.communityplaces.platform.outbound;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * An HTTP client for one outbound request that connects only to the addresses
 * {@link OutboundAddresses} checked, so a name that resolves elsewhere a moment later (DNS
 * rebinding) cannot redirect it inside; the host name is still the one sent in the Host header
 * and checked against the certificate (and SNI). No redirects, retries or cookies.
 */
public final class PinnedHttpClient {

	private PinnedHttpClient() {
	}

	public static CloseableHttpClient to(List<InetAddress> checked, Duration connectTimeout, Duration readTimeout) {
		DnsResolver pinned = new DnsResolver() {

			@Override
			public InetAddress[] resolve(String host) {
				return checked.toArray(InetAddress[]::new);
			}

			@Override
			public String resolveCanonicalHostname(String host) {
				return host;
			}

		};
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(pinned)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(connectTimeout))
					.setSocketTimeout(Timeout.of(readTimeout))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.build();
	}

}
