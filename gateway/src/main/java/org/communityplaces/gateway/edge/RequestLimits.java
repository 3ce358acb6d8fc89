package org.communityplaces.gateway.edge;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.communityplaces.gateway.problem.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Shields the services. Each client address gets an in-memory token bucket (a burst, then a
 * steady rate), beyond which requests are a 429 with a {@code Retry-After}; one gateway
 * instance counts on its own; with several, each allows its share. A body is counted as it
 * arrives, whatever {@code Content-Length} says or whether it is chunked, and refused with a
 * 413 once it passes the limit (imports have a larger one); a method that takes no body is
 * refused one outright. Nothing keeps a body in memory (body caching is off, see
 * {@code application.yml}), so a body that never ends costs no more than the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestLimits implements WebFilter {

	private static final Set<HttpMethod> WITHOUT_BODY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE,
			HttpMethod.OPTIONS, HttpMethod.TRACE);

	private static final String IMPORTS = "/api/places/imports";

	/** What anyone may send without signing in: a report that a listing is out of date, a host's confirmation. */
	private static final Pattern OPEN_WRITES = Pattern.compile("/api/places/[^/]+/(reports|confirmations)/?");

	private static final String CONFIRMATION_TOKEN = "Confirmation-Token";

	private final long maxBodyBytes;

	private final long maxImportBytes;

	private final Allowances perAddress;

	private final Allowances openWritesPerAddress;

	private final Counter limited;

	private final Counter oversized;

	RequestLimits(@Value("${gateway.limits.max-body}") DataSize maxBody,
			@Value("${gateway.limits.max-import-body}") DataSize maxImportBody,
			@Value("${gateway.limits.burst}") int burst, @Value("${gateway.limits.per-second}") int perSecond,
			@Value("${gateway.limits.open-writes-burst}") int openWritesBurst,
			@Value("${gateway.limits.open-writes-per-hour}") int openWritesPerHour, MeterRegistry meters) {
		this.maxBodyBytes = maxBody.toBytes();
		this.maxImportBytes = maxImportBody.toBytes();
		this.perAddress = new Allowances(burst, perSecond);
		this.openWritesPerAddress = new Allowances(openWritesBurst, openWritesPerHour / 3600.0);
		this.limited = Counter.builder("gateway.requests.limited").tag("limit", "rate").register(meters);
		this.oversized = Counter.builder("gateway.requests.limited").tag("limit", "body-size").register(meters);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long waitMillis = perAddress.take(clientOf(exchange));
		if (waitMillis > 0) {
			limited.increment();
			return Allowances.tooMany(exchange, waitMillis,
					"Too many requests from this address. Wait a moment and try again.");
		}
		ServerHttpRequest request = exchange.getRequest();
		if (isOpenWrite(request)) {
			long openWait = openWritesPerAddress.take(clientOf(exchange));
			if (openWait > 0) {
				limited.increment();
				return Allowances.tooMany(exchange, openWait,
						"Too many reports and confirmations from this address. Try again later.");
			}
		}
		if (WITHOUT_BODY.contains(request.getMethod())) {
			if (hasBody(request.getHeaders())) {
				return refuse(exchange, "This request takes no body: send it without one.");
			}
			return chain.filter(exchange.mutate().request(withoutBody(request)).build());
		}
		long allowed = isImport(request) ? maxImportBytes : maxBodyBytes;
		if (request.getHeaders().getContentLength() > allowed) {
			return refuse(exchange, BodyTooLarge.detail(allowed));
		}
		return chain.filter(exchange.mutate().request(counted(request, allowed)).build())
			.onErrorResume(error -> BodyTooLarge.in(error) != null,
					error -> tooLarge(exchange, BodyTooLarge.in(error).getReason()));
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetIdleClients() {
		perAddress.forgetIdle();
		openWritesPerAddress.forgetIdle();
	}

	private Mono<Void> refuse(ServerWebExchange exchange, String detail) {
		oversized.increment();
		return tooLarge(exchange, detail);
	}

	/**
	 * The rest of a refused body is not read: the connection is closed after the answer, so a
	 * body that never ends stops there.
	 */
	static Mono<Void> tooLarge(ServerWebExchange exchange, String detail) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.empty();
		}
		exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
		return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Request too large", detail);
	}

	private static boolean hasBody(HttpHeaders headers) {
		return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
	}

	/**
	 * A report, or a confirmation with the token from a review e-mail: a signed-in host or admin
	 * confirming from their own pages sends no token and is held to their own per-person limit.
	 */
	private static boolean isOpenWrite(ServerHttpRequest request) {
		if (!HttpMethod.POST.equals(request.getMethod())) {
			return false;
		}
		Matcher write = OPEN_WRITES.matcher(request.getPath().pathWithinApplication().value());
		return write.matches()
				&& (write.group(1).equals("reports") || request.getHeaders().containsHeader(CONFIRMATION_TOKEN));
	}

	private static boolean isImport(ServerHttpRequest request) {
		String path = request.getPath().pathWithinApplication().value();
		return path.equals(IMPORTS) || path.equals(IMPORTS + "/");
	}

	/** A read's body is empty however often it is read, so a read can be tried again without keeping anything. */
	private static ServerHttpRequest withoutBody(ServerHttpRequest request) {
		return new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.empty();
			}
		};
	}

	private ServerHttpRequest counted(ServerHttpRequest request, long allowed) {
		return new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > allowed) {
						DataBufferUtils.release(buffer);
						oversized.increment();
						sink.error(new BodyTooLarge(allowed));
					}
					else {
						sink.next(buffer);
					}
				});
			}
		};
	}

	private static String clientOf(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

	/** A body found over its limit while it was being read or sent on. */
	static final class BodyTooLarge extends ResponseStatusException {

		BodyTooLarge(long allowed) {
			super(HttpStatus.CONTENT_TOO_LARGE, detail(allowed));
		}

		static String detail(long allowed) {
			return "The request body is larger than " + DataSize.ofBytes(allowed).toKilobytes() + " KB.";
		}

		/** @return this refusal if it is the error or its cause (the client sending it on wraps it), else null */
		static BodyTooLarge in(Throwable error) {
			for (Throwable cause = error; cause != null; cause = cause.getCause()) {
				if (cause instanceof BodyTooLarge tooLarge) {
					return tooLarge;
				}
			}
			return null;
		}

	}

	/**
	 * Inside every route's circuit breaker and retry: a body found too large on its way to the
	 * service is the caller's doing, so it is answered here as a 413 instead of reaching the
	 * circuit breaker as a failure of the service (and its "service unavailable" fallback).
	 */
	@Component
	static class OnTheWayToTheService implements GlobalFilter, Ordered {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
			return chain.filter(exchange).onErrorResume(error -> BodyTooLarge.in(error) != null,
					error -> tooLarge(exchange, BodyTooLarge.in(error).getReason()));
		}

		/** After the routes' own filters (numbered from 1 in the order they are listed), before the routing itself. */
		@Override
		public int getOrder() {
			return 1000;
		}

	}

}
