package org.communityplaces.places.place;

import org.communityplaces.places.geo.Postcodes;

/**
 * A place was registered or changed (contracts' {@code PlaceChanged}): what other services
 * keep in their snapshot of a place, never more.
 */
record PlaceChanged(String placeId, long placeVersion, String name, String kind, String status,
		String postcodeDistrict, String area, String hostEmail, boolean acceptingReferrals) {

	/** The event of this place as it is at {@code placeVersion}; an online place without a postcode has no district. */
	static PlaceChanged of(Place place, long placeVersion) {
		String district = place.location().address().district();
		return new PlaceChanged(place.id(), placeVersion, place.name(), place.kind().code(), place.status().hsds(),
				district, Postcodes.areaOf(district), place.host().email(), place.acceptingReferrals());
	}

}
