package org.communityplaces.notifications.preference;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The guard against server-side request forgery: webhooks go only to https URLs whose host
 * resolves to public addresses, so nobody can point one at the service's own network
 * (loopback, private ranges, link-local cloud metadata, carrier-grade NAT...). An admin can
 * allow a host that is not public; it is then reached over http or https. Checked when the
 * URL is saved and again before each request, as DNS answers change.
 */
@Component
public class WebhookAddresses {

	private final MongoTemplate mongo;

	WebhookAddresses(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** @return why requests may not go to this URL, or empty if they may */
	public Optional<String> refusal(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.of("not a URL");
		}
		String host = uri.getHost();
		if (!uri.isAbsolute() || host == null || uri.getUserInfo() != null) {
			return Optional.of("must be an absolute https URL with a host name and no user name");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (allowed(host)) {
			return scheme.equals("https") || scheme.equals("http") ? Optional.empty()
					: Optional.of("must be an http or https URL");
		}
		if (!scheme.equals("https")) {
			return Optional.of("must be an https URL");
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return Optional.of("the host name does not resolve");
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address)) {
				return Optional.of("must be a public address, not a loopback, private or link-local one");
			}
		}
		return Optional.empty();
	}

	boolean allowed(String host) {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		return mongo.findById(bare.toLowerCase(Locale.ROOT), AllowedWebhookHost.class) != null;
	}

	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			return first != 0 // this network
					&& !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
					&& !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
					&& !(first == 198 && (second == 18 || second == 19)) // benchmarking
					&& first < 240; // reserved and broadcast
		}
		if (address instanceof Inet6Address) {
			int first = bytes[0] & 0xff;
			return (first & 0xfe) != 0xfc; // unique local fc00::/7
		}
		return false;
	}

}
