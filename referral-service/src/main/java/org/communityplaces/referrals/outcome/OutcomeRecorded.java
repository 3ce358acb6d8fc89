package org.communityplaces.referrals.outcome;

import java.util.List;

/** Scores were recorded at a timepoint: which measures, never the scores themselves. */
record OutcomeRecorded(String referralId, String placeId, String placeName, String timepoint,
		List<String> measures) {
}
