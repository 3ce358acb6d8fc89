package org.communityplaces.platform.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The guard against server-side request forgery, for every URL a service is given to call
 * (webhooks, directory feeds): requests go only to https URLs whose host resolves to public
 * addresses, so nobody can point one at the service's own network (loopback, private ranges,
 * link-local cloud metadata, carrier-grade NAT, and IPv6 forms that carry such an IPv4 address
 * inside). A host the deployment allows although it is not public (a council's own network) is
 * reached over http or https. Checked when the URL is saved and again before each request, as
 * DNS answers change; a request then connects to the addresses that were checked, never to
 * whatever the name leads to a moment later.
 */
public class OutboundAddresses {

	private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

	private static final Pattern DNS_NAME = Pattern.compile("(?:" + LABEL + "\\.)*(?=[A-Za-z0-9-]*[A-Za-z-])" + LABEL);

	private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

	private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private final HostLookup lookup;

	private final Predicate<String> allowedHost;

	/**
	 * @param allowedHost whether the deployment allows this host although it is not public: asked
	 * with the host in lower case, without the brackets of an IPv6 address
	 */
	public OutboundAddresses(HostLookup lookup, Predicate<String> allowedHost) {
		this.lookup = lookup;
		this.allowedHost = allowedHost;
	}

	/** @return why requests may not go to this URL, or empty if they may */
	public Optional<String> refusal(String url) {
		return Optional.ofNullable(check(url).refusal());
	}

	/**
	 * Whether requests may go to this URL, and if so the addresses they may go to: connect to
	 * these only.
	 */
	public Verdict check(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Verdict.refused("not a URL");
		}
		String host = uri.getHost();
		if (!uri.isAbsolute() || host == null || uri.getUserInfo() != null) {
			return Verdict.refused("must be an absolute https URL with a host name and no user name");
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		boolean allowed = allowed(host);
		if (allowed && !scheme.equals("https") && !scheme.equals("http")) {
			return Verdict.refused("must be an http or https URL");
		}
		if (!allowed && !scheme.equals("https")) {
			return Verdict.refused("must be an https URL");
		}
		InetAddress[] addresses;
		try {
			addresses = lookup.addressesOf(host);
		}
		catch (UnknownHostException ex) {
			return Verdict.refused("the host name does not resolve");
		}
		if (!allowed && !Arrays.stream(addresses).allMatch(OutboundAddresses::isPublic)) {
			return Verdict.refused("must be a public address, not a loopback, private or link-local one");
		}
		return new Verdict(null, List.of(addresses));
	}

	/**
	 * Whether an admin may allow this as a host: a DNS name (letters, digits and hyphens in
	 * labels of up to 63, not all digits at the end, so never a number read as an address) or
	 * an IPv4 or IPv6 address as written in a URL's host, without brackets or a port.
	 */
	public static boolean isHostName(String host) {
		if (host.length() > 253) {
			return false;
		}
		if (host.contains(":")) {
			return IPV6.matcher(host).matches() && isAddress(host);
		}
		return IPV4.matcher(host).matches() || DNS_NAME.matcher(host).matches();
	}

	/** An IPv6 address's text is read without a name server, as the system reads any address. */
	private static boolean isAddress(String literal) {
		try {
			return InetAddress.getByName(literal) != null;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static boolean startsWith(byte[] address, int... prefix) {
		for (int index = 0; index < prefix.length; index++) {
			if ((address[index] & 0xff) != prefix[index]) {
				return false;
			}
		}
		return true;
	}

	private boolean allowed(String host) {
		String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
		return allowedHost.test(bare.toLowerCase(Locale.ROOT));
	}

	/**
	 * @param refusal why requests may not go to the URL, or null if they may
	 * @param addresses where they may go: the host's addresses as they were checked
	 */
	public record Verdict(String refusal, List<InetAddress> addresses) {

		static Verdict refused(String refusal) {
			return new Verdict(refusal, List.of());
		}

	}

	public static boolean isPublic(InetAddress address) {
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
			return (first & 0xfe) != 0xfc // unique local fc00::/7
					&& !startsWith(bytes, 0, 0, 0, 0, 0, 0, 0, 0) // ::/64: IPv4-compatible, -mapped and -translated
					&& !startsWith(bytes, 0x00, 0x64, 0xff, 0x9b) // NAT64 64:ff9b::/96 and 64:ff9b:1::/48
					&& !startsWith(bytes, 0x20, 0x02) // 6to4 2002::/16
					&& !startsWith(bytes, 0x20, 0x01, 0x00, 0x00); // Teredo 2001::/32
		}
		return false;
	}

}
