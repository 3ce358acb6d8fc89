package org.communityplaces.referrals.uptake;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.deadline.ResponseDeadline;
import org.communityplaces.referrals.district.DistrictProfile;
import org.communityplaces.referrals.district.DistrictProfiles;
import org.communityplaces.referrals.referral.OutcomeMeasure;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralProblems;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.communityplaces.referrals.uptake.UptakeReport.AnswerTime;
import org.communityplaces.referrals.uptake.UptakeReport.DistrictSummary;
import org.communityplaces.referrals.uptake.UptakeReport.NotGoneAhead;
import org.communityplaces.referrals.uptake.UptakeReport.OutcomeChange;
import org.communityplaces.referrals.uptake.UptakeReport.Summary;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Uptake for commissioners, from the referrals requested in a period: the funnel from referred
 * to completed, acceptance and time to decision, attendance, why referrals did not go ahead,
 * each by place kind, area and district, by where the people referred live and over time, and
 * how outcome scores changed. Counts and rates only, with small numbers hidden
 * ({@link Suppression}): no person, referral or place is named, so it is the same for every
 * commissioner and admin. Worked out from the stored referrals in one read of only the fields
 * it counts, so it agrees with the referrals themselves rather than with counters that restart
 * with the service.
 */
@Component
class Uptake {

	/** The longest period one report covers, so one request cannot read the whole history at once. */
	static final int MAX_DAYS = 3 * 366;

	/** The period when none is asked for: the last 90 days, today included. */
	static final int DEFAULT_DAYS = 90;

	/** The longest period shown week by week; a longer one is shown month by month. */
	static final int MAX_DAYS_BY_WEEK = 26 * 7;

	private final MongoTemplate mongo;

	private final ResponseDeadline deadline;

	private final Clock clock;

	private final DistrictProfiles districts;

	private final Suppression suppression;

	Uptake(MongoTemplate mongo, ResponseDeadline deadline, Clock clock, DistrictProfiles districts,
			Suppression suppression) {
		this.mongo = mongo;
		this.deadline = deadline;
		this.clock = clock;
		this.districts = districts;
		this.suppression = suppression;
	}

	/**
	 * Referrals requested from the start of {@code from} to the end of {@code to}, in the
	 * service's time zone; without {@code to}, up to today, and without {@code from}, the
	 * {@value #DEFAULT_DAYS} days up to {@code to}. For commissioners and admins only.
	 */
	UptakeReport between(Caller caller, LocalDate from, LocalDate to) {
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
		Counted counted = count(first, last);
		return suppression.applied(counted.report(), counted.areasOfPlaceDistricts());
	}

	private Counted count(LocalDate from, LocalDate to) {
		ZoneId zone = deadline.timeZone();
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		Interval interval = ChronoUnit.DAYS.between(from, to) < MAX_DAYS_BY_WEEK ? Interval.WEEK : Interval.MONTH;
		Query requested = Query.query(Criteria.where("timeline.requestedAt").gte(start).lt(end));
		requested.fields()
			.include("status", "place.kind", "place.area", "place.district", "person.postcodeDistrict",
					"timeline.requestedAt", "timeline.decidedAt", "timeline.firstAttendedAt", "history.status",
					"history.reason", "outcomes");
		Tally total = new Tally();
		Map<String, Tally> byKind = new TreeMap<>();
		Map<String, Tally> byArea = new TreeMap<>();
		Map<String, Tally> byPlaceDistrict = new TreeMap<>();
		Map<String, Set<String>> areasOfPlaceDistricts = new HashMap<>();
		Map<String, Tally> byPersonDistrict = new TreeMap<>();
		Map<LocalDate, Tally> byPeriod = new LinkedHashMap<>();
		for (LocalDate period = interval.start(from); !period.isAfter(to); period = interval.next(period)) {
			byPeriod.put(period, new Tally());
		}
		Map<AnswerBucket, Long> answerTimes = new EnumMap<>(AnswerBucket.class);
		Arrays.stream(AnswerBucket.values()).forEach(bucket -> answerTimes.put(bucket, 0L));
		Map<OutcomeMeasure, Change> changes = new EnumMap<>(OutcomeMeasure.class);
		Arrays.stream(OutcomeMeasure.values()).forEach(measure -> changes.put(measure, new Change()));
		Map<ReferralStatus, Map<String, Long>> whyNot = new EnumMap<>(ReferralStatus.class);
		try (Stream<Referral> referrals = mongo.stream(requested, Referral.class)) {
			referrals.forEach(referral -> {
				Referral.Place place = referral.place();
				String district = orUnknown(place.district());
				total.count(referral);
				byKind.computeIfAbsent(orUnknown(place.kind()), key -> new Tally()).count(referral);
				byArea.computeIfAbsent(orUnknown(place.area()), key -> new Tally()).count(referral);
				byPlaceDistrict.computeIfAbsent(district, key -> new Tally()).count(referral);
				areasOfPlaceDistricts.computeIfAbsent(district, key -> new TreeSet<>()).add(orUnknown(place.area()));
				byPersonDistrict
					.computeIfAbsent(orUnknown(referral.person() == null ? null : referral.person().postcodeDistrict()),
							key -> new Tally())
					.count(referral);
				byPeriod.get(interval.start(LocalDate.ofInstant(referral.timeline().requestedAt(), zone)))
					.count(referral);
				Referral.Timeline timeline = referral.timeline();
				if (timeline.decidedAt() != null) {
					answerTimes.merge(AnswerBucket.of(Duration.between(timeline.requestedAt(), timeline.decidedAt())),
							1L, Long::sum);
				}
				Referral.Outcomes outcomes = referral.outcomes();
				if (outcomes != null) {
					changes.forEach((measure, change) -> change.count(measure, outcomes));
				}
				if (referral.status().closed() && referral.status() != ReferralStatus.COMPLETED) {
					whyNot.computeIfAbsent(referral.status(), status -> new TreeMap<>())
						.merge(closingReason(referral), 1L, Long::sum);
				}
			});
		}
		UptakeReport report = new UptakeReport(from, to, clock.instant().truncatedTo(ChronoUnit.SECONDS), 1,
				total.summary(UptakeReport.ALL), rows(byKind), rows(byArea), rows(byPlaceDistrict),
				personDistricts(byPersonDistrict),
				new UptakeReport.OverTime(interval.code,
						byPeriod.entrySet()
							.stream()
							.map(period -> period.getValue().summary(period.getKey().toString()))
							.toList()),
				answerTimes.entrySet()
					.stream()
					.map(bucket -> new AnswerTime(bucket.getKey().code, bucket.getValue(), List.of()))
					.toList(),
				whyNot.entrySet()
					.stream()
					.flatMap(status -> status.getValue()
						.entrySet()
						.stream()
						.map(reason -> new NotGoneAhead(status.getKey().code(), reason.getKey(), reason.getValue(),
								List.of())))
					.toList(),
				changes.entrySet().stream().map(entry -> entry.getValue().summary(entry.getKey())).toList());
		return new Counted(report, areasOfPlaceDistricts);
	}

