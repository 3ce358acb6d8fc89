package org.communityplaces.referrals.intake;

import java.util.Optional;

/**
 * The NHS number: ten digits, the last a modulus 11 check digit over the first nine
 * (weights 10 down to 2). People write it with spaces or dashes (943 476 5919), so those are
 * ignored.
 */
public final class NhsNumber {

	private NhsNumber() {
	}

	/** @return the ten digits, or empty if this is not a valid NHS number */
	public static Optional<String> parse(String written) {
		String digits = written.replaceAll("[\\s-]", "");
		if (!digits.matches("\\d{10}")) {
			return Optional.empty();
		}
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (digits.charAt(i) - '0') * (10 - i);
		}
		int check = 11 - (sum % 11);
		if (check == 11) {
			check = 0;
		}
		return check != 10 && check == digits.charAt(9) - '0' ? Optional.of(digits) : Optional.empty();
	}

}
