package org.communityplaces.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Token buckets kept in the gateway's store, one per key, so that a limit holds across every
 * gateway instance: a burst, then a steady rate, as {@link Allowances} counts in one instance's
 * memory. A bucket is kept as the moment it is whole again ({@code fullAt}, the generic cell rate
 * algorithm): each request taken moves that moment on by one interval (one second over the
 * rate), and a request that would move it more than the burst ahead of now is refused. Two atomic
 * updates a request, so instances taking from one bucket at once never both take its last token.
 * A key is kept only as a digest; a bucket whole again is deleted by the store.
 */
final class SharedAllowances {

	static final String COLLECTION = "allowances";

	static final String EXPIRE_AT = "expireAt";

	/** Microseconds since the epoch. */
	private static final String FULL_AT = "fullAt";

	private static final FindAndModifyOptions UPSERT_AND_RETURN = FindAndModifyOptions.options()
		.upsert(true)
		.returnNew(true);

	private final ReactiveMongoOperations mongo;

	private final Clock clock;

	private final long intervalMicros;

	/** How far ahead of now a bucket may be whole again and still give a token: the burst less one. */
	private final long toleranceMicros;

	SharedAllowances(ReactiveMongoOperations mongo, Clock clock, int burst, double perSecond) {
		this.mongo = mongo;
		this.clock = clock;
		this.intervalMicros = Math.round(1_000_000 / perSecond);
		this.toleranceMicros = intervalMicros * (burst - 1);
	}

	/** @return 0 if the key may go on now, else the milliseconds until it may */
	Mono<Long> take(String key) {
		long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
		Criteria bucket = Criteria.where("_id").is(digest(key));
		// An idle bucket is brought up to now: tokens beyond the burst are never saved up
		Update caughtUp = new Update().max(FULL_AT, now).max(EXPIRE_AT, date(now + intervalMicros));
		return mongo.findAndModify(Query.query(bucket), caughtUp, UPSERT_AND_RETURN, Document.class, COLLECTION)
			.flatMap(current -> {
				long ahead = current.get(FULL_AT, Number.class).longValue() - now;
				if (ahead > toleranceMicros) {
					return Mono.just(millis(ahead - toleranceMicros));
				}
				Update taken = new Update().inc(FULL_AT, intervalMicros)
					.max(EXPIRE_AT, date(now + toleranceMicros + intervalMicros));
				return mongo
					.findAndModify(Query.query(Criteria.where("_id").is(digest(key)).and(FULL_AT).lte(now + toleranceMicros)),
							taken, Document.class, COLLECTION)
					.map(before -> 0L)
					// Another instance took the last token in between
					.defaultIfEmpty(millis(intervalMicros));
			});
	}

	private static long millis(long micros) {
		return Math.max(1, (micros + 999) / 1000);
	}

	private static Date date(long micros) {
		return new Date(micros / 1000);
	}

	private static String digest(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
