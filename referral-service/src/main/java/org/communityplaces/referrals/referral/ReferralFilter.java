package org.communityplaces.referrals.referral;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What a caller narrowed their list of referrals to; each part null when they did not ask.
 *
 * @param placeId referrals to this place only
 * @param from the first day, in the service's time zone, the referral was made (sent, for a host)
 * @param to the last such day
 * @param name words, each found in the person's first or last name whatever the case
 */
record ReferralFilter(ReferralStatus status, String placeId, LocalDate from, LocalDate to, String name) {

	ReferralFilter {
		if (from != null && to != null && from.isAfter(to)) {
			throw new ReferralProblems.InvalidField("from", "must not be after to");
		}
		name = name == null || name.isBlank() ? null : name.strip();
	}

	/** The words of the name searched for, as written: text to find, never a pattern. */
	List<String> nameWords() {
		return name == null ? List.of() : Arrays.asList(name.split("\\s+"));
	}

}
