package org.communityplaces.referrals.uptake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.deadline.ResponseDeadline;
import org.communityplaces.referrals.referral.OutcomeMeasure;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralProblems;
import org.communityplaces.referrals.referral.ReferralStatus;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Uptake for commissioners, from the referrals requested in a period: the funnel from referred
 * to completed, acceptance and time to decision, attendance, why referrals did not go ahead,
 * each by place kind and by area, and how outcome scores changed. Counts and rates only: no
 * person, referral or place is named, so it is the same for every commissioner and admin.
 * Worked out from the stored referrals, reading only the fields it counts, so it agrees with
 * the referrals themselves rather than with counters that restart with the service.
 */
@Component
class Uptake {

	/** The longest period one report covers, so one request cannot read the whole history at once. */
	static final int MAX_DAYS = 3 * 366;

	/** The period when none is asked for: the last 90 days, today included. */
	static final int DEFAULT_DAYS = 90;

	private final MongoTemplate mongo;

	private final ResponseDeadline deadline;

	private final Clock clock;

	Uptake(MongoTemplate mongo, ResponseDeadline deadline, Clock clock) {
		this.mongo = mongo;
		this.deadline = deadline;
		this.clock = clock;
	}

	/**
	 * Referrals requested from the start of {@code from} to the end of {@code to}, in the
	 * service's time zone; without {@code to}, up to today, and without {@code from}, the
	 * {@value #DEFAULT_DAYS} days up to {@code to}. For commissioners and admins only.
	 */
	Report between(Caller caller, LocalDate from, LocalDate to) {
		if (!caller.is(Role.COMMISSIONER) && !caller.is(Role.ADMIN)) {
			throw new CallerProblems.NotAllowed("Uptake is for commissioners and admins.");
		}
		LocalDate last = to == null ? LocalDate.now(clock.withZone(deadline.timeZone())) : to;
		LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : from;
		if (first.isAfter(last)) {
			throw new ReferralProblems.InvalidField("from", "must not be after to");
		}
		if (ChronoUnit.DAYS.between(first, last) > MAX_DAYS) {
			throw new ReferralProblems.InvalidField("to", "must be at most " + MAX_DAYS + " days after from");
		}
		return report(first, last);
	}

	private Report report(LocalDate from, LocalDate to) {
		Instant start = from.atStartOfDay(deadline.timeZone()).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(deadline.timeZone()).toInstant();
		Query requested = Query.query(Criteria.where("timeline.requestedAt").gte(start).lt(end));
		requested.fields()
			.include("status", "place.kind", "place.area", "timeline.requestedAt", "timeline.decidedAt",
					"timeline.firstAttendedAt", "history.status", "history.reason", "outcomes");
		Tally total = new Tally();
		Map<String, Tally> byKind = new TreeMap<>();
		Map<String, Tally> byArea = new TreeMap<>();
		Map<OutcomeMeasure, Change> changes = new EnumMap<>(OutcomeMeasure.class);
		Arrays.stream(OutcomeMeasure.values()).forEach(measure -> changes.put(measure, new Change()));
		Map<String, Map<String, Long>> whyNot = new TreeMap<>();
		try (Stream<Referral> referrals = mongo.stream(requested, Referral.class)) {
			referrals.forEach(referral -> {
				total.count(referral);
				byKind.computeIfAbsent(orUnknown(referral.place().kind()), key -> new Tally()).count(referral);
				byArea.computeIfAbsent(orUnknown(referral.place().area()), key -> new Tally()).count(referral);
				Referral.Outcomes outcomes = referral.outcomes();
				if (outcomes != null) {
					changes.forEach((measure, change) -> change.count(measure, outcomes));
				}
				if (referral.status().closed() && referral.status() != ReferralStatus.COMPLETED) {
					whyNot.computeIfAbsent(referral.status().code(), status -> new TreeMap<>())
						.merge(closingReason(referral), 1L, Long::sum);
				}
			});
		}
		return new Report(from, to, total.summary("all"), rows(byKind), rows(byArea), whyNot,
				changes.entrySet().stream().map(entry -> entry.getValue().summary(entry.getKey())).toList());
	}

	private static List<Summary> rows(Map<String, Tally> tallies) {
		return tallies.entrySet()
			.stream()
			.map(entry -> entry.getValue().summary(entry.getKey()))
			.sorted(Comparator.comparingLong(Summary::referred).reversed().thenComparing(Summary::key))
			.toList();
	}

	private static String closingReason(Referral referral) {
		List<Referral.StatusChange> history = referral.history() == null ? List.of() : referral.history();
		String reason = history.isEmpty() ? null : history.get(history.size() - 1).reason();
		return reason == null ? "none-given" : reason;
	}

