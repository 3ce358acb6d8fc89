package org.communityplaces.referrals.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.bson.types.ObjectId;
import org.communityplaces.platform.caller.Caller;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The trail of who read whose referral. Written before the data leaves the service: if the
 * entry cannot be stored, the read fails rather than go unrecorded.
 */
@Component
public class AuditLog {

	private final MongoTemplate mongo;

	private final Clock clock;

	AuditLog(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Records that these referrals' personal data is being shown to the caller, and why. */
	public void shown(Caller caller, Collection<String> referralIds, String purpose) {
		if (referralIds.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		mongo.insertAll(referralIds.stream()
			.map(referralId -> entry(caller, referralId, purpose, AuditEntry.Outcome.SHOWN, now))
			.toList());
	}

	/** Records that the caller asked for a referral that is not theirs. */
	public void refused(Caller caller, String referralId, String purpose) {
		mongo.insert(entry(caller, referralId, purpose, AuditEntry.Outcome.REFUSED, clock.instant()));
	}

	List<AuditEntry> find(String referralId, String actorId, int page, int size) {
		Criteria criteria = new Criteria();
		if (referralId != null) {
			criteria.and("referralId").is(referralId);
		}
		if (actorId != null) {
			criteria.and("actorId").is(actorId);
		}
		return mongo.find(Query.query(criteria)
			.with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))
			.skip((long) page * size)
			.limit(size), AuditEntry.class);
	}

	private static AuditEntry entry(Caller caller, String referralId, String purpose, AuditEntry.Outcome outcome,
			Instant at) {
		return new AuditEntry(new ObjectId().toHexString(), at, caller.id(), caller.role().name().toLowerCase(),
				referralId, purpose, outcome);
	}

}
