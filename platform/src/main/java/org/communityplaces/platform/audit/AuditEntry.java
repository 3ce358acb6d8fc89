package org.communityplaces.platform.audit;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One showing of a record to someone, one attempt refused, or one change: who, which record (a
 * referral, a place, an import), when, why. Holds ids only, never a person's details. Entries
 * are only ever added.
 *
 * @param objectType what kind of record, e.g. {@code referral}
 */
@Document("audit")
@CompoundIndexes({ @CompoundIndex(name = "by_object", def = "{'objectId': 1, 'at': -1}"),
		@CompoundIndex(name = "by_actor", def = "{'actorId': 1, 'at': -1}") })
public record AuditEntry(@Id String id, Instant at, String actorId, String actorRole, String objectType,
		String objectId, String purpose, Outcome outcome) {

	public enum Outcome {

		/** The record was shown to the actor. */
		SHOWN,

		/** The actor asked for a record that is not theirs; they were told it does not exist. */
		REFUSED,

		/** The actor made, changed or removed the record; the purpose says what they did. */
		CHANGED

	}

}
