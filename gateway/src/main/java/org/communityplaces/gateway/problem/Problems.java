package org.communityplaces.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/** Writes an RFC 9457 problem+json answer from the gateway itself, like the services behind it. */
public final class Problems {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	private Problems() {
	}

	public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String title, String detail) {
		return write(exchange, status, title, detail, exchange.getRequest().getPath().value());
	}

	/** @param instance the address the problem names, where the request's own should not be echoed back */
	static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String title, String detail,
			String instance) {
		ServerHttpResponse response = exchange.getResponse();
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", instance);
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
	}

	/** A read changes nothing, so a failed one can be said to have changed nothing; a change cannot, once sent. */
	static boolean isRead(HttpMethod method) {
		return READS.contains(method);
	}

	public static String titleOf(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return known != null ? known.getReasonPhrase() : "Error";
	}

}
