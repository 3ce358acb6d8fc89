package org.communityplaces.referrals.uptake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Uptake as a commissioner sees it. A count is null when it is hidden, and then its name is in
 * its row's {@code suppressed}; a rate, mean or time is null either for that reason (and then
 * listed too) or because there is nothing to work it out from (and then not listed).
 *
 * @param generatedAt when the report was worked out
 * @param smallestShown the smallest count shown: counts from 1 to one less are hidden
 * @param byArea by the postcode area of the place (S)
 * @param byPlaceDistrict by the postcode district of the place (S6), {@code unknown} for referrals
 * made before it was kept
 * @param byPersonDistrict by the postcode district the referred person lives in
 * @param timeToAnswer how long the place took to accept or decline
 * @param whyNotGoneAhead referrals closed short of completion, by the status they ended in and
 * its coded reason
 */
record UptakeReport(LocalDate from, LocalDate to, Instant generatedAt, int smallestShown, Summary total,
		List<Summary> byPlaceKind, List<Summary> byArea, List<Summary> byPlaceDistrict,
		List<DistrictSummary> byPersonDistrict, OverTime overTime, List<AnswerTime> timeToAnswer,
		List<NotGoneAhead> whyNotGoneAhead, List<OutcomeChange> outcomeChange) {

	/** The key of the row of every referral in the period. */
	static final String ALL = "all";

	/** The key of a row of referrals whose kind, area or district is not known. */
	static final String UNKNOWN = "unknown";

	/**
	 * The funnel and its rates for all referrals or one kind, area, district or period.
	 * {@code accepted} and {@code declined} count every referral the host ever answered that
	 * way; the others count where referrals stand now.
	 *
	 * @param acceptanceRate accepted of those the host answered
	 * @param attendanceRate started going of those accepted
	 * @param expiryRate expired unanswered of those referred
	 * @param suppressed the fields hidden so that no small number can be read or worked out
	 */
	record Summary(String key, Long referred, Long accepted, Long started, Long completed, Long awaitingAnswer,
			Long declined, Long expired, Long cancelled, Long stoppedGoing, Double acceptanceRate,
			Double attendanceRate, Double expiryRate, Double medianHoursToDecision, Double p90HoursToDecision,
			List<String> suppressed) {
	}

	/**
	 * Referrals of the people of one postcode district, set against how many live there and how
	 * deprived it is.
	 *
	 * @param population usual residents, or null when not known
	 * @param referredPer10000 referred per 10,000 residents, to one decimal place
	 * @param deprivation null when no deprivation is loaded for the district
	 */
	record DistrictSummary(@JsonUnwrapped Summary summary, Long population, Double referredPer10000,
			Deprivation deprivation) {
	}

	/** @param imdRank among England's 32,844 neighbourhoods, 1 the most deprived */
	record Deprivation(int imdRank, int imdDecile) {
	}

	/**
	 * @param interval {@code week} (starting on Monday) or {@code month}
	 * @param periods every period the report's dates fall in, keyed by its first day
	 */
	record OverTime(String interval, List<Summary> periods) {
	}

	record AnswerTime(String key, Long count, List<String> suppressed) {
	}

	record NotGoneAhead(String status, String reason, Long count, List<String> suppressed) {
	}

	/** Means of paired scores, and how many got better, stayed the same or got worse. */
	record OutcomeChange(String measure, Long pairs, Double meanBaseline, Double meanFollowUp, Long improved,
			Long unchanged, Long worse, List<String> suppressed) {
	}

}
