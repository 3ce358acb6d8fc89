package org.communityplaces.notifications.person;

import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Where messages for people are kept while they are sent, and how each went. */
@Component
class PersonMessages {

	private final MongoTemplate mongo;

	PersonMessages(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Keeps a new message; one already kept (the event came again) stays as it is. */
	void keep(PersonMessage message) {
		try {
			mongo.insert(message);
		}
		catch (DuplicateKeyException alreadyKept) {
			// Kafka delivers at least once: this message is being or was sent already.
		}
	}

	List<PersonMessage> due(Instant now, int limit) {
		return mongo.find(Query.query(Criteria.where("status").is(PersonMessage.Status.PENDING)
			.and("nextAttemptAt").lte(now)).limit(limit), PersonMessage.class);
	}

	/** Takes a due message for one attempt, so two instances never send it together. */
	PersonMessage claim(PersonMessage message, Instant now, Instant leaseUntil) {
		return mongo.findAndModify(
				Query.query(Criteria.where("_id").is(message.id())
					.and("status").is(PersonMessage.Status.PENDING)
					.and("nextAttemptAt").lte(now)),
				new Update().set("nextAttemptAt", leaseUntil), FindAndModifyOptions.options().returnNew(true),
				PersonMessage.class);
	}

	/** Done with, one way or the other: where it went and what it said are forgotten. */
	void done(String id, PersonMessage.Status status, String outcome, int attempts, Instant at) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", status)
			.set("outcome", outcome)
			.set("attempts", attempts)
			.set("doneAt", at)
			.unset("nextAttemptAt")
			.unset("envelope"), PersonMessage.class);
	}

	void retryAt(String id, int attempts, Instant next) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("attempts", attempts).set("nextAttemptAt", next), PersonMessage.class);
	}

	/** Every message for the person about one referral, whoever made it, oldest first. */
	List<PersonMessage> of(String referralId) {
		return mongo.find(Query.query(Criteria.where("referralId").is(referralId)).with(Sort.by("createdAt")),
				PersonMessage.class);
	}

	List<PersonMessage> of(String referralId, String referrerId) {
		return mongo.find(Query.query(Criteria.where("referralId").is(referralId).and("referrerId").is(referrerId))
			.with(Sort.by("createdAt")), PersonMessage.class);
	}

}
