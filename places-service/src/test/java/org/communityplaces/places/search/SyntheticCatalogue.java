package org.communityplaces.places.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.communityplaces.places.geo.Postcodes;
import org.communityplaces.places.place.Attendance;
import org.communityplaces.places.place.OpeningTime;
import org.communityplaces.places.place.Place;
import org.communityplaces.places.place.PlaceKind;
import org.communityplaces.places.place.PlaceStatus;
import org.communityplaces.places.place.Weekday;
import org.communityplaces.places.taxonomy.Taxonomies;
import org.communityplaces.places.taxonomy.TaxonomyTerm;

/**
 * Generates large, plausible catalogues for benchmarks: places spread over every UK postcode
 * district, with the vocabulary's activities and access features, weekly sessions, costs,
 * age ranges and capacity. The same seed gives the same catalogue.
 */
final class SyntheticCatalogue {

	private static final String[] GROUP_WORDS = { "club", "group", "circle", "friends", "society", "drop-in",
			"network", "project" };

	private static final String[] DESCRIPTIONS = { "A friendly welcome for newcomers, no experience needed.",
			"Tea, biscuits and good company every week.", "Run by local volunteers who will introduce you to everyone.",
			"A relaxed session at your own pace, with a chat afterwards.", "Bring a friend or come on your own.",
			"Transport can be arranged for people who find travelling hard." };

	private final Taxonomies taxonomies = new Taxonomies();

	private final List<Map.Entry<String, double[]>> districts;

	private final List<TaxonomyTerm> activities;

	private final List<TaxonomyTerm> accessibility;

	private final long seed;

	SyntheticCatalogue(Postcodes postcodes, long seed) {
		this.districts = postcodes.districts().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
		this.activities = taxonomies.taxonomies().stream().filter(t -> t.code().equals(Taxonomies.ACTIVITY))
			.findFirst().orElseThrow().terms();
		this.accessibility = taxonomies.taxonomies().stream().filter(t -> t.code().equals(Taxonomies.ACCESSIBILITY))
			.findFirst().orElseThrow().terms();
		this.seed = seed;
	}

	Taxonomies taxonomies() {
		return taxonomies;
	}

	/** A lazy stream, so a million places never have to be held at once. */
	Stream<Place> places(int count) {
		return IntStream.range(0, count).mapToObj(this::place);
	}

	Place place(int n) {
		SplittableRandom random = new SplittableRandom(seed * 31 + n);
		Map.Entry<String, double[]> district = districts.get(random.nextInt(districts.size()));
		double latitude = district.getValue()[0] + (random.nextDouble() - 0.5) * 0.03;
		double longitude = district.getValue()[1] + (random.nextDouble() - 0.5) * 0.05;
		List<String> placeActivities = pick(random, activities, 1 + random.nextInt(3));
		List<String> placeAccess = pick(random, accessibility, random.nextInt(4));
		PlaceKind kind = PlaceKind.values()[random.nextInt(PlaceKind.values().length)];
		String activityName = taxonomies.name(Taxonomies.ACTIVITY, placeActivities.get(0));
		String name = district.getKey() + " " + activityName.toLowerCase() + " "
				+ GROUP_WORDS[random.nextInt(GROUP_WORDS.length)] + " " + n;
		List<OpeningTime> sessions = new ArrayList<>();
		for (int i = 0, count = 1 + random.nextInt(2); i < count; i++) {
			int opens = 8 + random.nextInt(12);
			sessions.add(new OpeningTime(List.of(Weekday.values()[random.nextInt(7)]), String.format("%02d:00", opens),
					String.format("%02d:%s", opens + 1 + random.nextInt(3), random.nextBoolean() ? "00" : "30"), null));
		}
		boolean free = random.nextInt(10) < 7;
		Integer minimumAge = null;
		if (random.nextInt(4) == 0) {
			minimumAge = 18;
		}
		else if (random.nextInt(10) == 0) {
			minimumAge = 50;
		}
		Place.Capacity capacity = random.nextInt(5) == 0 ? null : new Place.Capacity(random.nextInt(10), 20,
				Instant.parse("2026-11-01T00:00:00Z"));
		Instant modified = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(30_000_000));
		String id = new UUID(seed, n).toString();
		Place.Cost cost = free ? new Place.Cost(true, null, null)
				: new Place.Cost(false, BigDecimal.valueOf(2), "Per session");
		return new Place(id, 0L, name, DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)] + " "
				+ DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)], kind,
				new Place.Organization(Taxonomies.stableId("organization", name), "Organisation " + n, null),
				new Place.Offer(placeActivities, placeAccess, cost, minimumAge, null),
				new Place.Location(
						new Place.Address(n + " High Street", "Town", district.getKey() + " 1AA", district.getKey()),
						latitude, longitude, Attendance.IN_PERSON),
				sessions, new Place.Host("Host", "host" + n + "@example.org", null), capacity,
				random.nextInt(20) == 0 ? PlaceStatus.TEMPORARILY_CLOSED : PlaceStatus.ACTIVE,
				new Place.Timeline(modified, modified, null), null, List.of(), null);
	}

	/** A random district centroid, where a referred person might live. */
	double[] somewhere(SplittableRandom random) {
		return districts.get(random.nextInt(districts.size())).getValue();
	}

	String randomActivity(SplittableRandom random) {
		return activities.get(random.nextInt(activities.size())).code();
	}

	String randomAccessibility(SplittableRandom random) {
		return accessibility.get(random.nextInt(accessibility.size())).code();
	}

	private static List<String> pick(SplittableRandom random, List<TaxonomyTerm> terms, int count) {
		return random.ints(0, terms.size())
			.distinct()
			.limit(count)
			.mapToObj(terms::get)
			.sorted(Comparator.comparing(TaxonomyTerm::code))
			.map(TaxonomyTerm::code)
			.toList();
	}

}
