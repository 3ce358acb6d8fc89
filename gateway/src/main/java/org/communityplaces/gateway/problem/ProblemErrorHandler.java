package org.communityplaces.gateway.problem;

import com.mongodb.MongoException;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers every error the gateway itself raises (no such route, a bad request line) as RFC
 * 9457 problem+json, like the services behind it, instead of Boot's own error JSON.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	private static final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(error);
		}
		boolean storeOut = storeNotAnswering(error);
		HttpStatusCode status = storeOut ? HttpStatus.SERVICE_UNAVAILABLE
				: error instanceof ErrorResponse known ? known.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
		if (storeOut) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
		}
		String detail = detail(status, exchange.getRequest().getMethod());
		Mono<Void> problem = Problems.write(exchange, status, Problems.titleOf(status),
				storeOut ? "Signing in is not available just now. " + detail : detail);
		if (!status.is5xxServerError()) {
			return problem;
		}
		return Mono.deferContextual(context -> {
			// The request's trace id on the line: context propagation is "limited", so it is restored here
			try (ContextSnapshot.Scope traced = snapshots.setThreadLocalsFrom(context)) {
				log.error("Gateway error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
						error);
			}
			return problem;
		});
	}

	/**
	 * The gateway's own store (browser sessions, allowances) failed or did not answer in time:
	 * the gateway itself is fine and the store is back soon, so this is a 503 to try again after.
	 */
	private static boolean storeNotAnswering(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessException || cause instanceof MongoException) {
				return true;
			}
		}
		return false;
	}

	private static String detail(HttpStatusCode status, HttpMethod method) {
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			return "There is nothing at this address.";
		}
		if (status.value() == HttpStatus.METHOD_NOT_ALLOWED.value()) {
			return "This address does not take that method.";
		}
		if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			return "The request body is larger than this address takes.";
		}
		if (status.is5xxServerError() && !Problems.isRead(method)) {
			return "Something went wrong on our side, so your change may or may not have been made. Reload to check "
					+ "before sending it again.";
		}
		if (status.is5xxServerError()) {
			return "Something went wrong on our side. Nothing was changed; please try again.";
		}
		return "The request could not be handled as sent.";
	}

}
