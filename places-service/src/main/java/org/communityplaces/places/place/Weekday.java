package org.communityplaces.places.place;

import java.time.DayOfWeek;

/** Days as iCalendar's BYDAY codes, which HSDS schedules use. */
public enum Weekday {

	MO, TU, WE, TH, FR, SA, SU;

	public DayOfWeek dayOfWeek() {
		return DayOfWeek.of(ordinal() + 1);
	}

}
