package org.communityplaces.places.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.communityplaces.places.place.Attendance;
import org.communityplaces.places.place.OpeningTime;
import org.communityplaces.places.place.Place;
import org.communityplaces.places.place.PlaceKind;
import org.communityplaces.places.place.PlaceStatus;
import org.communityplaces.places.place.Weekday;

/** Builds places for index tests, with only the parts a test cares about set. */
final class PlaceFixture {

	private final String id;

	private String name;

	private String description;

	private PlaceKind kind = PlaceKind.COMMUNITY_GROUP;

	private List<String> activities = List.of();

	private List<String> accessibility = List.of();

	private double latitude = 53.3806;

	private double longitude = -1.46951;

	private String district = "S1";

	private final List<OpeningTime> openingTimes = new ArrayList<>();

	private Place.Cost cost = new Place.Cost(true, null, null);

	private Integer minimumAge;

	private Integer maximumAge;

	private Place.Capacity capacity;

	private PlaceStatus status = PlaceStatus.ACTIVE;

	private Instant lastModified = Instant.parse("2026-11-01T10:00:00Z");

	private PlaceFixture(String id) {
		this.id = id;
		this.name = id;
	}

	static PlaceFixture place(String id) {
		return new PlaceFixture(id);
	}

	PlaceFixture named(String name) {
		this.name = name;
		return this;
	}

	PlaceFixture described(String description) {
		this.description = description;
		return this;
	}

	PlaceFixture kind(PlaceKind kind) {
		this.kind = kind;
		return this;
	}

	PlaceFixture activities(String... activities) {
		this.activities = List.of(activities);
		return this;
	}

	PlaceFixture accessibility(String... accessibility) {
		this.accessibility = List.of(accessibility);
		return this;
	}

	PlaceFixture at(double latitude, double longitude, String district) {
		this.latitude = latitude;
		this.longitude = longitude;
		this.district = district;
		return this;
	}

	PlaceFixture open(String opens, String closes, Weekday... days) {
		openingTimes.add(new OpeningTime(List.of(days), opens, closes, null));
		return this;
	}

	PlaceFixture costing(String amount) {
		this.cost = new Place.Cost(false, new java.math.BigDecimal(amount), "Per session");
		return this;
	}

	PlaceFixture ages(Integer minimum, Integer maximum) {
		this.minimumAge = minimum;
		this.maximumAge = maximum;
		return this;
	}

	PlaceFixture capacity(int available, int maximum) {
		this.capacity = new Place.Capacity(available, maximum, lastModified);
		return this;
	}

	PlaceFixture status(PlaceStatus status) {
		this.status = status;
		return this;
	}

	PlaceFixture modified(String instant) {
		this.lastModified = Instant.parse(instant);
		return this;
	}

	Place build() {
		return new Place(id, 0L, name, description, kind,
				new Place.Organization("org-" + id, "Organisation of " + name, null),
				new Place.Offer(activities, accessibility, cost, minimumAge, maximumAge),
				new Place.Location(new Place.Address("1 High Street", "Sheffield", district + " 1AA", district),
						latitude, longitude, Attendance.IN_PERSON),
				List.copyOf(openingTimes), new Place.Host("Host", "host@" + id + ".example.org", null), capacity,
				status, new Place.Timeline(lastModified, lastModified, null), null, List.of(), null);
	}

}
