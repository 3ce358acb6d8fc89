package org.communityplaces.referrals.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.communityplaces.referrals.referral.Referral;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a host has to answer: a number of working days (weekends and the configured bank
 * holidays do not count), to the same time of day. A reminder is due at half that time. Its
 * time zone is also the one in which the service counts days (sessions, scores, reports).
 *
 * @param workingDays working days a host has to answer
 * @param timeZone where the working days are counted
 * @param bankHolidays days off besides weekends
 */
@ConfigurationProperties("referrals.response")
public record ResponseDeadline(int workingDays, ZoneId timeZone, List<LocalDate> bankHolidays) {

	public ResponseDeadline {
		if (workingDays < 1) {
			throw new IllegalArgumentException("referrals.response.working-days must be at least 1");
		}
		bankHolidays = bankHolidays == null ? List.of() : List.copyOf(bankHolidays);
	}

	public Instant respondBy(Instant requestedAt) {
		Set<LocalDate> holidays = Set.copyOf(bankHolidays);
		ZonedDateTime deadline = requestedAt.atZone(timeZone);
		int counted = 0;
		while (counted < workingDays) {
			deadline = deadline.plusDays(1);
			if (isWorkingDay(deadline.toLocalDate(), holidays)) {
				counted++;
			}
		}
		return deadline.toInstant();
	}

	/** The deadline of a request made now, and its reminder. */
	public Referral.Deadline from(Instant requestedAt) {
		Instant respondBy = respondBy(requestedAt);
		return new Referral.Deadline(respondBy, remindAt(requestedAt, respondBy), null);
	}

	public Instant remindAt(Instant requestedAt, Instant respondBy) {
		return requestedAt.plus(Duration.between(requestedAt, respondBy).dividedBy(2));
	}

	private static boolean isWorkingDay(LocalDate day, Set<LocalDate> holidays) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
				&& !holidays.contains(day);
	}

}
