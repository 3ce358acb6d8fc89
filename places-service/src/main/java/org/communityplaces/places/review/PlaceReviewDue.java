package org.communityplaces.places.review;

import java.time.Instant;

import org.communityplaces.places.place.Place;

/**
 * A place's host is asked whether its listing is still right (contracts' {@code PlaceReviewDue}).
 * The token lets the e-mail's "Yes, still right" confirm this one listing, and nothing else.
 */
record PlaceReviewDue(String placeId, long placeVersion, String placeName, String hostEmail, Instant lastChecked,
		String confirmationToken) {

	static PlaceReviewDue of(Place place, long placeVersion, String confirmationToken) {
		return new PlaceReviewDue(place.id(), placeVersion, place.name(), place.host().email(),
				place.upkeep().lastChecked(), confirmationToken);
	}

}
