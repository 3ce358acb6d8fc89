package org.communityplaces.referrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What callers send to make and move referrals, validated before anything is read or stored. */
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
			@NotEmpty @Size(max = 10) List<String> reasons, @Size(max = 4000) String notes) {
	}

	record PersonDetails(@NotBlank @Size(max = 100) String firstName, @Size(max = 100) String lastName,
			@NotNull @Valid ContactDetails contact,
			@Pattern(regexp = "[A-Za-z]{1,2}[0-9][A-Za-z0-9]?", message = "must be a postcode district such as S6") String postcodeDistrict,
			@NotNull @Pattern(regexp = "0-17|18-24|25-34|35-44|45-54|55-64|65-74|75-84|85\\+",
					message = "must be an age band: 0-17, 18-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75-84 or 85+") String ageBand,
			@Size(max = 20) List<String> needs, @Size(max = 20) List<String> interests,
			@Size(max = 20) List<String> accessibility, @Size(max = 20) String nhsNumber) {
	}

	/**
	 * How the person would like to be contacted about the place; {@code via-referrer} keeps
	 * their details away from the host entirely.
	 */
	record ContactDetails(
			@NotNull @Pattern(regexp = "phone|text|email|post|via-referrer",
					message = "must be phone, text, email, post or via-referrer") String method,
			@Size(max = 300) String value) {
	}

	/**
	 * @param lawfulBasis {@code explicit-consent} (UK GDPR articles 6(1)(a) and 9(2)(a)) or
	 * {@code health-and-social-care} (articles 6(1)(e) and 9(2)(h)); the person's agreement to be
	 * referred is needed either way
	 */
	record ConsentDetails(@NotNull @AssertTrue(message = "the person must have agreed to be referred") Boolean given,
			@NotNull @Pattern(regexp = "verbal|written|electronic",
					message = "must be verbal, written or electronic") String method,
			@NotNull @Pattern(regexp = "explicit-consent|health-and-social-care",
					message = "must be explicit-consent or health-and-social-care") String lawfulBasis,
			@PastOrPresent Instant recordedAt, @Size(max = 200) String recordedBy) {
	}

	/** A reason code where the action needs one, and words where the code is {@code other}. */
	record Decision(String reason, @Size(max = 1000) String text) {

		static final Decision NONE = new Decision(null, null);

	}

	record AttendanceRecord(@NotNull @PastOrPresent LocalDate on, @NotNull Boolean attended) {
	}

	record OutcomeRecord(
			@NotNull @Pattern(regexp = "baseline|follow-up", message = "must be baseline or follow-up") String timepoint,
			@PastOrPresent LocalDate measuredOn, @Min(3) @Max(9) Integer uclaLoneliness, @Valid Ons4Scores ons4) {
	}

	record Ons4Scores(@NotNull @Min(0) @Max(10) Integer lifeSatisfaction, @NotNull @Min(0) @Max(10) Integer worthwhile,
			@NotNull @Min(0) @Max(10) Integer happiness, @NotNull @Min(0) @Max(10) Integer anxiety) {
	}

	record ReReferral(@NotBlank @Size(max = 64) @Pattern(regexp = PLACE_ID, message = PLACE_ID_MESSAGE) String placeId) {
	}

}
