package org.communityplaces.gateway.signin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.communityplaces.gateway.store.GatewayStore;
import org.mongodb.spring.session.ReactiveMongoSessionRepository;
import org.mongodb.spring.session.config.annotation.web.reactive.EnableMongoWebSession;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;

/**
 * What sign-in keeps in the gateway's store, shared by every gateway instance. Browser sessions
 * (Spring Session for MongoDB): a person signed in on one instance is signed in on all of them,
 * and signing out on one ends the session on all. A session lasts
 * {@code server.reactive.session.timeout} from its last use; the cookie is still Boot's
 * ({@code server.reactive.session.cookie}). And failed sign-ins ({@link Lockout}). The store
 * deletes each once it has run out.
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoWebSession
class SignInStore {

	/** Where MongoSession keeps the moment a session runs out. */
	private static final String EXPIRES_AT = "expireAt";

	private final ReactiveMongoOperations mongo;

	private final List<Disposable> expiry = new ArrayList<>();

	SignInStore(ReactiveMongoOperations mongo) {
		this.mongo = mongo;
	}

	@Bean
	ReactiveSessionRepositoryCustomizer<ReactiveMongoSessionRepository> idleTimeout(
			@Value("${server.reactive.session.timeout}") Duration timeout) {
		return sessions -> sessions.setDefaultMaxInactiveInterval(timeout);
	}

	@EventListener(ApplicationReadyEvent.class)
	void deleteWhatHasRunOut() {
		expiry.add(GatewayStore.expireAt(mongo, ReactiveMongoSessionRepository.DEFAULT_COLLECTION_NAME, EXPIRES_AT));
		expiry.add(GatewayStore.expireAt(mongo, Lockout.COLLECTION, Lockout.EXPIRE_AT));
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		expiry.forEach(Disposable::dispose);
	}

}
