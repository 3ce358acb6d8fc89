package org.communityplaces.referrals.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bson.types.ObjectId;
import org.communityplaces.platform.outbox.OutboxEntry;
import org.communityplaces.platform.outbox.OutboxWritten;
import org.communityplaces.referrals.place.PlaceDirectory.PlaceSummary;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The referral lifecycle. Every change is one conditional single-document write that stores
 * the new state and the event it causes together, and succeeds only if nobody changed the
 * referral since it was read: of two concurrent decisions exactly one wins.
 */
@Component
class Referrals {

	private final MongoTemplate mongo;

	private final ReferralEvents events;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	Referrals(MongoTemplate mongo, ReferralEvents events, Clock clock, ApplicationEventPublisher publisher) {
		this.mongo = mongo;
		this.events = events;
		this.clock = clock;
		this.publisher = publisher;
	}

	Referral request(Referral.Referrer referrer, Referral.Person person, PlaceSummary place) {
		Instant now = clock.instant();
		Referral referral = new Referral(new ObjectId().toHexString(), null, ReferralStatus.REQUESTED, referrer, person,
				new Referral.Place(place.id(), place.name(), place.hostEmail()), now, null, List.of());
		return announced(mongo.insert(withOutbox(referral, events.requested(referral, now))));
	}

	Referral find(String id) {
		Referral referral = mongo.findById(id, Referral.class);
		if (referral == null) {
			throw new ReferralProblems.NotFound();
		}
		return referral;
	}

	Referral accept(String id) {
		Referral referral = find(id);
		Instant now = clock.instant();
		return transition(referral, ReferralStatus.ACCEPTED, events.accepted(referral, now),
				new Update().set("decidedAt", now));
	}

	private Referral transition(Referral referral, ReferralStatus next, OutboxEntry event, Update changes) {
		if (!referral.status().canBecome(next)) {
			throw new ReferralProblems.IllegalTransition(referral.status(), next);
		}
		Query unchangedSinceRead = Query.query(Criteria.where("_id").is(referral.id()).and("version").is(referral.version()));
		changes.set("status", next).push("outbox", event).inc("version", 1);
		if (mongo.updateFirst(unchangedSinceRead, changes, Referral.class).getModifiedCount() == 0) {
			throw new OptimisticLockingFailureException("Referral changed since it was read");
		}
		return announced(find(referral.id()));
	}

	/** Tells the outbox relay there is something to send, now that it is stored. */
	private Referral announced(Referral referral) {
		publisher.publishEvent(new OutboxWritten(referral.id()));
		return referral;
	}

	private static Referral withOutbox(Referral referral, OutboxEntry event) {
		return new Referral(referral.id(), referral.version(), referral.status(), referral.referrer(), referral.person(),
				referral.place(), referral.requestedAt(), referral.decidedAt(), List.of(event));
	}

}
