package org.communityplaces.notifications.person;

import java.time.Clock;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Forgets what is held about the person of a referral whose details referral-service erased:
 * a message for them still waiting to go, or arriving later, is not sent, and where it would
 * have gone and its words are dropped. What stays says how each message went, with nothing of the person, as
 * it does once a message is done with.
 */
@Component
public class PersonDataErasure {

	static final String ERASED = "Not sent: their details were erased.";

	private static final String ERASED_REFERRALS = "erased_referrals";

	private final MongoTemplate mongo;

	private final Clock clock;

	PersonDataErasure(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Safe to repeat, as Kafka may deliver the erasure again. The referral's id is kept, and
	 * nothing else, so that a message for the person read from its own topic after this is not
	 * sent either.
	 */
	public void forget(String referralId) {
		mongo.upsert(Query.query(Criteria.where("_id").is(referralId)), new Update().setOnInsert("at", clock.instant()),
				ERASED_REFERRALS);
		mongo.updateMulti(
				Query.query(Criteria.where("referralId").is(referralId).and("status").is(PersonMessage.Status.PENDING)),
				new Update().set("status", PersonMessage.Status.NOT_SENT)
					.set("outcome", ERASED)
					.set("doneAt", clock.instant())
					.unset("nextAttemptAt")
					.unset("envelope"),
				PersonMessage.class);
		mongo.updateMulti(Query.query(Criteria.where("referralId").is(referralId).and("envelope").exists(true)),
				new Update().unset("envelope"), PersonMessage.class);
	}

	/** Whether the person's details on this referral were erased. */
	boolean erased(String referralId) {
		return mongo.exists(Query.query(Criteria.where("_id").is(referralId)), ERASED_REFERRALS);
	}

}
