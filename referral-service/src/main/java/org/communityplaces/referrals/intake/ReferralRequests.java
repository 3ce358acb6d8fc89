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

	static final String PLACE_ID_MESSAGE = "must be a place id: letters, digits, - and _ only";

	/**
	 * @param draft true to save without sending to the place yet; absent is false
	 * @param notes for the referrer's own team; never shown to the host
	 */
	record NewReferral(@NotBlank @Size(max = 64) @Pattern(regexp = PLACE_ID, message = PLACE_ID_MESSAGE) String placeId,
			Boolean draft, @NotNull @Valid PersonDetails person,
			@NotNull(message = "must be recorded before referring") @Valid ConsentDetails consent,
			@NotEmpty @Size(max = 10) List<@NotNull @Code("referral-reason") String> reasons,
			@Size(max = 4000) String notes) {
	}

	record PersonDetails(@NotBlank @Size(max = 100) String firstName, @Size(max = 100) String lastName,
			@NotNull @Valid ContactDetails contact,
			@Pattern(regexp = "[A-Za-z]{1,2}[0-9][A-Za-z0-9]?", message = "must be a postcode district such as S6") String postcodeDistrict,
			@NotNull @Code("age-band") String ageBand, @Size(max = 20) List<@NotNull @Code("need") String> needs,
			@Size(max = 20) List<@NotNull @Code("activity") String> interests,
			@Size(max = 20) List<@NotNull @Code("accessibility") String> accessibility,
			@Size(max = 20) @ValidNhsNumber String nhsNumber) {
	}

	/**
	 * How the person would like to be contacted about the place; {@code via-referrer} keeps
	 * their details away from the host entirely.
	 */
	@FitsItsMethod
	record ContactDetails(@NotNull @Code("contact-method") String method, @Size(max = ContactValue.LONGEST) String value) {
	}

	/**
	 * @param lawfulBasis {@code explicit-consent} (UK GDPR articles 6(1)(a) and 9(2)(a)) or
	 * {@code health-and-social-care} (articles 6(1)(e) and 9(2)(h)); the person's agreement to be
	 * referred is needed either way
	 * @param sharing what the person chose to let the place see besides their first name
	 * ({@code contact}, {@code needs}, {@code interests}, {@code accessibility}); absent or empty
	 * shares their first name only
	 */
	record ConsentDetails(@NotNull @AssertTrue(message = "the person must have agreed to be referred") Boolean given,
			@NotNull @Code("consent-method") String method, @NotNull @Code("lawful-basis") String lawfulBasis,
			@PastOrPresent Instant recordedAt,
			@Size(max = 200) String recordedBy,
			@Size(max = 20) List<@NotNull @Code("shared-with-host") String> sharing) {
	}

	record ReReferral(@NotBlank @Size(max = 64) @Pattern(regexp = PLACE_ID, message = PLACE_ID_MESSAGE) String placeId) {
	}

}
