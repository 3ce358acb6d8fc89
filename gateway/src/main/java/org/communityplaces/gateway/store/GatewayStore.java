package org.communityplaces.gateway.store;

import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoException;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's own MongoDB database ({@code spring.mongodb.uri}), which every gateway instance
 * shares: browser sessions, per-person allowances and failed sign-ins, nothing else. The gateway
 * starts and serves the open routes without it; what needs it waits for it briefly, not the
 * driver's 30 s.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayStore {

	private static final Duration WAIT_FOR_STORE = Duration.ofSeconds(2);

	private static final Duration WAIT_FOR_HUNG_STORE = Duration.ofSeconds(5);

	@Bean
	MongoClientSettingsBuilderCustomizer briefWaitForTheStore() {
		return settings -> settings
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(WAIT_FOR_STORE.toMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout((int) WAIT_FOR_STORE.toMillis(), TimeUnit.MILLISECONDS)
				// A store that hangs with the connection open is waited on a little longer than one that is gone
				.readTimeout((int) WAIT_FOR_HUNG_STORE.toMillis(), TimeUnit.MILLISECONDS));
	}

	/**
	 * Who signed in, or nobody when the store cannot say. A route that needs a signed-in person
	 * has been refused with a 503 before this is asked; an open one (a search, the Open Referral
	 * UK API) must not fail for a store that is out just because the caller still has a session
	 * cookie.
	 */
	public static Mono<Principal> signedInOrNobody(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.onErrorResume(failure -> failure instanceof DataAccessException || failure instanceof MongoException,
					storeOut -> Mono.empty());
	}

	/**
	 * Has the store delete each document of a collection once the time in its {@code field} has
	 * passed. Made in the background, tried again until the store answers, so a gateway started
	 * while the store is out still starts.
	 * @return to stop trying when the gateway stops
	 */
	public static Disposable expireAt(ReactiveMongoOperations mongo, String collection, String field) {
		return mongo.indexOps(collection)
			.createIndex(new Index(field, Sort.Direction.ASC).named(field).expire(Duration.ZERO))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1)))
			.subscribe();
	}

}
