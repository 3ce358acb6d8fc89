package org.communityplaces.referrals.referral;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.outbox.Outbox;
import org.communityplaces.platform.outbox.OutboxEntry;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where referrals are kept. Every change is one conditional single-document write through the
 * outbox kernel, storing the new state and the events it causes together, and succeeding only
 * if nobody changed the referral since it was read: of two concurrent decisions exactly one
 * wins. The relay hears of a change only once it is stored.
 */
@Component
public class ReferralStore {

	private final MongoTemplate mongo;

	private final Outbox outbox;

	ReferralStore(MongoTemplate mongo, Outbox outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	/** The referral, whoever asks; callers check need-to-know with {@link ReferralAccess}. */
	public Referral find(String id) {
		Referral referral = mongo.findById(id, Referral.class);
		if (referral == null) {
			throw new ReferralProblems.NotFound();
		}
		return referral;
	}

	public List<Referral> find(Criteria criteria) {
		return mongo.find(Query.query(criteria), Referral.class);
	}

	List<Referral> find(Criteria criteria, Sort sort, int page, int size) {
		return mongo.find(Query.query(criteria).with(sort).skip((long) page * size).limit(size), Referral.class);
	}

	/** A page of the referrals that match in the store and then pass {@code test}, in order. */
	List<Referral> findMatching(Criteria criteria, Sort sort, Predicate<Referral> test, int page, int size) {
		try (Stream<Referral> all = mongo.stream(Query.query(criteria).with(sort), Referral.class)) {
			return all.filter(test).skip((long) page * size).limit(size).toList();
		}
	}

	public Optional<Referral> findByIdempotencyKey(String key) {
		return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("idempotency.key").is(key)), Referral.class));
	}

	/** The outbox entry of an event of a referral about to be inserted. */
	public OutboxEntry entry(Record event, Instant occurredAt) {
		return outbox.entry(event, occurredAt);
	}

	/** @throws org.springframework.dao.DuplicateKeyException when its idempotency key was used before */
	public Referral insert(Referral referral) {
		return outbox.insert(referral);
	}

	/**
	 * Applies the changes and appends the events, if the referral is still as it was read.
	 * @throws org.springframework.dao.OptimisticLockingFailureException when it changed since
	 */
	public Referral update(Referral referral, Update changes, Instant at, Record... events) {
		return outbox.update(Referral.class, referral.id(), referral.version(), changes, at, events);
	}

	/** The changes that move a referral to {@code next}, with the step in its history. */
	public static Update moveTo(ReferralStatus next, Caller caller, Instant at, String reason, String text) {
		Update changes = new Update().set("status", next)
			.push("history", Referral.StatusChange.by(caller, next, at, reason, text));
		if (next.closed()) {
			changes.set("timeline.closedAt", at);
		}
		return changes;
	}

	/**
	 * Referrals still open at a place follow it to its new host; closed ones keep their history.
	 * Only those still with another host are written, so asking again changes nothing and each
	 * moved referral's version moves on once. Typed, so that {@code place.id} maps to where it is
	 * stored, and the version moves on.
	 */
	public void followNewHost(String placeId, String hostEmail) {
		String host = hostEmail.toLowerCase(Locale.ROOT);
		mongo.updateMulti(Query.query(Criteria.where("place.id")
			.is(placeId)
			.and("timeline.closedAt")
			.is(null)
			.and("place.hostEmail")
			.ne(host)), new Update().set("place.hostEmail", host), Referral.class);
	}

}
