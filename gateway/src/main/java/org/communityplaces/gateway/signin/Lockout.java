package org.communityplaces.gateway.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;

import org.bson.Document;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Locks an account after repeated failed sign-ins, so a password cannot be guessed by trying.
 * Counted in the gateway's store, so the count and the lock hold whichever gateway instances the
 * guesses are sent to, and so does an admin's unlock. Failures are forgotten {@code lock-for}
 * after the last one, and a lock once it has passed; an account is known there only by a digest
 * of its username.
 */
final class Lockout {

	static final String COLLECTION = "signInFailures";

	static final String EXPIRE_AT = "expireAt";

	private static final String FAILURES = "failures";

	private static final String LOCKED_UNTIL = "lockedUntil";

	private static final FindAndModifyOptions UPSERT_AND_RETURN = FindAndModifyOptions.options()
		.upsert(true)
		.returnNew(true);

	private final ReactiveMongoOperations mongo;

	private final SignInSettings settings;

	private final Clock clock;

	Lockout(ReactiveMongoOperations mongo, SignInSettings settings, Clock clock) {
		this.mongo = mongo;
		this.settings = settings;
		this.clock = clock;
	}

	/** Until when the account is locked, or empty when it is not. */
	Mono<Instant> lockedUntil(String username) {
		Instant now = clock.instant();
		return mongo.findById(key(username), Document.class, COLLECTION)
			.mapNotNull(record -> record.getDate(LOCKED_UNTIL))
			.map(Date::toInstant)
			.filter(until -> until.isAfter(now));
	}

	/**
	 * Counts an attempt as failed before its password is checked, so that attempts made at the
	 * same time, on any instance, are all counted: the one that reaches the limit locks the
	 * account, and those past it are not checked.
	 * @return false when the account is locked and the password must not be checked
	 */
	Mono<Boolean> reserveAttempt(String username) {
		Instant now = clock.instant();
		Date forgetAt = Date.from(now.plus(settings.lockFor()));
		String account = key(username);
		Update startAgain = new Update().set(FAILURES, 0).unset(LOCKED_UNTIL);
		Update counted = new Update().inc(FAILURES, 1).set(EXPIRE_AT, forgetAt);
		Update locked = new Update().set(LOCKED_UNTIL, forgetAt).set(EXPIRE_AT, forgetAt);
		return mongo
			// Failures, or a lock, that have run out count no more, whether or not the store has deleted them yet
			.updateFirst(Query.query(Criteria.where("_id").is(account).and(EXPIRE_AT).lte(Date.from(now))), startAgain,
					COLLECTION)
			.then(mongo
				.findAndModify(Query.query(Criteria.where("_id").is(account).and(LOCKED_UNTIL).exists(false)), counted,
						UPSERT_AND_RETURN, Document.class, COLLECTION)
				// Two first failures at once: the other added the record, which this one then counts in
				.retryWhen(Retry.max(1)
					.filter(DuplicateKeyException.class::isInstance)
					.onRetryExhaustedThrow((spec, signal) -> signal.failure())))
			.flatMap(record -> {
				int failures = record.get(FAILURES, Number.class).intValue();
				if (failures < settings.maxFailures()) {
					return Mono.just(true);
				}
				if (failures > settings.maxFailures()) {
					return Mono.just(false);
				}
				return mongo.updateFirst(Query.query(Criteria.where("_id").is(account)), locked, COLLECTION).thenReturn(true);
			})
			// The account's record is there with a lock on it, so the upsert could not add one
			.onErrorResume(DuplicateKeyException.class, lockedAlready -> Mono.just(false));
	}

	/** A sign-in succeeded, or an admin unlocked the account: the count starts again, reserved attempts with it. */
	Mono<Void> reset(String username) {
		return mongo.remove(Query.query(Criteria.where("_id").is(key(username))), COLLECTION).then();
	}

	private static String key(String username) {
		String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
