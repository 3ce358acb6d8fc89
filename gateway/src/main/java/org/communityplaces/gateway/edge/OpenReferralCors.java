package org.communityplaces.gateway.edge;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The Open Referral UK read API may be read by a page on any site. A browser's preflight to
 * any {@code /oruk} address is answered here, after the rate limit, the body limit and the
 * firewall have seen it (a route cannot pass a preflight on: the gateway's routing answers
 * every preflight itself, without CORS headers when it has no rule, and with an empty 403
 * for a method a rule leaves out). Every {@code /oruk} answer carries one
 * {@code Access-Control-Allow-Origin: *}, set over the service's own so a browser never
 * sees it twice.
 */
@Component
@Order(OpenReferralCors.AFTER_THE_FIREWALL)
class OpenReferralCors implements WebFilter {

	/** Just after Spring Security's filter chain (order -100), which holds the firewall. */
	static final int AFTER_THE_FIREWALL = -99;

	private static final String METHODS = "GET, HEAD, OPTIONS";

	private static final String ONE_DAY = "86400";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.equals("/oruk") && !path.startsWith("/oruk/")) {
			return chain.filter(exchange);
		}
		HttpHeaders answer = exchange.getResponse().getHeaders();
		if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
			answer.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
			answer.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
			answer.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "*");
			answer.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, ONE_DAY);
			exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
			return exchange.getResponse().setComplete();
		}
		exchange.getResponse().beforeCommit(() -> {
			answer.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
