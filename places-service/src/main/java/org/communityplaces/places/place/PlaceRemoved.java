package org.communityplaces.places.place;

/** A place was taken out of the catalogue (contracts' {@code PlaceRemoved}): it takes no new referrals. */
record PlaceRemoved(String placeId, long placeVersion) {

	static PlaceRemoved of(Place place, long placeVersion) {
		return new PlaceRemoved(place.id(), placeVersion);
	}

}
