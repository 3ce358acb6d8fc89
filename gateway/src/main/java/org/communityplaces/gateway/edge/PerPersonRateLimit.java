package org.communityplaces.gateway.edge;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.communityplaces.gateway.store.GatewayStore;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Each signed-in person gets a token bucket of their own, tighter than the one per address, so
 * one busy or broken client cannot crowd out a whole surgery behind the same address. Counted
 * after sign-in, so nobody can spend someone else's allowance by naming them. The bucket is kept
 * in the gateway's store, so it holds across every gateway instance; while the store does not
 * answer (its circuit breaker, {@code allowances}, is open or its time limit passes), each
 * instance counts in its own memory instead, and nobody is refused for the store's sake.
 */
@Component
class PerPersonRateLimit implements GlobalFilter, Ordered {

	private final SharedAllowances perPerson;

	private final Allowances perPersonHere;

	private final ReactiveCircuitBreaker store;

	private final ReactiveMongoOperations mongo;

	private final Counter limited;

	private Disposable expiry;

	PerPersonRateLimit(@Value("${gateway.limits.per-person-burst}") int burst,
			@Value("${gateway.limits.per-person-per-second}") int perSecond, ReactiveMongoOperations mongo, Clock clock,
			ReactiveCircuitBreakerFactory<?, ?> circuitBreakers, MeterRegistry meters) {
		this.perPerson = new SharedAllowances(mongo, clock, burst, perSecond);
		this.perPersonHere = new Allowances(burst, perSecond);
		this.store = circuitBreakers.create("allowances");
		this.mongo = mongo;
		this.limited = Counter.builder("gateway.requests.limited").tag("limit", "person").register(meters);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return GatewayStore.signedInOrNobody(exchange)
			.flatMap(person -> store.run(perPerson.take(person.getName()),
					storeOut -> Mono.fromSupplier(() -> perPersonHere.take(person.getName()))))
			.defaultIfEmpty(0L)
			.flatMap(waitMillis -> waitMillis == 0 ? chain.filter(exchange) : tooMany(exchange, waitMillis));
	}

	private Mono<Void> tooMany(ServerWebExchange exchange, long waitMillis) {
		limited.increment();
		return Allowances.tooMany(exchange, waitMillis,
				"You are sending requests faster than the service allows. Wait a moment and try again.");
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetIdlePeople() {
		perPersonHere.forgetIdle();
	}

	@EventListener(ApplicationReadyEvent.class)
	void deleteWholeBuckets() {
		expiry = GatewayStore.expireAt(mongo, SharedAllowances.COLLECTION, SharedAllowances.EXPIRE_AT);
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		if (expiry != null) {
			expiry.dispose();
		}
	}

}
