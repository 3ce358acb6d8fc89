package org.communityplaces.gateway.edge;

import java.net.InetSocketAddress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.communityplaces.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Shields the services: a body larger than the limit is a 413 before it is read, and each
 * client address gets an in-memory token bucket (a burst, then a steady rate), beyond which
 * requests are a 429 with a {@code Retry-After}. One gateway instance counts on its own; with
 * several, each allows its share.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestLimits implements WebFilter {

	private final long maxBodyBytes;

	private final long maxImportBytes;

	private final Allowances perAddress;

	private final Counter limited;

	private final Counter oversized;

	RequestLimits(@Value("${gateway.limits.max-body}") DataSize maxBody,
			@Value("${gateway.limits.max-import-body}") DataSize maxImportBody,
			@Value("${gateway.limits.burst}") int burst, @Value("${gateway.limits.per-second}") int perSecond,
			MeterRegistry meters) {
		this.maxBodyBytes = maxBody.toBytes();
		this.maxImportBytes = maxImportBody.toBytes();
		this.perAddress = new Allowances(burst, perSecond);
		this.limited = Counter.builder("gateway.requests.limited").tag("limit", "rate").register(meters);
		this.oversized = Counter.builder("gateway.requests.limited").tag("limit", "body-size").register(meters);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long length = exchange.getRequest().getHeaders().getContentLength();
		long allowed = exchange.getRequest().getPath().value().startsWith("/api/places/imports") ? maxImportBytes
				: maxBodyBytes;
		if (length > allowed) {
			oversized.increment();
			return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Request too large",
					"The request body is larger than " + DataSize.ofBytes(allowed).toKilobytes() + " KB.");
		}
		long waitMillis = perAddress.take(clientOf(exchange));
		if (waitMillis > 0) {
			limited.increment();
			return Allowances.tooMany(exchange, waitMillis,
					"Too many requests from this address. Wait a moment and try again.");
		}
		return chain.filter(exchange);
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetIdleClients() {
		perAddress.forgetIdle();
	}

	private static String clientOf(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

}