	private static String orUnknown(String value) {
		return value == null || value.isBlank() ? "unknown" : value;
	}

	private static boolean reached(Referral referral, ReferralStatus status) {
		return referral.history() != null
				&& referral.history().stream().anyMatch(step -> status.code().equals(step.status()));
	}

	private static Double share(long part, long whole) {
		return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
	}

	/** The nearest-rank percentile, in hours to one decimal place. */
	private static Double hours(List<Duration> sorted, double percentile) {
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(percentile * sorted.size());
		return Math.round(sorted.get(Math.max(rank, 1) - 1).toMinutes() / 6.0) / 10.0;
	}

	/** The counts for one row of the report. */
	private static final class Tally {

		private final Map<ReferralStatus, Long> now = new EnumMap<>(ReferralStatus.class);

		private final List<Duration> decisionTimes = new ArrayList<>();

		private long referred;

		private long accepted;

		private long declined;

		private long started;

		void count(Referral referral) {
			referred++;
			now.merge(referral.status(), 1L, Long::sum);
			if (reached(referral, ReferralStatus.ACCEPTED)) {
				accepted++;
			}
			if (reached(referral, ReferralStatus.REJECTED)) {
				declined++;
			}
			Referral.Timeline timeline = referral.timeline();
			if (timeline.firstAttendedAt() != null) {
				started++;
			}
			if (timeline.decidedAt() != null) {
				decisionTimes.add(Duration.between(timeline.requestedAt(), timeline.decidedAt()));
			}
		}

		Summary summary(String key) {
			decisionTimes.sort(Comparator.naturalOrder());
			Function<ReferralStatus, Long> in = status -> now.getOrDefault(status, 0L);
			return new Summary(key, referred, accepted, started, in.apply(ReferralStatus.COMPLETED),
					in.apply(ReferralStatus.REQUESTED), declined, in.apply(ReferralStatus.EXPIRED),
					in.apply(ReferralStatus.CANCELLED), in.apply(ReferralStatus.FAILED), share(accepted, accepted + declined),
					share(started, accepted), share(in.apply(ReferralStatus.EXPIRED), referred),
					hours(decisionTimes, 0.5), hours(decisionTimes, 0.9));
		}

	}

	/** Paired baseline and follow-up scores of one measure. */
	private static final class Change {

		private long pairs;

		private long baselineTotal;

		private long followUpTotal;

		private long improved;

		private long unchanged;

		private long worse;

		void count(OutcomeMeasure measure, Referral.Outcomes outcomes) {
			Integer before = measure.of(outcomes.baseline());
			Integer after = measure.of(outcomes.followUp());
			if (before == null || after == null) {
				return;
			}
			pairs++;
			baselineTotal += before;
			followUpTotal += after;
			int improvement = measure.improvement(before, after);
			if (improvement > 0) {
				improved++;
			}
			else if (improvement == 0) {
				unchanged++;
			}
			else {
				worse++;
			}
		}

		OutcomeChange summary(OutcomeMeasure measure) {
			return new OutcomeChange(measure.code(), pairs, mean(baselineTotal), mean(followUpTotal), improved, unchanged,
					worse);
		}

		private Double mean(long sum) {
			return pairs == 0 ? null : Math.round(100.0 * sum / pairs) / 100.0;
		}

	}

	/**
	 * @param whyNotGoneAhead for each closed status short of completion, how many closed with each coded reason
	 */
	record Report(LocalDate from, LocalDate to, Summary total, List<Summary> byPlaceKind, List<Summary> byArea,
			Map<String, Map<String, Long>> whyNotGoneAhead, List<OutcomeChange> outcomeChange) {
	}

	/**
	 * The funnel and its rates for all referrals or one kind or area. {@code accepted} and
	 * {@code declined} count every referral the host ever answered that way; the others count
	 * where referrals stand now.
	 *
	 * @param acceptanceRate accepted of those the host answered
	 * @param attendanceRate started going of those accepted
	 * @param expiryRate expired unanswered of those referred
	 */
	record Summary(String key, long referred, long accepted, long started, long completed, long awaitingAnswer,
			long declined, long expired, long cancelled, long stoppedGoing, Double acceptanceRate, Double attendanceRate,
			Double expiryRate, Double medianHoursToDecision, Double p90HoursToDecision) {
	}

	/** Means of paired scores, and how many got better, stayed the same or got worse. */
	record OutcomeChange(String measure, long pairs, Double meanBaseline, Double meanFollowUp, long improved,
			long unchanged, long worse) {
	}

}
