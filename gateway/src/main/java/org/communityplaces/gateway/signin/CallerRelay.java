package org.communityplaces.gateway.signin;

import java.util.List;

import org.communityplaces.gateway.store.GatewayStore;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who is calling: whatever credentials or cookies a client sent are
 * removed, and for a signed-in person the gateway adds its own short-lived signed token,
 * which each service checks against the gateway's public key.
 */
@Component
class CallerRelay implements GlobalFilter, Ordered {

	private static final List<String> CLIENT_CREDENTIALS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE);

	private final RelayTokens tokens;

	CallerRelay(RelayTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return GatewayStore.signedInOrNobody(exchange)
			.flatMap(principal -> Mono.justOrEmpty(SignedIn.person(principal)))
			.map(person -> relayed(exchange, person))
			.switchIfEmpty(Mono.fromSupplier(() -> relayed(exchange, null)))
			.flatMap(chain::filter);
	}

	private ServerWebExchange relayed(ServerWebExchange exchange, Person person) {
		return exchange.mutate().request(request -> request.headers(headers -> {
			CLIENT_CREDENTIALS.forEach(headers::remove);
			if (person != null) {
				headers.setBearerAuth(tokens.tokenFor(person));
			}
		})).build();
	}

}
