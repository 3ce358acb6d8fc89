package org.communityplaces.gateway.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a correlation id, sent on to the services (which log it and put it on
 * the events the request causes) and back to the caller, so one request can be followed
 * through every log at 3 a.m. A caller's own id is kept if it looks like one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationId implements WebFilter {

	static final String HEADER = "X-Correlation-Id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = given != null && WELL_FORMED.matcher(given).matches() ? given : newId();
		ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
		exchange.getResponse().getHeaders().set(HEADER, id);
		return chain.filter(exchange.mutate().request(request).build());
	}

	/**
	 * A random (version 4) UUID from the thread's own generator: an id to follow, not a secret,
	 * so it need not take the JVM's shared SecureRandom, as {@code UUID.randomUUID()} does on
	 * every request (2% of the gateway's CPU, docs/benchmarks.md).
	 */
	private static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(0b11L << 62)) | (0b10L << 62);
		return new UUID(high, low).toString();
	}

}
