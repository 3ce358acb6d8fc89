package org.communityplaces.gateway.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.util.retry.Retry;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The gateway's own MongoDB database ({@code spring.mongodb.uri}), which every gateway instance
 * shares: browser sessions and per-person allowances, nothing else. The gateway starts and
 * serves the open routes without it; what needs it waits for it briefly, not the driver's 30 s.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayStore {

	private static final Duration WAIT_FOR_STORE = Duration.ofSeconds(2);

	@Bean
	MongoClientSettingsBuilderCustomizer briefWaitForTheStore() {
		return settings -> settings
			.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(WAIT_FOR_STORE.toMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings(socket -> socket.connectTimeout((int) WAIT_FOR_STORE.toMillis(), TimeUnit.MILLISECONDS));
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
