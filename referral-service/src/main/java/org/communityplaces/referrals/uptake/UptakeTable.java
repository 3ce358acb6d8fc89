package org.communityplaces.referrals.uptake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.communityplaces.referrals.referral.ReferralProblems;

/** Each table of the uptake report that can be downloaded on its own, or all of them in one file. */
enum UptakeTable {

	ALL, TOTAL, BY_PLACE_KIND, BY_AREA, BY_PLACE_DISTRICT, BY_PERSON_DISTRICT, OVER_TIME, TIME_TO_ANSWER,
	WHY_NOT_GONE_AHEAD, OUTCOME_CHANGE;

	/** How the API names it: {@code by-place-kind}. */
	String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** @param code as asked for; none is all of them */
	static UptakeTable of(String code) {
		if (code == null || code.isEmpty()) {
			return ALL;
		}
		return Arrays.stream(values())
			.filter(table -> table.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ReferralProblems.InvalidField("table",
					"must be one of " + String.join(", ", Arrays.stream(values()).map(UptakeTable::code).toList())));
	}

	/** The tables this one stands for, in the order of the report. */
	List<UptakeTable> tables() {
		return this == ALL ? Arrays.stream(values()).filter(table -> table != ALL).toList() : List.of(this);
	}

}
