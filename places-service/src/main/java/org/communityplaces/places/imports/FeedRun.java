package org.communityplaces.places.imports;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One fetch of a feed, kept with its report: what the import did with each service, or in plain
 * words why the feed could not be read (then nothing was imported).
 *
 * @param trigger {@code saved} when an admin saved the feed, {@code schedule} when it was due
 */
@Document("import_feed_runs")
@CompoundIndex(name = "by_feed", def = "{'feedId': 1, 'startedAt': -1}")
record FeedRun(@Id String id, String feedId, String url, String trigger, Instant startedAt, Instant finishedAt,
		String problem, ImportReport report) {

	/** The run in words, as the audit trail keeps it. */
	String inWords() {
		return problem != null ? "not read: " + problem : report.inWords();
	}

}
