package org.communityplaces.referrals.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResponseDeadlineTests {

	private final ResponseDeadline fiveWorkingDays = new ResponseDeadline(5, ZoneId.of("Europe/London"),
			List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28)));

	@Test
	void fiveWorkingDaysFromAMondayIsTheNextMondayAtTheSameTime() {
		assertThat(fiveWorkingDays.respondBy(Instant.parse("2026-11-23T09:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
	}

	@Test
	void aWeekendDoesNotCount() {
		assertThat(fiveWorkingDays.respondBy(Instant.parse("2026-11-27T16:30:00Z")))
			.isEqualTo(Instant.parse("2026-12-04T16:30:00Z"));
		assertThat(fiveWorkingDays.respondBy(Instant.parse("2026-11-28T10:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
	}

	@Test
	void bankHolidaysDoNotCount() {
		// Tuesday 22 December: Christmas Day and the Boxing Day substitute are skipped, as is the weekend.
		assertThat(fiveWorkingDays.respondBy(Instant.parse("2026-12-22T10:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-31T10:00:00Z"));
	}

	@Test
	void workingDaysAreCountedInLocalTimeAcrossTheClockChange() {
		ResponseDeadline oneDay = new ResponseDeadline(1, ZoneId.of("Europe/London"), List.of());
		// Friday 27 March 2026 09:00 GMT; the clocks go forward on Sunday, so Monday 09:00 is 08:00 UTC.
		assertThat(oneDay.respondBy(Instant.parse("2026-03-27T09:00:00Z"))).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
	}

	@Test
	void theReminderIsDueHalfWay() {
		Instant requested = Instant.parse("2026-11-23T09:00:00Z");
		assertThat(fiveWorkingDays.remindAt(requested, fiveWorkingDays.respondBy(requested)))
			.isEqualTo(Instant.parse("2026-11-26T21:00:00Z"));
	}

	@Test
	void aDeadlineOfNoWorkingDaysIsRefusedAtStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ResponseDeadline(0, ZoneId.of("UTC"), null));
	}

}
