package org.communityplaces.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every answer is whole: the pages and API answers are small, and a {@code Range} the
 * gateway's file serving cannot meet would be an empty 416 rather than a problem. So a
 * {@code Range} (and its {@code If-Range}) is dropped before anything answers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class WholeAnswers implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (!headers.containsHeader(HttpHeaders.RANGE) && !headers.containsHeader(HttpHeaders.IF_RANGE)) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate()
			.request(request -> request.headers(writable -> {
				writable.remove(HttpHeaders.RANGE);
				writable.remove(HttpHeaders.IF_RANGE);
			}))
			.build());
	}

}
