package org.communityplaces.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.bson.types.ObjectId;
import org.communityplaces.platform.caller.Caller;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The trail of who was shown which record, who asked for one that was not theirs, and who
 * changed which record. Written
 * before the answer leaves the service: if the entry cannot be stored, the request fails
 * rather than go unrecorded.
 */
public class AuditLog {

	/** Who acted, when the service acted on a schedule. */
	public static final String SCHEDULE = "schedule";

	private final MongoTemplate mongo;

	private final Clock clock;

	AuditLog(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Records that these records are being shown to the caller, and why. */
	public void shown(Caller caller, String objectType, Collection<String> objectIds, String purpose) {
		if (objectIds.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		mongo.insertAll(objectIds.stream()
			.map(objectId -> entry(caller, objectType, objectId, purpose, AuditEntry.Outcome.SHOWN, now))
			.toList());
	}

	/** Records that the caller asked for a record that is not theirs. */
	public void refused(Caller caller, String objectType, String objectId, String purpose) {
		mongo.insert(entry(caller, objectType, objectId, purpose, AuditEntry.Outcome.REFUSED, clock.instant()));
	}

	/** Records that the caller made, changed or removed this record, and what they did. */
	public void changed(Caller caller, String objectType, String objectId, String purpose) {
		mongo.insert(entry(caller, objectType, objectId, purpose, AuditEntry.Outcome.CHANGED, clock.instant()));
	}

	/**
	 * Records a change made with a signed link the service e-mailed (the holder of the link is
	 * taken to be the person it was sent to, in that role), with nobody signed in.
	 */
	public void changedWithLink(String role, String objectType, String objectId, String purpose) {
		mongo.insert(new AuditEntry(new ObjectId().toHexString(), clock.instant(), "e-mailed-link", role, objectType,
				objectId, purpose, AuditEntry.Outcome.CHANGED));
	}

	/** Records a change nobody asked for just then: the service did it on a schedule someone set. */
	public void changedOnSchedule(String objectType, String objectId, String purpose) {
		mongo.insert(new AuditEntry(new ObjectId().toHexString(), clock.instant(), SCHEDULE, SCHEDULE, objectType,
				objectId, purpose, AuditEntry.Outcome.CHANGED));
	}

	List<AuditEntry> find(String objectId, String actorId, int page, int size) {
		Criteria criteria = new Criteria();
		if (objectId != null) {
			criteria.and("objectId").is(objectId);
		}
		if (actorId != null) {
			criteria.and("actorId").is(actorId);
		}
		return mongo.find(Query.query(criteria)
			.with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))
			.skip((long) page * size)
			.limit(size), AuditEntry.class);
	}

	private static AuditEntry entry(Caller caller, String objectType, String objectId, String purpose,
			AuditEntry.Outcome outcome, Instant at) {
		return new AuditEntry(new ObjectId().toHexString(), at, caller.id(), caller.role().name().toLowerCase(Locale.ROOT),
				objectType, objectId, purpose, outcome);
	}

}
