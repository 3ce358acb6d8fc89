package org.communityplaces.places.place;

import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A weekly session, as an HSDS schedule with {@code freq=WEEKLY}: the days it runs and the
 * hours. Times are kept as {@code HH:mm} text so that no time zone can shift them in storage.
 */
public record OpeningTime(@NotEmpty(message = "must name at least one day") List<@NotNull Weekday> days,
		@NotNull @Pattern(regexp = TIME, message = "must be a time as HH:mm") String opens,
		@NotNull @Pattern(regexp = TIME, message = "must be a time as HH:mm") String closes,
		@Size(max = 500) @PlainText String description) {

	/** A time of day as {@code HH:mm}: no seconds, no zone. */
	public static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

	public LocalTime opensAt() {
		return LocalTime.parse(opens);
	}

	public LocalTime closesAt() {
		return LocalTime.parse(closes);
	}

	@JsonIgnore
	@AssertTrue(message = "closing time must be after the opening time; split a session that runs past midnight in two")
	boolean isClosingAfterOpening() {
		return opens == null || closes == null || !opens.matches(TIME) || !closes.matches(TIME)
				|| closes.compareTo(opens) > 0;
	}

}
