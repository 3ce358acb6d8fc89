package org.communityplaces.places.place;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Everything an admin (or an import) says about a place. Terms and postcodes are checked
 * against the vocabulary and the postcode directory by {@link Catalogue}.
 */
public record PlaceDetails(@NotBlank @Size(max = 200) @PlainText String name,
		@Size(max = 4000) @PlainText.Lines String description,
		@NotNull PlaceKind kind, @NotNull @Valid OrganizationDetails organization,
		@Size(max = 30) List<@NotBlank String> activities, @Size(max = 20) List<@NotBlank String> accessibility,
		@NotNull @Valid AddressDetails address, @DecimalMin("-90") @DecimalMax("90") Double latitude,
		@DecimalMin("-180") @DecimalMax("180") Double longitude,
		@Size(max = 50) List<@NotNull @Valid OpeningTime> openingTimes, @Valid CostDetails cost,
		@Min(0) @Max(120) Integer minimumAge, @Min(0) @Max(120) Integer maximumAge, @NotNull @Valid HostDetails host,
		@Valid CapacityDetails capacity, PlaceStatus status) {

	public PlaceDetails {
		activities = activities == null ? List.of() : List.copyOf(activities);
		accessibility = accessibility == null ? List.of() : List.copyOf(accessibility);
		openingTimes = openingTimes == null ? List.of() : List.copyOf(openingTimes);
		status = status == null ? PlaceStatus.ACTIVE : status;
	}

	@JsonIgnore
	@AssertTrue(message = "minimumAge must not be above maximumAge")
	boolean isAgeRangeInOrder() {
		return minimumAge == null || maximumAge == null || minimumAge <= maximumAge;
	}

	@JsonIgnore
	@AssertTrue(message = "a place met in person needs a postcode or latitude and longitude;"
			+ " otherwise say it meets online or in various places (address.attendance)")
	boolean isFindable() {
		return address == null || address.attendance() != Attendance.IN_PERSON
				|| (address.postcode() != null && !address.postcode().isBlank()) || latitude != null;
	}

	@JsonIgnore
	@AssertTrue(message = "latitude and longitude go together: give both or neither")
	boolean isCoordinatesComplete() {
		return (latitude == null) == (longitude == null);
	}

	public record OrganizationDetails(@NotBlank @Size(max = 200) @PlainText String name,
			@Size(max = 2000) @PlainText.Lines String description) {
	}

	/** As much of the address as is known, and how people get there (in person unless said). */
	public record AddressDetails(@Size(max = 200) @PlainText String line1, @Size(max = 100) @PlainText String city,
			@Size(max = 10) @PlainText String postcode, Attendance attendance) {

		public AddressDetails {
			attendance = attendance == null ? Attendance.IN_PERSON : attendance;
		}

	}

	public record HostDetails(@Size(max = 100) @PlainText String name,
			@NotBlank @Size(max = 254) @PlainText @Email(regexp = ".+@.+\\..+", message = "must be an e-mail address") String email,
			@Size(max = 30) @Pattern(regexp = "[0-9 +()-]*", message = "must be a phone number") String phone) {
	}

	public record CostDetails(boolean free, @PositiveOrZero @Max(10000) BigDecimal amount,
			@Size(max = 200) @PlainText String description) {
	}

	public record CapacityDetails(@NotNull @PositiveOrZero @Max(100000) Integer available,
			@NotNull @PositiveOrZero @Max(100000) Integer maximum) {

		@JsonIgnore
		@AssertTrue(message = "available must not be above maximum")
		boolean isWithinMaximum() {
			return available == null || maximum == null || available <= maximum;
		}

	}

}
