package org.communityplaces.places.place;

/** Published in-process after a place was written, so this instance's search index follows at once. */
public record PlaceStored(Place place) {
}
