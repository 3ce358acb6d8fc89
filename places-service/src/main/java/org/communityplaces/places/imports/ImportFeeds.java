package org.communityplaces.places.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communityplaces.places.taxonomy.Taxonomies;
import org.communityplaces.platform.audit.AuditLog;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.outbound.OutboundAddresses;
import org.communityplaces.platform.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Council feeds admins saved: each fetched when saved and then, if it has a schedule, whenever
 * it is due, on whichever instance claims the run first. Every run goes through the same import
 * as a file, is kept with its report, and is one entry in the audit trail with its counts.
 */
@Component
class ImportFeeds {

	private static final Logger log = LoggerFactory.getLogger(ImportFeeds.class);

	private static final Duration SHORTEST = Duration.ofHours(1);

	private static final Duration LONGEST = Duration.ofDays(366);

	private final MongoTemplate mongo;

	private final OrukFeedReader reader;

	private final CatalogueImport imports;

	private final OutboundAddresses addresses;

	private final AuditLog audit;

	private final Clock clock;

	ImportFeeds(MongoTemplate mongo, OrukFeedReader reader, CatalogueImport imports, OutboundAddresses feedAddresses,
			AuditLog audit, Clock clock) {
		this.mongo = mongo;
		this.reader = reader;
		this.imports = imports;
		this.addresses = feedAddresses;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Fetches the feed now and, once it could be read, saves it (again, with this schedule) with
	 * this run. A feed whose address is not allowed or that cannot be read is refused and nothing
	 * is saved or imported.
	 */
	FeedView save(Caller caller, String url, String every) {
		String schedule = schedule(every);
		String refusal = addresses.refusal(url).orElse(null);
		if (refusal != null) {
			throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "Feed address not allowed",
					"Invalid value for url: " + refusal + ".", "url", refusal);
		}
		String id = Taxonomies.stableId("import-feed", url);
		Instant started = clock.instant();
		List<JsonNode> services;
		try {
			services = reader.services(url);
		}
		catch (OrukFeedReader.Unreadable unreadable) {
			throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "Feed not read",
					"The feed at " + url + " could not be read: " + unreadable.getMessage()
							+ ". Nothing was imported or saved.",
					"url", "could not be read: " + unreadable.getMessage());
		}
		FeedRun run = mongo.insert(new FeedRun(UUID.randomUUID().toString(), id, url, "saved", started,
				clock.instant(), null, imports.services(services)));
		Instant nextRunAt = schedule == null ? null : started.plus(interval(schedule));
		ImportFeed feed = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
				new Update().set("url", url)
					.set("every", schedule)
					.set("nextRunAt", nextRunAt)
					.set("savedAt", started)
					.inc("version", 1),
				FindAndModifyOptions.options().upsert(true).returnNew(true), ImportFeed.class);
		audit.changed(caller, "import-feed", id, "save the feed " + url + " (" + inWords(schedule)
				+ ") and fetch it: " + run.inWords());
		return FeedView.of(feed, run);
	}

	/** Every saved feed, by address, each with its latest run. */
	List<FeedView> all() {
		List<ImportFeed> feeds = mongo.find(new Query().with(Sort.by("url")), ImportFeed.class);
		Map<String, FeedRun> latest = feeds.stream()
			.map(feed -> mongo.findOne(Query.query(Criteria.where("feedId").is(feed.id()))
				.with(Sort.by(Sort.Order.desc("startedAt"))), FeedRun.class))
			.filter(run -> run != null)
			.collect(Collectors.toMap(FeedRun::feedId, Function.identity()));
		return feeds.stream().map(feed -> FeedView.of(feed, latest.get(feed.id()))).toList();
	}

	/** A feed's runs, newest first. */
	List<FeedRun> runs(String feedId, int page, int size) {
		feed(feedId);
		return mongo.find(Query.query(Criteria.where("feedId").is(feedId))
			.with(Sort.by(Sort.Order.desc("startedAt"), Sort.Order.desc("_id")))
			.skip((long) page * size)
			.limit(size), FeedRun.class);
	}

	/** Stops fetching the feed and lets go of its runs; the places it brought in stay. */
	void delete(Caller caller, String feedId) {
		ImportFeed feed = feed(feedId);
		mongo.remove(Query.query(Criteria.where("_id").is(feedId)), ImportFeed.class);
		mongo.remove(Query.query(Criteria.where("feedId").is(feedId)), FeedRun.class);
		audit.changed(caller, "import-feed", feedId, "delete the feed " + feed.url());
	}

	@SchedulerLock(name = "import-feeds", lockAtMostFor = "30m")
	@Scheduled(fixedDelayString = "${places.feeds.check-interval:1m}",
			initialDelayString = "${places.feeds.check-interval:1m}")
	void runDue() {
		runDue(clock.instant());
	}

	/** Runs each feed due by {@code now} that this instance claims first. @return how many it ran */
	int runDue(Instant now) {
		int ran = 0;
		for (ImportFeed feed : mongo.find(Query.query(Criteria.where("nextRunAt").lte(now)), ImportFeed.class)) {
			if (claimed(feed, now)) {
				runOnSchedule(feed, now);
				ran++;
			}
		}
		return ran;
	}

	/** The next run moved on, only if nobody changed the feed since it was read: one instance wins. */
	private boolean claimed(ImportFeed feed, Instant now) {
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(feed.id()).and("version").is(feed.version())),
				new Update().set("nextRunAt", now.plus(interval(feed.every()))).inc("version", 1), ImportFeed.class)
			.getModifiedCount() == 1;
	}

	private void runOnSchedule(ImportFeed feed, Instant now) {
		String problem = null;
		ImportReport report = null;
		try {
			report = imports.services(reader.services(feed.url()));
		}
		catch (OrukFeedReader.Unreadable unreadable) {
			problem = unreadable.getMessage();
		}
		catch (RuntimeException ex) {
			log.warn("The scheduled run of import feed {} stopped", feed.id(), ex);
			problem = "the run stopped on a fault here; it will be tried again when next due";
		}
		FeedRun run = mongo.insert(new FeedRun(UUID.randomUUID().toString(), feed.id(), feed.url(), "schedule", now,
				clock.instant(), problem, report));
		audit.changedOnSchedule("import-feed", feed.id(), "fetch the feed " + feed.url() + ": " + run.inWords());
	}

	private ImportFeed feed(String feedId) {
		ImportFeed feed = mongo.findById(feedId, ImportFeed.class);
		if (feed == null) {
			throw new Problem(HttpStatus.NOT_FOUND, "Feed not found", "There is no such saved feed.");
		}
		return feed;
	}

	/** {@code daily}, {@code weekly} or an ISO-8601 duration of an hour to a year; null for once. */
	private static String schedule(String every) {
		if (every == null || every.isBlank()) {
			return null;
		}
		String said = every.strip().toLowerCase(Locale.ROOT);
		if (said.equals("daily") || said.equals("weekly")) {
			return said;
		}
		Duration interval;
		try {
			interval = Duration.parse(said.toUpperCase(Locale.ROOT));
		}
		catch (DateTimeParseException ex) {
			throw invalidEvery("must be daily, weekly or a duration such as PT12H or P3D");
		}
		if (interval.compareTo(SHORTEST) < 0 || interval.compareTo(LONGEST) > 0) {
			throw invalidEvery("must be at least an hour (PT1H) and at most a year (P366D)");
		}
		return said.toUpperCase(Locale.ROOT);
	}

	private static Problem invalidEvery(String reason) {
		return new Problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid value for every: " + reason + ".",
				"every", reason);
	}

	private static Duration interval(String schedule) {
		return switch (schedule) {
			case "daily" -> Duration.ofDays(1);
			case "weekly" -> Duration.ofDays(7);
			default -> Duration.parse(schedule);
		};
	}

	private static String inWords(String schedule) {
		return schedule == null ? "once" : "every " + switch (schedule) {
			case "daily" -> "day";
			case "weekly" -> "week";
			default -> schedule;
		};
	}

	/** A saved feed as admins see it, with its latest run (null before the first). */
	record FeedView(String id, String url, String every, Instant nextRunAt, Instant savedAt, FeedRun lastRun) {

		static FeedView of(ImportFeed feed, FeedRun lastRun) {
			return new FeedView(feed.id(), feed.url(), feed.every(), feed.nextRunAt(), feed.savedAt(), lastRun);
		}

	}

}
