package org.communityplaces.referrals.intake;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.communityplaces.referrals.vocabulary.Code;

/**
 * What referrers send to make referrals, validated before anything is read or stored, every
 * problem named at once: the shape, the codes against the contract's vocabularies, the NHS
 * number and the contact value against its method.
 */
final class ReferralRequests {

	private ReferralRequests() {
	}

	static final String PLACE_ID = "[A-Za-z0-9_-]*";

	static final String PLACE_ID_MESSAGE = "Choose a place to refer the person to from Find a place";

	/**
	 * @param draft true to save without sending to the place yet; absent is false
	 * @param notes for the referrer's own team; never shown to the host
	 * @param hearBy how the person wants to hear where and when; absent is no contact
	 */
	record NewReferral(
			@NotBlank(message = PLACE_ID_MESSAGE) @Size(max = 64, message = PLACE_ID_MESSAGE) @Pattern(regexp = PLACE_ID,
					message = PLACE_ID_MESSAGE) String placeId,
			Boolean draft, @NotNull(message = "Enter the person's details") @Valid PersonDetails person,
			@NotNull(message = "Record the person's consent before referring them") @Valid ConsentDetails consent,
			@NotEmpty(message = REASONS) @Size(max = 10, message = "Choose no more than 10 reasons for referring the person")
			List<@NotNull(message = REASONS) @Code(value = "referral-reason", message = REASONS) String> reasons,
			@Size(max = 4000, message = "Notes must be 4,000 characters or fewer") String notes,
			@Valid HearBy hearBy) {

		private static final String REASONS = "Choose why you are referring the person";

	}

	record PersonDetails(
			@NotBlank(message = "Enter the person's first name") @Size(max = 100,
					message = "First name must be 100 characters or fewer") String firstName,
			@Size(max = 100, message = "Last name must be 100 characters or fewer") String lastName,
			@NotNull(message = CONTACT_METHOD) @Valid ContactDetails contact,
			@ValidPostcodeDistrict String postcodeDistrict,
			@NotNull(message = AGE_BAND) @Code(value = "age-band", message = AGE_BAND) String ageBand,
			@Size(max = 20, message = "Choose no more than 20 needs") List<@NotNull(message = NEEDS) @Code(value = "need",
					message = NEEDS) String> needs,
			@Size(max = 20, message = "Choose no more than 20 interests") List<@NotNull(
					message = INTERESTS) @Code(value = "activity", message = INTERESTS) String> interests,
			@Size(max = 20, message = "Choose no more than 20 access needs") List<@NotNull(
					message = ACCESS_NEEDS) @Code(value = "accessibility", message = ACCESS_NEEDS) String> accessibility,
			@Size(max = 20, message = ValidNhsNumber.INVALID) @ValidNhsNumber String nhsNumber) {

		private static final String AGE_BAND = "Choose the person's age band";

		private static final String NEEDS = "Choose what the person needs from the list";

		private static final String INTERESTS = "Choose what the person enjoys from the list";

		private static final String ACCESS_NEEDS = "Choose the person's access needs from the list";

	}

	/**
	 * How the person would like to be contacted about the place; {@code via-referrer} keeps
	 * their details away from the host entirely.
	 */
	@FitsItsMethod
	record ContactDetails(
			@NotNull(message = CONTACT_METHOD) @Code(value = "contact-method", message = CONTACT_METHOD) String method,
			@Size(max = ContactValue.LONGEST, message = "Contact details must be 300 characters or fewer") String value) {
	}

	private static final String CONTACT_METHOD = "Choose how the place should contact the person";

	/**
	 * @param lawfulBasis {@code explicit-consent} (UK GDPR articles 6(1)(a) and 9(2)(a)) or
	 * {@code health-and-social-care} (articles 6(1)(e) and 9(2)(h)); the person's agreement to be
	 * referred is needed either way
	 * @param sharing what the person chose to let the place see besides their first name
	 * ({@code contact}, {@code needs}, {@code interests}, {@code accessibility}); absent or empty
	 * shares their first name only
	 */
	record ConsentDetails(
			@NotNull(message = AGREED) @AssertTrue(message = AGREED) Boolean given,
			@NotNull(message = CONSENT_METHOD) @Code(value = "consent-method", message = CONSENT_METHOD) String method,
			@NotNull(message = LAWFUL_BASIS) @Code(value = "lawful-basis", message = LAWFUL_BASIS) String lawfulBasis,
			@PastOrPresent(message = "The time consent was recorded must be now or in the past") Instant recordedAt,
			@Size(max = 200, message = "The name of who recorded consent must be 200 characters or fewer") String recordedBy,
			@Size(max = 20, message = "Choose no more than 20 things the place may see") List<@NotNull(
					message = SHARING) @Code(value = "shared-with-host", message = SHARING) String> sharing) {

		private static final String AGREED = "Confirm the person has agreed to be referred";

		private static final String CONSENT_METHOD = "Choose how the person agreed";

		private static final String LAWFUL_BASIS = "Choose the lawful basis for sharing the person's details";

		private static final String SHARING = "Choose what the place may see from the list";

	}

	/**
	 * How the person wants to hear where and when to go once a place says yes, and the reminder
	 * the day before their first visit, with what that way needs: a mobile number for a text
	 * message, an e-mail address for an e-mail, a postal address for a letter. Only what the
	 * chosen way needs is kept.
	 */
	@ReachableThatWay
	record HearBy(@NotNull(message = HEAR_BY) @Code(value = "hear-by", message = HEAR_BY) String by,
			@Size(max = 40, message = "Enter a UK mobile number, such as 07700 900123") String mobileNumber,
			@Size(max = ContactValue.LONGEST_EMAIL,
					message = "Enter an e-mail address in the correct format, such as name@example.org") String emailAddress,
			@Valid PostalAddressDetails postalAddress) {

		private static final String HEAR_BY = "Choose how the person wants to hear where and when to go";

	}

	/**
	 * A postal address a letter can go to: up to five lines (house, street, town...), then the
	 * full postcode on its own, as GOV.UK Notify prints it.
	 */
	record PostalAddressDetails(
			@Size(max = PostalAddressRules.MOST_LINES,
					message = "Enter no more than 5 lines of the address, with the postcode on its own") List<@Size(
							max = PostalAddressRules.LONGEST_LINE,
							message = "Each line of the address must be 100 characters or fewer") String> lines,
			@Size(max = 10, message = PostalAddressRules.POSTCODE) String postcode) {
	}

	record ReReferral(@NotBlank(message = PLACE_ID_MESSAGE) @Size(max = 64, message = PLACE_ID_MESSAGE) @Pattern(
			regexp = PLACE_ID, message = PLACE_ID_MESSAGE) String placeId) {
	}

}
