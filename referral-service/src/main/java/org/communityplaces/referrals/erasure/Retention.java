package org.communityplaces.referrals.erasure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.deadline.ResponseDeadline;
import org.communityplaces.referrals.referral.Referral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retention period: the person's details on a referral that closed longer ago than it are
 * erased ({@link PersonalDataErasure}) on a schedule, and admins see beforehand what the next
 * run will erase. A referral erased already, for any reason, is never erased again.
 */
@Component
class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	/** How many referrals the report lists one by one; it counts all of them. */
	static final int LISTED = 500;

	/** How many referrals are read at once while erasing. */
	private static final int BATCH = 100;

	private final MongoTemplate mongo;

	private final PersonalDataErasure erasure;

	private final RetentionPeriod period;

	private final ZoneId timeZone;

	private final Clock clock;

	Retention(MongoTemplate mongo, PersonalDataErasure erasure, RetentionPeriod period, ResponseDeadline deadline,
			Clock clock) {
		this.mongo = mongo;
		this.erasure = erasure;
		this.period = period;
		this.timeZone = deadline.timeZone();
		this.clock = clock;
	}

	/**
	 * Safe on every instance at once: each erasure is conditional on the version read, so a
	 * referral another instance erased meanwhile is left to it.
	 */
	@SchedulerLock(name = "retention", lockAtMostFor = "1h")
	@Scheduled(fixedDelayString = "${referrals.retention.check-interval}",
			initialDelayString = "${referrals.retention.check-interval}")
	void eraseWhatIsDue() {
		Instant closedBefore = period.closedBefore(clock.instant(), timeZone);
		int erased = 0;
		List<Referral> batch = mongo.find(due(closedBefore).limit(BATCH), Referral.class);
		while (!batch.isEmpty()) {
			int erasedNow = 0;
			for (Referral referral : batch) {
				try {
					erasure.erase(referral, PersonalDataErasure.RETENTION_PERIOD_ENDED, null);
					erasedNow++;
				}
				catch (OptimisticLockingFailureException changedMeanwhile) {
					// Changed or erased by someone else since it was read: the next run sees it as it is.
				}
			}
			if (erasedNow == 0) {
				break;
			}
			erased += erasedNow;
			batch = mongo.find(due(closedBefore).limit(BATCH), Referral.class);
		}
		if (erased > 0) {
			log.info("Retention: the personal data of {} referral(s) closed before {} was erased", erased, closedBefore);
		}
	}

	/** What the next run would erase if it ran now, and what was erased so far; for admins only. */
	RetentionReport report(Caller caller) {
		if (!caller.is(Role.ADMIN)) {
			throw new CallerProblems.NotAllowed("Only admins see what the retention period erases.");
		}
		Instant now = clock.instant();
		Instant closedBefore = period.closedBefore(now, timeZone);
		Query due = due(closedBefore);
		due.fields().include("status", "timeline.closedAt");
		long total = 0;
		Map<String, Long> byStatus = new TreeMap<>();
		Map<Integer, Long> byYearClosed = new TreeMap<>();
		List<RetentionReport.Due> listed = new ArrayList<>();
		try (Stream<Referral> referrals = mongo.stream(due, Referral.class)) {
			for (Referral referral : (Iterable<Referral>) referrals::iterator) {
				Instant closedAt = referral.timeline().closedAt();
				total++;
				byStatus.merge(referral.status().code(), 1L, Long::sum);
				byYearClosed.merge(closedAt.atZone(timeZone).getYear(), 1L, Long::sum);
				if (listed.size() < LISTED) {
					listed.add(new RetentionReport.Due(referral.id(), referral.status().code(), closedAt));
				}
			}
		}
		Map<String, Long> erasedSoFar = new TreeMap<>();
		for (String reason : List.of(PersonalDataErasure.RETENTION_PERIOD_ENDED, PersonalDataErasure.CONSENT_WITHDRAWN)) {
			erasedSoFar.put(reason, mongo.count(Query.query(Criteria.where("erasure.reason").is(reason)), Referral.class));
		}
		return new RetentionReport(now, period.keepFor().toString(), closedBefore, period.checkInterval().toString(),
				total, byStatus, byYearClosed, listed, erasedSoFar);
	}

	/** Closed before then and still holding the person's details, oldest first. */
	private static Query due(Instant closedBefore) {
		return Query.query(Criteria.where("timeline.closedAt").lt(closedBefore).and("erasure").is(null))
			.with(Sort.by(Sort.Order.asc("timeline.closedAt"), Sort.Order.asc("_id")));
	}

}
