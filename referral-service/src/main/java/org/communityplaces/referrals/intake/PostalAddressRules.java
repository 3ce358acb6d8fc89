package org.communityplaces.referrals.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A postal address a letter can be sent to, as GOV.UK Notify prints it: the person's name, up
 * to five lines, then a real-looking full UK postcode as the last line. The first lines must
 * say something (letters or numbers), and Notify refuses lines starting with some characters.
 */
final class PostalAddressRules {

	static final int MOST_LINES = 5;

	static final int LONGEST_LINE = 100;

	static final String POSTCODE = "Enter the full postcode, such as S6 1AB";

	private static final Pattern FULL_POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})");

	private static final Pattern SAYS_SOMETHING = Pattern.compile(".*[\\p{L}\\p{N}].*");

	/** Notify does not print an address line that starts with one of these. */
	private static final Pattern REFUSED_START = Pattern.compile("^[@()=\\[\\]\"\\\\/,<>~].*");

	private PostalAddressRules() {
	}

	static Optional<String> linesProblem(List<String> lines) {
		List<String> given = given(lines);
		if (given.isEmpty()) {
			return Optional.of("Enter the person's address, the first line at least");
		}
		if (given.stream().anyMatch(line -> !SAYS_SOMETHING.matcher(line).matches())) {
			return Optional.of("Each line of the address must have letters or numbers in it");
		}
		if (given.stream().anyMatch(line -> REFUSED_START.matcher(line).matches())) {
			return Optional.of("A line of the address cannot start with a symbol such as @, ( or /");
		}
		return Optional.empty();
	}

	static Optional<String> postcodeProblem(String postcode) {
		return postcode == null || postcode.isBlank() ? Optional.of("Enter the person's postcode")
				: of(postcode).isEmpty() ? Optional.of(POSTCODE) : Optional.empty();
	}

	/** The lines with words in them, trimmed: blank ones are left out, as on an envelope. */
	static List<String> given(List<String> lines) {
		return lines == null ? List.of()
				: lines.stream().filter(line -> line != null && !line.isBlank()).map(String::strip).toList();
	}

	/** The full postcode in capitals with its space (S6 1AB), however it was written; empty if it is not one. */
	static Optional<String> of(String written) {
		var matcher = FULL_POSTCODE.matcher(written.replaceAll("\\s", "").toUpperCase(Locale.ROOT));
		return matcher.matches() ? Optional.of(matcher.group(1) + " " + matcher.group(2)) : Optional.empty();
	}

}
