package org.communityplaces.places.review;

import org.communityplaces.places.place.Place;

/**
 * Someone said a place's listing is out of date (contracts' {@code PlaceReported}), for its host
 * and the admins to hear: what is wrong by its code only, never the words they wrote, which stay
 * with the place.
 */
record PlaceReported(String placeId, long placeVersion, String placeName, String hostEmail, String reportId,
		String problem) {

	static PlaceReported of(Place place, long placeVersion, Place.Report report) {
		return new PlaceReported(place.id(), placeVersion, place.name(), place.host().email(), report.id(),
				report.problem());
	}

}
