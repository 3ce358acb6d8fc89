package org.communityplaces.places.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.communityplaces.places.place.PlaceKind;
import org.communityplaces.places.place.Weekday;

/**
 * One search over the catalogue: every part is optional, parts are combined with AND, and the
 * values inside a part with OR, except accessibility, where a place must meet every need.
 * Facet counts are counted only when asked for ({@code facets}): they cost a look at every
 * match, and only a caller that shows them should pay for that. Put together with
 * {@link #builder()}.
 */
public record PlaceQuery(String text, Near near, Set<PlaceKind> kinds, Set<String> activities,
		Set<String> accessibility, Set<String> termIds, OpenWindow open, Boolean free, boolean hasCapacity,
		Integer age, Integer minimumAgeAtLeast, Integer maximumAgeAtMost, Instant modifiedAfter, boolean activeOnly,
		LocalDate listedOn, int page, int size, boolean facets) {

	public PlaceQuery {
		kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
		activities = activities == null ? Set.of() : Set.copyOf(activities);
		accessibility = accessibility == null ? Set.of() : Set.copyOf(accessibility);
		termIds = termIds == null ? Set.of() : Set.copyOf(termIds);
	}

	/** A search of active places with nothing else asked, the first page of 20, without facet counts. */
	public static Builder builder() {
		return new Builder();
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

	public static final class Builder {

		private String text;

		private Near near;

		private Set<PlaceKind> kinds = Set.of();

		private Set<String> activities = Set.of();

		private Set<String> accessibility = Set.of();

		private Set<String> termIds = Set.of();

		private OpenWindow open;

		private Boolean free;

		private boolean hasCapacity;

		private Integer age;

		private Integer minimumAgeAtLeast;

		private Integer maximumAgeAtMost;

		private Instant modifiedAfter;

		private boolean activeOnly = true;

		private LocalDate listedOn;

		private int page = 1;

		private int size = 20;

		private boolean facets;

		private Builder() {
		}

		/** Words to find in names, descriptions, organisations and activities. */
		public Builder text(String text) {
			this.text = text;
			return this;
		}

		public Builder near(Near near) {
			this.near = near;
			return this;
		}

		public Builder kinds(Collection<PlaceKind> kinds) {
			this.kinds = Set.copyOf(kinds);
			return this;
		}

		public Builder activities(Collection<String> activities) {
			this.activities = Set.copyOf(activities);
			return this;
		}

		/** Access needs, every one of which a place must meet. */
		public Builder accessibility(Collection<String> accessibility) {
			this.accessibility = Set.copyOf(accessibility);
			return this;
		}

		/** Terms of any taxonomy (kind, activity or accessibility) by their ORUK ids, any of which a place has. */
		public Builder termIds(Collection<String> termIds) {
			this.termIds = Set.copyOf(termIds);
			return this;
		}

		public Builder open(OpenWindow open) {
			this.open = open;
			return this;
		}

		/** Only free places, only paid ones, or (null) either. */
		public Builder free(Boolean free) {
			this.free = free;
			return this;
		}

		public Builder hasCapacity(boolean hasCapacity) {
			this.hasCapacity = hasCapacity;
			return this;
		}

		/** Places that welcome someone of this age. */
		public Builder age(Integer age) {
			this.age = age;
			return this;
		}

		/** Places whose minimum age is at least this, as ORUK's {@code minimum_age} filter. */
		public Builder minimumAgeAtLeast(Integer minimumAge) {
			this.minimumAgeAtLeast = minimumAge;
			return this;
		}

		/** Places whose maximum age is at most this, as ORUK's {@code maximum_age} filter. */
		public Builder maximumAgeAtMost(Integer maximumAge) {
			this.maximumAgeAtMost = maximumAge;
			return this;
		}

		public Builder modifiedAfter(Instant modifiedAfter) {
			this.modifiedAfter = modifiedAfter;
			return this;
		}

		/** Places of every status, not only the active ones referrers are offered. */
		public Builder anyStatus() {
			this.activeOnly = false;
			return this;
		}

		/** Only places listed by this day: none whose listing starts later. */
		public Builder listedOn(LocalDate day) {
			this.listedOn = day;
			return this;
		}

		/** Page {@code page} (from 1) of {@code size} hits. */
		public Builder page(int page, int size) {
			this.page = page;
			this.size = size;
			return this;
		}

		/** Whether to count, over every match, each facet value (kind, activity, accessibility, cost, capacity). */
		public Builder facets(boolean facets) {
			this.facets = facets;
			return this;
		}

		public PlaceQuery build() {
			return new PlaceQuery(text, near, kinds, activities, accessibility, termIds, open, free, hasCapacity, age,
					minimumAgeAtLeast, maximumAgeAtMost, modifiedAfter, activeOnly, listedOn, page, size, facets);
		}

	}

}
