package org.communityplaces.gateway.signin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who is calling. Whatever identity headers or credentials a client sent
 * are removed, so only the gateway speaks for the signed-in person; then the person's id,
 * role, name, e-mail and organisation go on as {@code X-Caller-*} headers, percent-encoded.
 * The services trust these headers, so they must be reachable only through the gateway.
 */
@Component
class CallerRelay implements GlobalFilter, Ordered {

	private static final List<String> IDENTITY_HEADERS = List.of("X-Caller-Id", "X-Caller-Role", "X-Caller-Name",
			"X-Caller-Email", "X-Caller-Organisation", "X-Caller-Organisation-Name", HttpHeaders.AUTHORIZATION,
			HttpHeaders.COOKIE);

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.filter(principal -> principal instanceof Authentication authentication
					&& authentication.getPrincipal() instanceof Person)
			.map(principal -> (Person) ((Authentication) principal).getPrincipal())
			.map(person -> relayed(exchange, person))
			.defaultIfEmpty(relayed(exchange, null))
			.flatMap(chain::filter);
	}

	private static ServerWebExchange relayed(ServerWebExchange exchange, Person person) {
		return exchange.mutate().request(request -> request.headers(headers -> {
			IDENTITY_HEADERS.forEach(headers::remove);
			if (person != null) {
				set(headers, "X-Caller-Id", person.username());
				set(headers, "X-Caller-Role", person.role());
				set(headers, "X-Caller-Name", person.name());
				set(headers, "X-Caller-Email", person.email());
				set(headers, "X-Caller-Organisation", person.organisation());
				set(headers, "X-Caller-Organisation-Name", person.organisationName());
			}
		})).build();
	}

	private static void set(HttpHeaders headers, String name, String value) {
		if (value != null && !value.isBlank()) {
			headers.set(name, URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
		}
	}

}
