package org.communityplaces.referrals.place;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What referral-service knows of a place: enough to route a referral to its host, to label
 * metrics by kind and area, to count uptake by postcode district, and to refuse referrals it
 * cannot take. Kept as a local snapshot, so referrals can still be made while the places
 * catalogue is down.
 *
 * @param district the postcode district (S6), or null when the catalogue did not say
 */
@Document("places")
public record PlaceSummary(@Id String id, long version, String name, String kind, String district, String area,
		String hostEmail, boolean acceptingReferrals) {

	private static final Pattern AREA = Pattern.compile("^[A-Z]{1,2}");

	/** The postcode area of a district (S of S6), the finest location a metric label may carry. */
	static String areaOf(String district) {
		Matcher matcher = AREA.matcher(district == null ? "" : district.toUpperCase(Locale.ROOT));
		return matcher.find() ? matcher.group() : "unknown";
	}

	/** The district as written in a postcode (S6 of s6 ), or null when there is none. */
	static String districtOf(String district) {
		return district == null || district.isBlank() ? null : district.strip().toUpperCase(Locale.ROOT);
	}

	/** The contract's kind code (community-group) from however the catalogue spells it (COMMUNITY_GROUP). */
	static String kindCode(String kind) {
		return kind == null ? "unknown" : kind.toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
