package org.communityplaces.referrals.uptake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.communityplaces.contracts.Vocabularies.Vocabulary;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.communityplaces.referrals.uptake.UptakeReport.AnswerTime;
import org.communityplaces.referrals.uptake.UptakeReport.DistrictSummary;
import org.communityplaces.referrals.uptake.UptakeReport.NotGoneAhead;
import org.communityplaces.referrals.uptake.UptakeReport.OutcomeChange;
import org.communityplaces.referrals.uptake.UptakeReport.Summary;
import org.communityplaces.referrals.vocabulary.ReferralCodes;

import org.springframework.stereotype.Component;

/**
 * The uptake report as CSV (RFC 4180) for a board pack or a spreadsheet: the period, when it
 * was worked out and how small numbers are shown, then each table with its title, its headings
 * in plain English and its rows, codes written as the contract's vocabularies name them. The
 * numbers are the report's, hidden ones included.
 */
@Component
class UptakeCsv {

	/**
	 * What a hidden cell says. Not "fewer than 5": a count hidden so that a small one cannot be
	 * worked out from a total may be large, and the file must not say otherwise.
	 */
	static final String HIDDEN = "hidden";

	private static final List<String> SUMMARY_HEADINGS = List.of("Referred", "Accepted", "Started going", "Completed",
			"Waiting for an answer", "Declined by the place", "Expired unanswered", "Cancelled by the referrer",
			"Stopped going", "Acceptance rate", "Attendance rate", "Expiry rate", "Median hours to an answer",
			"Hours within which 9 in 10 were answered");

	private static final Map<String, String> ANSWER_TIMES = Map.of("under-1-day", "Under a day", "1-to-2-days",
			"1 to 2 days", "2-to-7-days", "2 to 7 days", "over-7-days", "Over 7 days");

	/** The vocabulary of the reasons a referral closes in each status with. */
	private static final Map<String, String> REASONS = Map.of(ReferralStatus.REJECTED.code(), "reject-reason",
			ReferralStatus.CANCELLED.code(), "cancel-reason", ReferralStatus.FAILED.code(), "fail-reason");

	private final ReferralCodes codes;

	UptakeCsv(ReferralCodes codes) {
		this.codes = codes;
	}

