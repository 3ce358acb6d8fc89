package org.communityplaces.gateway.signin;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * Browser sign-ins live in the session, kept in the gateway's store; a request that carries no
 * session cookie (an API client, an open search, a page's first visit) is not made to look one
 * up there.
 */
class BrowserSessions implements ServerSecurityContextRepository {

	private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

	private final WebSessionIdResolver sessionIds;

	BrowserSessions(WebSessionIdResolver sessionIds) {
		this.sessionIds = sessionIds;
	}

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		return sessions.save(exchange, context);
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		return sessionIds.resolveSessionIds(exchange).isEmpty() ? Mono.empty() : sessions.load(exchange);
	}

}
