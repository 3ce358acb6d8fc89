package org.communityplaces.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.observability.DefaultSignalListener;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One line per request, for the engineer following a problem: the correlation id, method, path,
 * route, status and time taken. Nothing that names or locates a person: no query string (a
 * search can hold a postcode), no client address, no user, no headers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AccessLog implements WebFilter {

	private static final Logger log = LoggerFactory.getLogger("access");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!log.isInfoEnabled()) {
			return chain.filter(exchange);
		}
		long started = System.nanoTime();
		// tap restores the request's trace id for the line (context propagation is "limited")
		return chain.filter(exchange).tap(() -> new DefaultSignalListener<>() {

			@Override
			public void doFinally(SignalType signal) {
				logged(exchange, started);
			}

		});
	}

	private static void logged(ServerWebExchange exchange, long started) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		log.info("{} {} {} {} route={} {}ms", exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER),
				exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
				status == null ? "-" : status.value(), route == null ? "-" : route.getId(),
				(System.nanoTime() - started) / 1_000_000);
	}

}
