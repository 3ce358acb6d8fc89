package org.communityplaces.gateway.problem;

import java.net.ConnectException;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends callers when the service fails, hangs or is shut off:
 * a 503 they can act on, never a stack trace, naming only services the gateway knows (the
 * address is not echoed back). A read changed nothing. A change that never reached the service
 * (the circuit was open, or nothing answered the connection) changed nothing either; one that
 * was sent and then timed out or broke off may have been made, and the answer says so and how
 * to try again safely.
 */
@RestController
class ServiceUnavailableController {

	private static final Set<String> SERVICES = Set.of("places", "referral", "notification");

	/** Written whatever the caller accepts: a malformed or narrow {@code Accept} still gets the problem. */
	@RequestMapping("/unavailable/{service}")
	Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
		boolean known = SERVICES.contains(service);
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
		return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				(known ? "The " + service + " service is" : "A service is") + " not answering. " + outcome(exchange),
				known ? "/unavailable/" + service : "/unavailable");
	}

	private static String outcome(ServerWebExchange exchange) {
		Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (Problems.isRead(exchange.getRequest().getMethod()) || neverSent(failure)) {
			return "Nothing was changed by this request; try again shortly.";
		}
		return "Your change was sent but no answer came back, so it may or may not have been made. Reload to check "
				+ "before sending it again; if you sent it with an Idempotency-Key header, send it again with the same "
				+ "Idempotency-Key and it is made only once.";
	}

	private static boolean neverSent(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CallNotPermittedException || cause instanceof ConnectException) {
				return true;
			}
		}
		return false;
	}

}
