package org.communityplaces.referrals.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the person lives, as finely as a referral keeps it: the postcode district (S6 of
 * S6 2AA). Referrers may write the district or the full postcode, in either case, with or
 * without the space; only the district is kept.
 */
public final class PostcodeDistrict {

	/** The district, then the sector and unit (2AA) when the full postcode is written. */
	private static final Pattern WRITTEN = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)(?:[0-9][A-Z]{2})?");

	/** A full postcode with spaces to spare: anything longer is not one. */
	private static final int LONGEST = 10;

	private PostcodeDistrict() {
	}

	/** @return the district in capitals (S6), or empty if this is neither a district nor a postcode */
	public static Optional<String> of(String written) {
		if (written.length() > LONGEST) {
			return Optional.empty();
		}
		Matcher matcher = WRITTEN.matcher(written.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

}
