package org.communityplaces.places.place;

/**
 * How people get to a place: in person at its address or position, online, or at various
 * places (a walking group that meets somewhere new each week). Only a place met in person
 * needs a position; the others are found by what they offer.
 */
public enum Attendance {

	IN_PERSON, ONLINE, VARIOUS_PLACES

}
