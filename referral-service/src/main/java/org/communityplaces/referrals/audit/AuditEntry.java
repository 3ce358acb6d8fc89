package org.communityplaces.referrals.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One access to a referral's personal data, or one attempt refused: who, which referral,
 * when, why. Holds ids only, never the person's details. Entries are only ever added.
 */
@Document("audit")
@CompoundIndexes({ @CompoundIndex(name = "by_referral", def = "{'referralId': 1, 'at': -1}"),
		@CompoundIndex(name = "by_actor", def = "{'actorId': 1, 'at': -1}") })
record AuditEntry(@Id String id, Instant at, String actorId, String actorRole, String referralId, String purpose,
		Outcome outcome) {

	enum Outcome {

		/** Personal data was shown to the actor. */
		SHOWN,

		/** The actor asked for a referral that is not theirs to see; they were told it does not exist. */
		REFUSED

	}

}
