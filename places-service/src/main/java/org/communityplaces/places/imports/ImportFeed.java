package org.communityplaces.places.imports;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A council's ORUK feed an admin saved, fetched once or on a schedule.
 *
 * @param id derived from the address, so saving the same feed again changes its schedule
 * @param version counts every change; a scheduled run is claimed by changing the version read,
 * so that of several instances only one runs it
 * @param every how often, as the admin said it (daily, weekly, or an ISO-8601 duration), or
 * null to fetch it only when saved
 * @param nextRunAt when the next scheduled run is due, or null
 */
@Document("import_feeds")
record ImportFeed(@Id String id, long version, String url, String every, Instant nextRunAt, Instant savedAt) {
}
