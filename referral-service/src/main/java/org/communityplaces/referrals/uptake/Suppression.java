package org.communityplaces.referrals.uptake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.communityplaces.referrals.referral.ReferralStatus;
import org.communityplaces.referrals.uptake.UptakeReport.AnswerTime;
import org.communityplaces.referrals.uptake.UptakeReport.DistrictSummary;
import org.communityplaces.referrals.uptake.UptakeReport.NotGoneAhead;
import org.communityplaces.referrals.uptake.UptakeReport.OutcomeChange;
import org.communityplaces.referrals.uptake.UptakeReport.Summary;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Small-number suppression, the one rule for everything a commissioner sees of uptake (the
 * page, its charts and the CSV all show the report this gives). A count from 1 to
 * {@code smallestShown - 1} is hidden; so is a rate, mean or time worked out from a hidden
 * count. Where counts add up to another count that is shown (a breakdown's rows to the total,
 * an area's districts to the area, the periods to the total, the answer times to the answered,
 * a status's reasons to that status, better, same and worse to the pairs), one hidden count
 * could be worked back by subtraction, so the next smallest count above zero of that sum is
 * hidden too, preferring the parts to the whole; and again, until every such sum hides none or
 * at least two of its counts.
 */
@Component
class Suppression {

	/** Each count of a summary row, by its field name, in the order of the fields. */
	private static final Map<String, Function<Summary, Long>> SUMMARY_COUNTS = summaryCounts();

	/** Each status a referral can close in short of completion, and the count of the total row it adds up to. */
	private static final List<Map.Entry<String, String>> REASONED_STATUSES = List.of(
			Map.entry(ReferralStatus.REJECTED.code(), "declined"), Map.entry(ReferralStatus.EXPIRED.code(), "expired"),
			Map.entry(ReferralStatus.CANCELLED.code(), "cancelled"),
			Map.entry(ReferralStatus.FAILED.code(), "stoppedGoing"));

	private final int smallestShown;

	Suppression(@Value("${referrals.uptake.smallest-shown:5}") int smallestShown) {
		if (smallestShown < 1) {
			throw new IllegalStateException("referrals.uptake.smallest-shown must be 1 or more, not " + smallestShown);
		}
		this.smallestShown = smallestShown;
	}

	/**
	 * @param exact the report with every count as it is
	 * @param areasOfPlaceDistricts the postcode areas of the referrals in each place district row
	 */
	UptakeReport applied(UptakeReport exact, Map<String, Set<String>> areasOfPlaceDistricts) {
		Sums sums = new Sums();
		Map<String, Cell> total = cells(exact.total());
		List<Map<String, Cell>> kinds = exact.byPlaceKind().stream().map(Suppression::cells).toList();
		List<Map<String, Cell>> areas = exact.byArea().stream().map(Suppression::cells).toList();
		List<Map<String, Cell>> districts = exact.byPlaceDistrict().stream().map(Suppression::cells).toList();
		List<Map<String, Cell>> personDistricts = exact.byPersonDistrict()
			.stream()
			.map(row -> cells(row.summary()))
			.toList();
		List<Map<String, Cell>> periods = exact.overTime().periods().stream().map(Suppression::cells).toList();
		for (String count : SUMMARY_COUNTS.keySet()) {
			for (List<Map<String, Cell>> breakdown : List.of(kinds, areas, districts, personDistricts, periods)) {
				sums.add(List.of(total.get(count)), breakdown.stream().map(row -> row.get(count)).toList());
			}
			for (int area = 0; area < areas.size(); area++) {
				String key = exact.byArea().get(area).key();
				List<Cell> inArea = new ArrayList<>();
				for (int district = 0; district < districts.size(); district++) {
					if (areasOfPlaceDistricts.getOrDefault(exact.byPlaceDistrict().get(district).key(), Set.of())
						.contains(key)) {
						inArea.add(districts.get(district).get(count));
					}
				}
				sums.add(List.of(areas.get(area).get(count)), inArea);
			}
		}
		List<Cell> answerTimes = exact.timeToAnswer().stream().map(bucket -> new Cell(bucket.count())).toList();
		sums.add(List.of(total.get("accepted"), total.get("declined")), answerTimes);
		List<Cell> whyNot = exact.whyNotGoneAhead().stream().map(row -> new Cell(row.count())).toList();
		for (Map.Entry<String, String> status : REASONED_STATUSES) {
			List<Cell> reasons = new ArrayList<>();
			for (int row = 0; row < whyNot.size(); row++) {
				if (exact.whyNotGoneAhead().get(row).status().equals(status.getKey())) {
					reasons.add(whyNot.get(row));
				}
			}
			sums.add(List.of(total.get(status.getValue())), reasons);
		}
		List<Map<String, Cell>> changes = new ArrayList<>();
		for (OutcomeChange change : exact.outcomeChange()) {
			Map<String, Cell> cells = new LinkedHashMap<>();
			cells.put("pairs", new Cell(change.pairs()));
			cells.put("improved", new Cell(change.improved()));
			cells.put("unchanged", new Cell(change.unchanged()));
			cells.put("worse", new Cell(change.worse()));
			sums.add(List.of(cells.get("pairs")),
					List.of(cells.get("improved"), cells.get("unchanged"), cells.get("worse")));
			changes.add(cells);
		}

		Stream.of(Stream.of(total), kinds.stream(), areas.stream(), districts.stream(), personDistricts.stream(),
				periods.stream(), changes.stream())
			.flatMap(rows -> rows)
			.flatMap(row -> row.values().stream())
			.forEach(this::hideIfSmall);
		answerTimes.forEach(this::hideIfSmall);
		whyNot.forEach(this::hideIfSmall);
		sums.hideUntilNoneCanBeWorkedBack();

		List<AnswerTime> shownAnswerTimes = new ArrayList<>();
		for (int bucket = 0; bucket < answerTimes.size(); bucket++) {
			Cell count = answerTimes.get(bucket);
			shownAnswerTimes
				.add(new AnswerTime(exact.timeToAnswer().get(bucket).key(), count.shown(), count.names("count")));
		}
		List<NotGoneAhead> shownWhyNot = new ArrayList<>();
		for (int row = 0; row < whyNot.size(); row++) {
			NotGoneAhead reason = exact.whyNotGoneAhead().get(row);
			Cell count = whyNot.get(row);
			shownWhyNot.add(new NotGoneAhead(reason.status(), reason.reason(), count.shown(), count.names("count")));
		}
		List<OutcomeChange> shownChanges = new ArrayList<>();
		for (int row = 0; row < changes.size(); row++) {
			shownChanges.add(shown(exact.outcomeChange().get(row), changes.get(row)));
		}
		List<DistrictSummary> shownPersonDistricts = new ArrayList<>();
		for (int row = 0; row < personDistricts.size(); row++) {
			shownPersonDistricts.add(shown(exact.byPersonDistrict().get(row), personDistricts.get(row)));
		}
		return new UptakeReport(exact.from(), exact.to(), exact.generatedAt(), smallestShown,
				shown(exact.total(), total), shown(exact.byPlaceKind(), kinds), shown(exact.byArea(), areas),
				shown(exact.byPlaceDistrict(), districts), shownPersonDistricts,
				new UptakeReport.OverTime(exact.overTime().interval(), shown(exact.overTime().periods(), periods)),
				shownAnswerTimes, shownWhyNot, shownChanges);
	}

	private void hideIfSmall(Cell cell) {
		if (cell.value > 0 && cell.value < smallestShown) {
			cell.hidden = true;
		}
	}

	private static Map<String, Cell> cells(Summary row) {
		Map<String, Cell> cells = new LinkedHashMap<>();
		SUMMARY_COUNTS.forEach((name, count) -> cells.put(name, new Cell(count.apply(row))));
		return cells;
	}

	private static List<Summary> shown(List<Summary> rows, List<Map<String, Cell>> cells) {
		List<Summary> shown = new ArrayList<>();
		for (int row = 0; row < rows.size(); row++) {
			shown.add(shown(rows.get(row), cells.get(row)));
		}
		return shown;
	}

	private static Summary shown(Summary exact, Map<String, Cell> cells) {
		Shown row = new Shown(cells);
		return new Summary(exact.key(), row.count("referred"), row.count("accepted"), row.count("started"),
				row.count("completed"), row.count("awaitingAnswer"), row.count("declined"), row.count("expired"),
				row.count("cancelled"), row.count("stoppedGoing"),
				row.derived("acceptanceRate", exact.acceptanceRate(), "accepted", "declined"),
				row.derived("attendanceRate", exact.attendanceRate(), "started", "accepted"),
				row.derived("expiryRate", exact.expiryRate(), "expired", "referred"),
				row.derived("medianHoursToDecision", exact.medianHoursToDecision(), "accepted", "declined"),
				row.derived("p90HoursToDecision", exact.p90HoursToDecision(), "accepted", "declined"),
				row.suppressed());
	}

	private static DistrictSummary shown(DistrictSummary exact, Map<String, Cell> cells) {
		Summary summary = shown(exact.summary(), cells);
		Shown row = new Shown(cells);
		Double per10000 = row.derived("referredPer10000", exact.referredPer10000(), "referred");
		List<String> suppressed = new ArrayList<>(summary.suppressed());
		suppressed.addAll(row.suppressed());
		Summary withRate = new Summary(summary.key(), summary.referred(), summary.accepted(), summary.started(),
				summary.completed(), summary.awaitingAnswer(), summary.declined(), summary.expired(),
				summary.cancelled(), summary.stoppedGoing(), summary.acceptanceRate(), summary.attendanceRate(),
				summary.expiryRate(), summary.medianHoursToDecision(), summary.p90HoursToDecision(),
				List.copyOf(suppressed));
		return new DistrictSummary(withRate, exact.population(), per10000, exact.deprivation());
	}

	private static OutcomeChange shown(OutcomeChange exact, Map<String, Cell> cells) {
		Shown row = new Shown(cells);
		return new OutcomeChange(exact.measure(), row.count("pairs"),
				row.derived("meanBaseline", exact.meanBaseline(), "pairs"),
				row.derived("meanFollowUp", exact.meanFollowUp(), "pairs"), row.count("improved"),
				row.count("unchanged"), row.count("worse"), row.suppressed());
	}

	private static Map<String, Function<Summary, Long>> summaryCounts() {
		Map<String, Function<Summary, Long>> counts = new LinkedHashMap<>();
		counts.put("referred", Summary::referred);
		counts.put("accepted", Summary::accepted);
		counts.put("started", Summary::started);
		counts.put("completed", Summary::completed);
		counts.put("awaitingAnswer", Summary::awaitingAnswer);
		counts.put("declined", Summary::declined);
		counts.put("expired", Summary::expired);
		counts.put("cancelled", Summary::cancelled);
		counts.put("stoppedGoing", Summary::stoppedGoing);
		return counts;
	}

	/** One count of the report, and whether it is hidden. */
	private static final class Cell {

		private final long value;

		private boolean hidden;

		Cell(long value) {
			this.value = value;
		}

		Long shown() {
			return hidden ? null : value;
		}

		List<String> names(String name) {
			return hidden ? List.of(name) : List.of();
		}

	}

	/** One row as shown: its counts, and what it worked out from them where none of those is hidden. */
	private static final class Shown {

		private final Map<String, Cell> cells;

		private final List<String> suppressed = new ArrayList<>();

		Shown(Map<String, Cell> cells) {
			this.cells = cells;
		}

		Long count(String name) {
			Cell cell = cells.get(name);
			if (cell.hidden) {
				suppressed.add(name);
			}
			return cell.shown();
		}

		Double derived(String name, Double exact, String... workedOutFrom) {
			for (String count : workedOutFrom) {
				if (cells.get(count).hidden) {
					suppressed.add(name);
					return null;
				}
			}
			return exact;
		}

		List<String> suppressed() {
			return List.copyOf(suppressed);
		}

	}

	/** Counts that add up: the parts and the whole they make, each of which may be one or more counts. */
	private static final class Sums {

		private final List<Sum> sums = new ArrayList<>();

		void add(List<Cell> whole, List<Cell> parts) {
			sums.add(new Sum(whole, parts));
		}

		void hideUntilNoneCanBeWorkedBack() {
			boolean hidOne = true;
			while (hidOne) {
				hidOne = false;
				for (Sum sum : sums) {
					hidOne |= sum.hideAnotherIfOneCouldBeWorkedBack();
				}
			}
		}

	}

	private record Sum(List<Cell> whole, List<Cell> parts) {

		private static final Comparator<Cell> SMALLEST_FIRST = Comparator.comparingLong(cell -> cell.value);

		boolean hideAnotherIfOneCouldBeWorkedBack() {
			if (Stream.concat(whole.stream(), parts.stream()).filter(cell -> cell.hidden).count() != 1) {
				return false;
			}
			Optional<Cell> next = smallestShownAboveZero(parts).or(() -> smallestShownAboveZero(whole));
			next.ifPresent(cell -> cell.hidden = true);
			return next.isPresent();
		}

		private static Optional<Cell> smallestShownAboveZero(List<Cell> cells) {
			return cells.stream().filter(cell -> !cell.hidden && cell.value > 0).min(SMALLEST_FIRST);
		}

	}

}
