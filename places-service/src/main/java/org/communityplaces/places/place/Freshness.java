package org.communityplaces.places.place;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a listing can be trusted today, by the UK calendar: its host is asked to check it
 * every {@code places.review.every} (six months unless set), and it is marked as not checked
 * lately once {@code places.review.stale-after} (nine months) pass without a check. A place
 * with a closed-until date is closed before that day and open again on it; one with a
 * listed-from date is in no list before that day.
 */
@Component
public class Freshness {

	private static final ZoneId UK = ZoneId.of("Europe/London");

	private final Clock clock;

	private final Period every;

	private final Period staleAfter;

	Freshness(Clock clock, @Value("${places.review.every:P6M}") String every,
			@Value("${places.review.stale-after:P9M}") String staleAfter) {
		this.clock = clock;
		this.every = Period.parse(every);
		this.staleAfter = Period.parse(staleAfter);
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), UK);
	}

	public static LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, UK);
	}

	/** Listings last checked before this are due for their host to check again. */
	public Instant reviewDueBefore() {
		return today().minus(every).atStartOfDay(UK).toInstant();
	}

	/** Listings last checked before this are marked as not checked lately. */
	public Instant staleBefore() {
		return today().minus(staleAfter).atStartOfDay(UK).toInstant();
	}

	public boolean stale(LocalDate lastChecked) {
		return lastChecked.atStartOfDay(UK).toInstant().isBefore(staleBefore());
	}

	/** The day a closed place opens again; null when it is not closed today. */
	public LocalDate closedUntil(LocalDate closedUntil) {
		return closedUntil != null && closedUntil.isAfter(today()) ? closedUntil : null;
	}

	public boolean listed(Place.Upkeep upkeep) {
		return upkeep.listedFrom() == null || !upkeep.listedFrom().isAfter(today());
	}

}