	String write(UptakeReport report, UptakeTable asked) {
		StringBuilder text = new StringBuilder();
		try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180)) {
			csv.printRecord("Referrals sent", report.from() + " to " + report.to());
			csv.printRecord("Generated", report.generatedAt());
			csv.printRecord("Hidden", "fewer than " + report.smallestShown()
					+ ", or a number that would let one be worked out from the totals");
			for (UptakeTable table : asked.tables()) {
				csv.println();
				write(csv, report, table);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	private void write(CSVPrinter csv, UptakeReport report, UptakeTable table) throws IOException {
		Vocabulary kinds = codes.vocabulary("place-kind");
		switch (table) {
			case TOTAL -> summaries(csv, "All referrals", "", List.of(report.total()), key -> "All referrals");
			case BY_PLACE_KIND -> summaries(csv, "By kind of place", "Kind of place", report.byPlaceKind(),
					kinds::label);
			case BY_AREA -> summaries(csv, "By postcode area of the place", "Postcode area", report.byArea(),
					UnaryOperator.identity());
			case BY_PLACE_DISTRICT -> summaries(csv, "By postcode district of the place", "Postcode district",
					report.byPlaceDistrict(), UnaryOperator.identity());
			case BY_PERSON_DISTRICT -> personDistricts(csv, report);
			case OVER_TIME -> {
				boolean weeks = report.overTime().interval().equals("week");
				summaries(csv, weeks ? "Week by week" : "Month by month",
						weeks ? "Week beginning" : "Month beginning", report.overTime().periods(),
						UnaryOperator.identity());
			}
			case TIME_TO_ANSWER -> {
				csv.printRecord("Time the place took to answer");
				csv.printRecord("Time to an answer", "Referrals");
				for (AnswerTime bucket : report.timeToAnswer()) {
					csv.printRecord(ANSWER_TIMES.getOrDefault(bucket.key(), bucket.key()),
							cell(bucket.suppressed(), "count", bucket.count()));
				}
			}
			case WHY_NOT_GONE_AHEAD -> {
				csv.printRecord("Referrals closed short of completion, by reason");
				csv.printRecord("Ended as", "Reason", "Referrals");
				Vocabulary statuses = codes.vocabulary("referral-status");
				for (NotGoneAhead row : report.whyNotGoneAhead()) {
					String reasons = REASONS.get(row.status());
					csv.printRecord(statuses.label(row.status()),
							reasons == null ? row.reason() : codes.vocabulary(reasons).label(row.reason()),
							cell(row.suppressed(), "count", row.count()));
				}
			}
			case OUTCOME_CHANGE -> {
				csv.printRecord("Scores before and after");
				csv.printRecord("Measure", "People with both scores", "Mean before", "Mean after", "Better", "Same",
						"Worse");
				Vocabulary measures = codes.vocabulary("outcome-measure");
				for (OutcomeChange change : report.outcomeChange()) {
					List<String> hidden = change.suppressed();
					csv.printRecord(measures.label(change.measure()), cell(hidden, "pairs", change.pairs()),
							cell(hidden, "meanBaseline", change.meanBaseline()),
							cell(hidden, "meanFollowUp", change.meanFollowUp()),
							cell(hidden, "improved", change.improved()),
							cell(hidden, "unchanged", change.unchanged()),
							cell(hidden, "worse", change.worse()));
				}
			}
			case ALL -> throw new IllegalArgumentException("all is every table, not one");
		}
	}

	private void summaries(CSVPrinter csv, String title, String keyHeading, List<Summary> rows,
			UnaryOperator<String> label) throws IOException {
		csv.printRecord(title);
		List<String> headings = new ArrayList<>(List.of(keyHeading));
		headings.addAll(SUMMARY_HEADINGS);
		csv.printRecord(headings);
		for (Summary row : rows) {
			List<String> cells = new ArrayList<>(List.of(label.apply(row.key())));
			cells.addAll(cells(row));
			csv.printRecord(cells);
		}
	}

	private void personDistricts(CSVPrinter csv, UptakeReport report) throws IOException {
		csv.printRecord("By postcode district of the person referred");
		List<String> headings = new ArrayList<>(List.of("Postcode district"));
		headings.addAll(SUMMARY_HEADINGS);
		headings.addAll(List.of("Residents", "Referred per 10,000 residents", "Deprivation rank (1 is most deprived)",
				"Deprivation decile (1 is most deprived)"));
		csv.printRecord(headings);
		for (DistrictSummary row : report.byPersonDistrict()) {
			Summary summary = row.summary();
			List<String> cells = new ArrayList<>(List.of(summary.key()));
			cells.addAll(cells(summary));
			cells.add(cell(summary.suppressed(), "population", row.population()));
			cells.add(cell(summary.suppressed(), "referredPer10000", row.referredPer10000()));
			cells.add(row.deprivation() == null ? "" : String.valueOf(row.deprivation().imdRank()));
			cells.add(row.deprivation() == null ? "" : String.valueOf(row.deprivation().imdDecile()));
			csv.printRecord(cells);
		}
	}

	private static List<String> cells(Summary row) {
		List<String> hidden = row.suppressed();
		return List.of(cell(hidden, "referred", row.referred()),
				cell(hidden, "accepted", row.accepted()), cell(hidden, "started", row.started()),
				cell(hidden, "completed", row.completed()),
				cell(hidden, "awaitingAnswer", row.awaitingAnswer()),
				cell(hidden, "declined", row.declined()), cell(hidden, "expired", row.expired()),
				cell(hidden, "cancelled", row.cancelled()),
				cell(hidden, "stoppedGoing", row.stoppedGoing()),
				cell(hidden, "acceptanceRate", row.acceptanceRate()),
				cell(hidden, "attendanceRate", row.attendanceRate()),
				cell(hidden, "expiryRate", row.expiryRate()),
				cell(hidden, "medianHoursToDecision", row.medianHoursToDecision()),
				cell(hidden, "p90HoursToDecision", row.p90HoursToDecision()));
	}

	/** A hidden value in words, one not known left empty. */
	private static String cell(List<String> suppressed, String name, Object value) {
		if (suppressed.contains(name)) {
			return HIDDEN;
		}
		return value == null ? "" : value.toString();
	}

}
