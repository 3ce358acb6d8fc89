package org.communityplaces.places.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.communityplaces.places.place.Freshness;
import org.communityplaces.places.place.Place;

/** The few facts a search result shows about a place, in one compact line kept beside the index. */
final class HitCodec {

	private static final String FIELD = "\u001f";

	private static final String VALUE = "\u001e";

	private HitCodec() {
	}

	static String encode(Place place) {
		Place.Capacity capacity = place.capacity();
		Place.Location location = place.location();
		return String.join(FIELD, place.id(), place.name(), place.kind().code(),
				Objects.toString(location.address().district(), ""), Objects.toString(location.latitude(), ""),
				Objects.toString(location.longitude(), ""),
				String.join(VALUE, place.offer().activities()), String.join(VALUE, place.offer().accessibility()),
				place.costKnown() ? Boolean.toString(place.offeredFree()) : "", capacity == null ? "" : Integer.toString(capacity.available()),
				capacity == null ? "" : Integer.toString(capacity.maximum()),
				Freshness.dayOf(place.upkeep().lastChecked()).toString(),
				Objects.toString(place.upkeep().closedUntil(), ""));
	}

	static SearchResults.Hit decode(String encoded, Double distanceMetres, List<String> matched) {
		String[] parts = encoded.split(FIELD, -1);
		return new SearchResults.Hit(parts[0], parts[1], parts[2], parts[3].isEmpty() ? null : parts[3],
				parts[4].isEmpty() ? null : Double.valueOf(parts[4]), parts[5].isEmpty() ? null : Double.valueOf(parts[5]),
				distanceMetres, values(parts[6]), values(parts[7]),
				parts[8].isEmpty() ? null : Boolean.valueOf(parts[8]), parts[9].isEmpty() ? null : Integer.valueOf(parts[9]),
				parts[10].isEmpty() ? null : Integer.valueOf(parts[10]), List.copyOf(matched),
				LocalDate.parse(parts[11]), parts[12].isEmpty() ? null : LocalDate.parse(parts[12]), false);
	}

	private static List<String> values(String joined) {
		return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(VALUE));
	}

}
