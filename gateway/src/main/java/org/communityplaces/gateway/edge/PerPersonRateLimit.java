package org.communityplaces.gateway.edge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Each signed-in person gets a token bucket of their own, tighter than the one per address, so
 * one busy or broken client cannot crowd out a whole surgery behind the same address. Counted
 * after sign-in, so nobody can spend someone else's allowance by naming them.
 */
@Component
class PerPersonRateLimit implements GlobalFilter, Ordered {

	private final Allowances perPerson;

	private final Counter limited;

	PerPersonRateLimit(@Value("${gateway.limits.per-person-burst}") int burst,
			@Value("${gateway.limits.per-person-per-second}") int perSecond, MeterRegistry meters) {
		this.perPerson = new Allowances(burst, perSecond);
		this.limited = Counter.builder("gateway.requests.limited").tag("limit", "person").register(meters);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return exchange.getPrincipal()
			.map(person -> perPerson.take(person.getName()))
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
		perPerson.forgetIdle();
	}

}
