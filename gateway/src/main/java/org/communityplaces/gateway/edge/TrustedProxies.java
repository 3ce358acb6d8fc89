package org.communityplaces.gateway.edge;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.netty.util.NetUtil;
import org.communityplaces.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * Forwarded headers ({@code Forwarded}, {@code X-Forwarded-*}) are believed only from the
 * proxies the deployment names in {@code gateway.trusted-proxies}; from anyone else they are
 * removed, so a client cannot choose its own address (its rate-limit key), scheme or host. Spring
 * Boot's own handling is off ({@code server.forward-headers-strategy: none}), as it believes
 * anyone. Behind trusted proxies the client is the nearest address in {@code X-Forwarded-For}
 * that is not itself a trusted proxy: what a client wrote there itself, further left, is not
 * believed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrustedProxies implements WebFilter {

	private static final List<String> FORWARDED_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
			"X-Forwarded-Port", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Forwarded-Ssl", "X-Real-IP");

	private final List<AddressRange> trusted;

	private final ForwardedHeaderTransformer fromTrustedProxy = new ForwardedHeaderTransformer();

	/** @param trusted addresses or CIDR ranges, such as {@code 10.0.0.0/8}; none by default */
	TrustedProxies(@Value("${gateway.trusted-proxies:}") List<String> trusted) {
		this.trusted = trusted.stream().map(String::trim).filter(range -> !range.isEmpty()).map(AddressRange::of)
			.toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!isTrusted(request.getRemoteAddress())) {
			return chain.filter(exchange.mutate().request(withoutForwardedHeaders(request)).build());
		}
		InetSocketAddress client = clientBehindProxies(request);
		ServerHttpRequest forwarded;
		try {
			forwarded = fromTrustedProxy.apply(request);
		}
		catch (IllegalArgumentException malformed) {
			return Problems.write(exchange, HttpStatus.BAD_REQUEST, "Bad request",
					"The forwarded headers from the proxy in front of the gateway are not valid.");
		}
		return chain.filter(exchange.mutate().request(forwarded.mutate().remoteAddress(client).build()).build());
	}

	private boolean isTrusted(InetSocketAddress address) {
		return address != null && address.getAddress() != null && isTrusted(address.getAddress().getHostAddress());
	}

	private boolean isTrusted(String address) {
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
		return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
	}

	/** From the right: the first address that is not a trusted proxy, or the proxy itself if it names none. */
	private InetSocketAddress clientBehindProxies(ServerHttpRequest request) {
		List<String> chain = forwardedFor(request.getHeaders());
		for (int hop = chain.size() - 1; hop >= 0; hop--) {
			String address = chain.get(hop);
			if (!isLiteralAddress(address)) {
				break;
			}
			if (!isTrusted(address)) {
				return new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(address), 0);
			}
		}
		return request.getRemoteAddress();
	}

	private static List<String> forwardedFor(HttpHeaders headers) {
		List<String> addresses = new ArrayList<>();
		for (String value : headers.getValuesAsList("X-Forwarded-For")) {
			addresses.add(value.trim());
		}
		if (addresses.isEmpty()) {
			for (String element : headers.getValuesAsList("Forwarded")) {
				for (String pair : element.split(";")) {
					String trimmed = pair.trim();
					if (trimmed.toLowerCase(Locale.ROOT).startsWith("for=")) {
						addresses.add(trimmed.substring(4).replace("\"", "").replaceAll("^\\[|\\](:\\d+)?$", ""));
					}
				}
			}
		}
		return addresses;
	}

	/** Only an address counts (never looked up by name); a name, {@code unknown} or an obfuscated identifier does not. */
	private static boolean isLiteralAddress(String address) {
		return NetUtil.isValidIpV4Address(address) || NetUtil.isValidIpV6Address(address);
	}

	private static ServerHttpRequest withoutForwardedHeaders(ServerHttpRequest request) {
		if (FORWARDED_HEADERS.stream().noneMatch(request.getHeaders()::containsHeader)) {
			return request;
		}
		return request.mutate().headers(headers -> FORWARDED_HEADERS.forEach(headers::remove)).build();
	}

	/** An address, or a CIDR range such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
	private record AddressRange(byte[] network, int prefixBits) {

		static AddressRange of(String range) {
			String[] parts = range.split("/", 2);
			byte[] network = NetUtil.createByteArrayFromIpAddressString(parts[0]);
			if (network == null) {
				throw new IllegalArgumentException("gateway.trusted-proxies: not an address or CIDR range: " + range);
			}
			int prefixBits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
			if (prefixBits < 0 || prefixBits > network.length * 8) {
				throw new IllegalArgumentException("gateway.trusted-proxies: the prefix is out of range in " + range);
			}
			return new AddressRange(network, prefixBits);
		}

		boolean contains(byte[] address) {
			if (address.length != network.length) {
				return false;
			}
			for (int bit = 0; bit < prefixBits; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
