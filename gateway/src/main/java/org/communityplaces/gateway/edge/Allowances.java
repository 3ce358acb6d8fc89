package org.communityplaces.gateway.edge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.communityplaces.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * In-memory token buckets, one per key (a client address, a person): a burst, then a steady
 * rate. What is over the rate is answered 429 with a {@code Retry-After}.
 */
final class Allowances {

	private final double burst;

	private final double perSecond;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	Allowances(double burst, double perSecond) {
		this.burst = burst;
		this.perSecond = perSecond;
	}

	/** @return 0 if the key may go on now, else the milliseconds until it may */
	long take(String key) {
		return buckets.computeIfAbsent(key, k -> new Bucket(burst)).take(System.nanoTime());
	}

	/** Buckets full again are forgotten, so the map holds only keys active lately. */
	void forgetIdle() {
		long now = System.nanoTime();
		buckets.entrySet().removeIf(entry -> entry.getValue().full(now));
	}

	static Mono<Void> tooMany(ServerWebExchange exchange, long waitMillis, String detail) {
		exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(Math.max(1, (waitMillis + 999) / 1000)));
		return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail);
	}

	private final class Bucket {

		private double tokens;

		private long updatedAt = System.nanoTime();

		Bucket(double tokens) {
			this.tokens = tokens;
		}

		synchronized long take(long now) {
			refill(now);
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - tokens) / perSecond * 1000);
		}

		synchronized boolean full(long now) {
			refill(now);
			return tokens >= burst;
		}

		private void refill(long now) {
			tokens = Math.min(burst, tokens + (now - updatedAt) / 1e9 * perSecond);
			updatedAt = now;
		}

	}

}
