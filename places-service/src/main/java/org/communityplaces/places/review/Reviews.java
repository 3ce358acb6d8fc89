package org.communityplaces.places.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communityplaces.contracts.Vocabularies;
import org.communityplaces.places.place.Catalogue;
import org.communityplaces.places.place.Freshness;
import org.communityplaces.places.place.Place;
import org.communityplaces.platform.outbox.Outbox;
import org.communityplaces.platform.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeping listings true: hosts asked in turn to check theirs, reports from anyone kept with the
 * place until its host or an admin confirms or edits it, and the lists admins work through.
 * Every write is conditional on the version of the place that was read, so of two instances
 * asking the same host at once only one does.
 */
@Component
class Reviews {

	private static final Logger log = LoggerFactory.getLogger(Reviews.class);

	/** Hosts asked in one sweep at most; the next sweep asks the rest. */
	private static final int ASKED_PER_SWEEP = 500;

	/** A report that meets a change made at the same moment is stored on the place as it is then. */
	private static final int REPORT_ATTEMPTS = 3;

	private final MongoTemplate mongo;

	private final Outbox outbox;

	private final Catalogue catalogue;

	private final Freshness freshness;

	private final ConfirmationTokens tokens;

	private final Vocabularies.Vocabulary problems;

	private final Clock clock;

	Reviews(MongoTemplate mongo, Outbox outbox, Catalogue catalogue, Freshness freshness, ConfirmationTokens tokens,
			Clock clock) {
		this.mongo = mongo;
		this.outbox = outbox;
		this.catalogue = catalogue;
		this.freshness = freshness;
		this.tokens = tokens;
		this.problems = Vocabularies.load().get("listing-problem");
		this.clock = clock;
	}

	/** Asks the host of every place neither checked nor asked about within the review period. */
	@SchedulerLock(name = "place-reviews", lockAtMostFor = "15m")
	@Scheduled(fixedDelayString = "${places.review.sweep-interval:1h}", initialDelayString = "${places.review.sweep-interval:1h}")
	void askHostsWhoseReviewIsDue() {
		Instant dueBefore = freshness.reviewDueBefore();
		Criteria notCheckedLately = new Criteria().orOperator(Criteria.where("upkeep.lastChecked").lt(dueBefore),
				new Criteria().andOperator(Criteria.where("upkeep").exists(false),
						Criteria.where("timeline.lastModified").lt(dueBefore)));
		Criteria notAskedLately = new Criteria().orOperator(Criteria.where("upkeep.reviewAskedAt").is(null),
				Criteria.where("upkeep.reviewAskedAt").lt(dueBefore));
		Query due = Query.query(new Criteria().andOperator(Criteria.where("timeline.removedAt").is(null),
				notCheckedLately, notAskedLately)).limit(ASKED_PER_SWEEP);
		int asked = 0;
		for (Place place : mongo.find(due, Place.class)) {
			asked += ask(place) ? 1 : 0;
		}
		if (asked > 0) {
			log.info("Asked the hosts of {} place(s) to check their listing", asked);
		}
	}

	/** @return false when the place changed since it was read: another instance asked, or it was just checked */
	private boolean ask(Place place) {
		Instant now = clock.instant();
		try {
			outbox.update(Place.class, place.id(), place.version(), new Update().set("upkeep", place.upkeep().askedAt(now)),
					now, PlaceReviewDue.of(place, place.version() + 1, tokens.issue(place.id(), now)),
					Catalogue.stateOf(place, place.version() + 1));
			return true;
		}
		catch (OptimisticLockingFailureException changedMeanwhile) {
			return false;
		}
	}

	/** Keeps the report with the place and lets its host and the admins know. */
	void report(String placeId, String problem, String details) {
		if (!problems.has(problem)) {
			throw new Problem(HttpStatus.BAD_REQUEST, "Invalid report",
					"problem must be one of " + String.join(", ", problems.codes()) + ".", "problem",
					"must be one of " + String.join(", ", problems.codes()));
		}
		for (int attempt = 1;; attempt++) {
			Place place = catalogue.get(placeId);
			Instant now = clock.instant();
			Place.Report report = new Place.Report(UUID.randomUUID().toString(), problem,
					details == null || details.isBlank() ? null : details.strip(), now);
			try {
				outbox.update(Place.class, place.id(), place.version(),
						new Update().set("upkeep", place.upkeep().reported(report)), now,
						PlaceReported.of(place, place.version() + 1, report), Catalogue.stateOf(place, place.version() + 1));
				return;
			}
			catch (OptimisticLockingFailureException changedMeanwhile) {
				if (attempt == REPORT_ATTEMPTS) {
					throw changedMeanwhile;
				}
			}
		}
	}

	/** Places not checked for longer than the catalogue allows, the longest first. */
	List<Place> stale(int page, int size) {
		Instant staleBefore = freshness.staleBefore();
		Criteria stale = new Criteria().orOperator(Criteria.where("upkeep.lastChecked").lt(staleBefore),
				new Criteria().andOperator(Criteria.where("upkeep").exists(false),
						Criteria.where("timeline.lastModified").lt(staleBefore)));
		return page(stale, Sort.by("upkeep.lastChecked", "timeline.lastModified", "_id"), page, size);
	}

	/** Places with a report nobody has dealt with yet, by name. */
	List<Place> reported(int page, int size) {
		return page(Criteria.where("upkeep.reports.0").exists(true), Sort.by("name", "_id"), page, size);
	}

	private List<Place> page(Criteria which, Sort order, int page, int size) {
		return mongo.find(Query.query(new Criteria().andOperator(which, Criteria.where("timeline.removedAt").is(null)))
			.with(order)
			.skip((long) page * size)
			.limit(size), Place.class);
	}

}
