package org.communityplaces.gateway.edge;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends the request's trace on to the service (W3C {@code traceparent} and baggage) from the
 * span the gateway's server already keeps for the request, so the service's spans are its
 * children. Spring Cloud Gateway's own client observation (a second span, timer and header copy
 * for every proxied call) is off: it measured nothing the server's span and the services' own
 * spans do not, at some 8% of the gateway's CPU (docs/benchmarks.md, issue 20).
 */
@Component
class TraceRelay implements HttpHeadersFilter {

	private final Propagator propagator;

	TraceRelay(Propagator propagator) {
		this.propagator = propagator;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map(context -> context.<TracingContext>get(TracingContext.class))
			.map(TracingContext::getSpan)
			.orElse(null);
		if (span == null) {
			return input;
		}
		HttpHeaders traced = HttpHeaders.copyOf(input);
		this.propagator.inject(span.context(), traced, HttpHeaders::set);
		return traced;
	}

}
