package org.communityplaces.referrals.place;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The local copy of each place, fed by {@code PlaceChanged} events and by every answer the
 * catalogue gives. A copy only ever moves forward: an older version arriving late (events are
 * at least once, and look-ups race with them) leaves the newer one in place. Open referrals
 * follow a new host when the place's event arrives ({@link OpenReferralsFollowTheHost}).
 */
@Component
class PlaceSnapshots {

	private final MongoTemplate mongo;

	PlaceSnapshots(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	Optional<PlaceSummary> find(String placeId) {
		return Optional.ofNullable(mongo.findById(placeId, PlaceSummary.class));
	}

	void keep(PlaceSummary place) {
		PlaceSummary kept = mongo.findById(place.id(), PlaceSummary.class);
		if (kept != null && kept.version() >= place.version()) {
			// The usual case on every look-up: nothing new, so no write (and no failed upsert).
			return;
		}
		Query olderOrAbsent = Query.query(Criteria.where("_id").is(place.id()).and("version").lt(place.version()));
		try {
			mongo.findAndReplace(olderOrAbsent, place, FindAndReplaceOptions.options().upsert());
		}
		catch (DuplicateKeyException newerAlreadyKept) {
			// The upsert found no older copy because a newer one is there already: nothing to do.
		}
	}

	/** Marks the place as taking no referrals, if this is news to the snapshot. */
	void removed(String placeId, long version) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(placeId).and("version").lt(version)),
				new Update().set("version", version).set("acceptingReferrals", false), PlaceSummary.class);
	}

}
