package org.communityplaces.referrals.subjectaccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.communityplaces.platform.problem.Problem;
import org.communityplaces.referrals.intake.NhsNumber;
import org.communityplaces.referrals.intake.PostcodeDistrict;
import org.communityplaces.referrals.referral.Referral;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;

/**
 * Who a request for a copy of what is held is about, as the admin identifies them: by NHS
 * number, or by first and last name and the postcode district they live in. The NHS number is
 * looked up in the store, where it is encrypted the same way every time; names are encrypted
 * differently each time, so the district is looked up and the names compared here, whatever
 * the case and without the spaces around them.
 *
 * @param nhsNumber the ten digits, or null when looked up by name
 * @param postcodeDistrict in capitals (S6), or null when looked up by NHS number
 */
record Subject(String nhsNumber, String firstName, String lastName, String postcodeDistrict) {

	/** Checks the request names one person one way, every problem named at once. */
	static Subject of(String nhsNumber, String firstName, String lastName, String postcodeDistrict) {
		boolean byNhsNumber = given(nhsNumber);
		boolean anyName = given(firstName) || given(lastName) || given(postcodeDistrict);
		if (byNhsNumber && anyName) {
			throw new Unidentified(
					List.of(error("nhsNumber", "Search by NHS number, or by name and postcode district, not both at once")));
		}
		if (byNhsNumber) {
			return new Subject(NhsNumber.parse(nhsNumber).orElseThrow(), null, null, null);
		}
		if (!anyName) {
			throw new Unidentified(
					List.of(error("nhsNumber", "Enter the person's NHS number, or their name and postcode district")));
		}
		List<Map<String, String>> missing = new ArrayList<>();
		if (!given(firstName)) {
			missing.add(error("firstName", "Enter the person's first name"));
		}
		if (!given(lastName)) {
			missing.add(error("lastName", "Enter the person's last name"));
		}
		if (!given(postcodeDistrict)) {
			missing.add(error("postcodeDistrict", "Enter the postcode district they live in, such as S6"));
		}
		if (!missing.isEmpty()) {
			throw new Unidentified(missing);
		}
		return new Subject(null, firstName.strip(), lastName.strip(), PostcodeDistrict.of(postcodeDistrict).orElseThrow());
	}

	/** What the store can find: every referral with the NHS number, or every one in the district. */
	Criteria criteria() {
		return nhsNumber != null ? Criteria.where("person.nhsNumber").is(nhsNumber)
				: Criteria.where("person.postcodeDistrict").is(postcodeDistrict);
	}

	/** Whether a referral the store found is about this person. */
	boolean isAbout(Referral referral) {
		Referral.Person person = referral.person();
		if (person == null) {
			return false;
		}
		return nhsNumber != null ? nhsNumber.equals(person.nhsNumber())
				: sameName(firstName, person.firstName()) && sameName(lastName, person.lastName())
						&& postcodeDistrict.equals(person.postcodeDistrict());
	}

	/** How they were looked up, as the copy says it. */
	String inWords() {
		return nhsNumber != null ? "NHS number " + DocumentWriter.nhsNumber(nhsNumber)
				: "the name " + firstName + " " + lastName + " and the postcode district " + postcodeDistrict;
	}

	private static boolean sameName(String asked, String held) {
		return held != null && asked.toLowerCase(Locale.ROOT).equals(held.strip().toLowerCase(Locale.ROOT));
	}

	private static boolean given(String value) {
		return value != null && !value.isBlank();
	}

	private static Map<String, String> error(String field, String message) {
		return Map.of("field", field, "message", message);
	}

	/** The request does not say who it is about, or says it two ways at once. */
	static class Unidentified extends Problem {

		Unidentified(List<Map<String, String>> errors) {
			super(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid value for "
					+ errors.stream().map(error -> error.get("field")).collect(Collectors.joining(", ")) + ".");
			getBody().setProperty("errors", errors);
		}

	}

}