	/** The exact report, and the postcode areas the referrals of each place district were in. */
	private record Counted(UptakeReport report, Map<String, Set<String>> areasOfPlaceDistricts) {
	}

	private List<DistrictSummary> personDistricts(Map<String, Tally> tallies) {
		return rows(tallies).stream().map(summary -> {
			DistrictProfile profile = summary.key().equals(UptakeReport.UNKNOWN) ? null
					: districts.of(summary.key()).orElse(null);
			Long population = profile == null ? null : profile.population();
			UptakeReport.Deprivation deprivation = profile == null || profile.imdRank() == null
					|| profile.imdDecile() == null ? null
							: new UptakeReport.Deprivation(profile.imdRank(), profile.imdDecile());
			Double per10000 = population == null || population == 0 ? null
					: Math.round(100_000.0 * summary.referred() / population) / 10.0;
			return new DistrictSummary(summary, population, per10000, deprivation);
		}).toList();
	}

	/**
	 * Rows in the order of their keys (S6 before S10, unknown last), never by size, which would
	 * hint at hidden numbers.
	 */
	private static List<Summary> rows(Map<String, Tally> tallies) {
		return tallies.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(KEY_ORDER))
			.map(entry -> entry.getValue().summary(entry.getKey()))
			.toList();
	}

	private static final Pattern LETTERS_THEN_NUMBER = Pattern.compile("^([^0-9]*)([0-9]*)(.*)$");

	private static final Comparator<String> KEY_ORDER = Comparator
		.comparing((String key) -> key.equals(UptakeReport.UNKNOWN))
		.thenComparing(key -> part(key, 1), String.CASE_INSENSITIVE_ORDER)
		.thenComparing(key -> part(key, 2),
				Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
		.thenComparing(key -> part(key, 3));

	/** The letters before a key's first digit (1), its number (2) or the rest (3). */
	private static String part(String key, int group) {
		Matcher matcher = LETTERS_THEN_NUMBER.matcher(key);
		return matcher.matches() ? matcher.group(group) : key;
	}

	private static String closingReason(Referral referral) {
		List<Referral.StatusChange> history = referral.history() == null ? List.of() : referral.history();
		String reason = history.isEmpty() ? null : history.get(history.size() - 1).reason();
		return reason == null ? "none-given" : reason;
	}

	private static String orUnknown(String value) {
		return value == null || value.isBlank() ? UptakeReport.UNKNOWN : value;
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

	/** Weeks from Monday, or calendar months. */
	private enum Interval {

		WEEK("week"), MONTH("month");

		private final String code;

		Interval(String code) {
			this.code = code;
		}

		LocalDate start(LocalDate day) {
			return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
		}

		LocalDate next(LocalDate start) {
			return this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
		}

	}

	/** How long a place took to answer, in whole elapsed time. */
	private enum AnswerBucket {

		UNDER_A_DAY("under-1-day", Duration.ofDays(1)), ONE_TO_TWO_DAYS("1-to-2-days", Duration.ofDays(2)),
		TWO_TO_SEVEN_DAYS("2-to-7-days", Duration.ofDays(7)), OVER_SEVEN_DAYS("over-7-days", null);

		private final String code;

		private final Duration under;

		AnswerBucket(String code, Duration under) {
			this.code = code;
			this.under = under;
		}

		static AnswerBucket of(Duration taken) {
			return Arrays.stream(values())
				.filter(bucket -> bucket.under == null || taken.compareTo(bucket.under) < 0)
				.findFirst()
				.orElseThrow();
		}

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
					hours(decisionTimes, 0.5), hours(decisionTimes, 0.9), List.of());
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
			return new OutcomeChange(measure.code(), pairs, mean(baselineTotal), mean(followUpTotal), improved,
					unchanged, worse, List.of());
		}

		private Double mean(long sum) {
			return pairs == 0 ? null : Math.round(100.0 * sum / pairs) / 100.0;
		}

	}

}
