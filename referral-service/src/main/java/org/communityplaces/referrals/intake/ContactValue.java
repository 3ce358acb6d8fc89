package org.communityplaces.referrals.intake;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contact value the place can use for the way the person asked to be contacted: an e-mail
 * address for {@code email}, a UK phone number for {@code phone}, a UK mobile for
 * {@code text}, a postal address with its postcode for {@code post}; nothing is needed when
 * contact is via the referrer. People write numbers with spaces, dashes, brackets and
 * {@code +44 (0)}, so those are allowed.
 */
final class ContactValue {

	/** The longest value kept, as {@link ReferralRequests.ContactDetails} allows. */
	static final int LONGEST = 300;

	/** The longest e-mail address that can be delivered to (RFC 5321's path limit). */
	static final int LONGEST_EMAIL = 254;

	/** A practical address: a local part, then a domain of labels ending in a top-level name. */
	private static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

	/** A UK number dialled from within the UK: 0, then ten or nine more digits, not starting with 0. */
	private static final Pattern UK_NUMBER = Pattern.compile("0[1-9][0-9]{8,9}");

	private static final Pattern UK_MOBILE = Pattern.compile("07[0-9]{9}");

	private static final Pattern POSTCODE = Pattern.compile("(?i)\\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\\b");

	/** Shorter than this cannot be a house, a street or a town as well as a postcode. */
	private static final int SHORTEST_ADDRESS = 10;

	private ContactValue() {
	}

	/**
	 * @param method a contact-method code; an unknown one is the method's problem, not the value's
	 * @return what is wrong with the value for this method, or empty if the place can use it
	 */
	static Optional<String> problem(String method, String value) {
		String given = value == null ? "" : value.strip();
		if (method.equals("via-referrer")) {
			return Optional.empty();
		}
		if (!method.equals("email") && !method.equals("phone") && !method.equals("text") && !method.equals("post")) {
			return Optional.empty();
		}
		if (given.isEmpty()) {
			return Optional.of(switch (method) {
				case "email" -> "Enter the person's e-mail address";
				case "phone" -> "Enter the person's phone number";
				case "text" -> "Enter the person's mobile number";
				default -> "Enter the person's postal address";
			});
		}
		return Optional.ofNullable(switch (method) {
			case "email" -> given.length() <= LONGEST_EMAIL && EMAIL.matcher(given).matches() ? null
					: "Enter an e-mail address in the correct format, such as name@example.org";
			case "phone" -> UK_NUMBER.matcher(dialled(given)).matches() ? null
					: "Enter a UK phone number, such as 0114 496 0000";
			case "text" -> UK_MOBILE.matcher(dialled(given)).matches() ? null
					: "Enter a UK mobile number, such as 07700 900123";
			default -> given.length() >= SHORTEST_ADDRESS && given.length() <= LONGEST && POSTCODE.matcher(given).find()
					? null : "Enter a postal address with its postcode, such as 12 Oak Road, Sheffield S6 1AB";
		});
	}

	/** The digits as dialled within the UK: +44 (0)114 496 0000 is 01144960000. */
	static String dialled(String written) {
		return written.replaceAll("[\\s().-]", "").replaceFirst("^(?:\\+44|0044)0?", "0");
	}

}
