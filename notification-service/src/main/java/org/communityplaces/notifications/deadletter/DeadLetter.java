package org.communityplaces.notifications.deadletter;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An event the service could not process, parked for an admin: why it failed, and where it
 * came from so that it can be replayed there once the cause is fixed.
 *
 * @param id the dead-letter topic's partition and offset, so parking the same record twice keeps one
 */
@Document("dead_letters")
record DeadLetter(@Id String id, String key, String payload, String reason, String originalTopic,
		Integer originalPartition, Long originalOffset, Instant parkedAt, Status status, Instant replayedAt,
		String replayedBy) {

	enum Status {

		PARKED, REPLAYED

	}

}
