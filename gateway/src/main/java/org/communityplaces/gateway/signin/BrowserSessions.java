package org.communityplaces.gateway.signin;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * Browser sign-ins live in the session; a request with no cookie at all (an API client, an
 * open search) is not made to look one up.
 */
class BrowserSessions implements ServerSecurityContextRepository {

	private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		return sessions.save(exchange, context);
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		return exchange.getRequest().getCookies().isEmpty() ? Mono.empty() : sessions.load(exchange);
	}

}
