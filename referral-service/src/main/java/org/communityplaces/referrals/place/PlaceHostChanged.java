package org.communityplaces.referrals.place;

/**
 * A place's host contact changed: referrals still open there now belong to the new host, and
 * the old one no longer sees them.
 */
record PlaceHostChanged(String placeId, String hostEmail) {
}
