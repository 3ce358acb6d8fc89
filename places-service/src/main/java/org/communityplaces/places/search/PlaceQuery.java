package org.communityplaces.places.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.communityplaces.places.place.PlaceKind;
import org.communityplaces.places.place.Weekday;

/**
 * One search over the catalogue: every part is optional, parts are combined with AND, and the
 * values inside a part with OR, except accessibility, where a place must meet every need.
 */
public record PlaceQuery(String text, Near near, Set<PlaceKind> kinds, Set<String> activities,
		Set<String> accessibility, Set<String> termIds, OpenWindow open, Boolean free, boolean hasCapacity,
		Integer age, Integer minimumAgeAtLeast, Integer maximumAgeAtMost, Instant modifiedAfter, boolean activeOnly,
		int page, int size) {

	public PlaceQuery {
		kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
		activities = activities == null ? Set.of() : Set.copyOf(activities);
		accessibility = accessibility == null ? Set.of() : Set.copyOf(accessibility);
		termIds = termIds == null ? Set.of() : Set.copyOf(termIds);
	}

	/** Within {@code radiusMetres} of a point, nearest first. */
	public record Near(double latitude, double longitude, double radiusMetres) {
	}

	/**
	 * Sessions on any of these days between two times (minutes of the day). {@code overlaps}
	 * finds places open at some point in the window; otherwise a session must lie inside it,
	 * as ORUK's {@code start_time} and {@code end_time} say.
	 */
	public record OpenWindow(List<Weekday> days, int fromMinute, int toMinute, boolean overlaps) {
	}

}
