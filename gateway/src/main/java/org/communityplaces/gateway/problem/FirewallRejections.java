package org.communityplaces.gateway.problem;

import java.util.LinkedHashSet;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's firewall refuses, before anything else sees them, addresses that are not
 * plain ({@code ..}, encoded slashes or dots, {@code ;} parameters, control characters) and
 * methods nobody here serves. Its own answer is an empty 400; this one is a problem like every
 * other: a 405 naming the methods served, or a 400 that names no part of the address.
 */
@Component
class FirewallRejections implements ServerExchangeRejectedHandler {

	private static final List<HttpMethod> SERVED = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
			HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		if (!SERVED.contains(exchange.getRequest().getMethod())) {
			exchange.getResponse().getHeaders().setAllow(new LinkedHashSet<>(SERVED));
			return Problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
					"This address does not take that method.");
		}
		return Problems.write(exchange, HttpStatus.BAD_REQUEST, "Bad request",
				"The address or a header is not accepted: an address must be plain, without '..', encoded "
						+ "slashes or dots, ';' parameters or control characters.");
	}

}
