package org.communityplaces.places.place;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A place as everyone signed in may read it, for the place page referrers open from search and
 * from a referral: what Open Referral UK publishes of it, room now included. The host's e-mail
 * and phone are for routing referrals and stay out of it; their name is who to ask for, as the
 * open API's contact publishes it.
 */
@RestController
class PlaceListingController {

	private final Catalogue catalogue;

	private final Freshness freshness;

	PlaceListingController(Catalogue catalogue, Freshness freshness) {
		this.catalogue = catalogue;
		this.freshness = freshness;
	}

	@GetMapping("/api/places/{id}/listing")
	Listing listing(@PathVariable String id) {
		return Listing.of(catalogue.get(id), freshness);
	}

	/**
	 * @param kind the contract's {@code place-kind} code
	 * @param status the contract's {@code place-status} code: a place that is not active is listed, and says so
	 * @param cost null when nobody has said what the place costs
	 * @param askFor the host's name, null when the place has not given one
	 * @param room places free now, at most, and when the venue last said so; null when it keeps no count
	 * @param lastChecked the day its host or an admin last said it is right
	 * @param notCheckedLately nobody has said it is right for longer than the catalogue allows
	 * @param closedUntil the day it opens again, while it is closed; otherwise null
	 * @param listedFrom the day it is first listed, while that is still to come; otherwise null
	 */
	record Listing(String id, String name, String description, String kind, String status, String organisation,
			Attendance attendance, Place.Address address, Double latitude, Double longitude,
			List<OpeningTime> openingTimes, Place.Cost cost, List<String> activities, List<String> accessibility,
			Integer minimumAge, Integer maximumAge, String askFor, Place.Capacity room, Instant lastModified,
			LocalDate lastChecked, boolean notCheckedLately, LocalDate closedUntil, LocalDate listedFrom) {

		static Listing of(Place place, Freshness freshness) {
			Place.Upkeep upkeep = place.upkeep();
			LocalDate lastChecked = Freshness.dayOf(upkeep.lastChecked());
			Place.Offer offer = place.offer();
			Place.Location location = place.location();
			return new Listing(place.id(), place.name(), place.description(), place.kind().code(),
					place.status().hsds(), place.organization().name(), location.attendance(), location.address(),
					location.latitude(), location.longitude(), place.openingTimes(), offer.cost(), offer.activities(),
					offer.accessibility(), offer.minimumAge(), offer.maximumAge(), place.host().name(),
					place.capacity(), place.timeline().lastModified(), lastChecked, freshness.stale(lastChecked),
					freshness.closedUntil(upkeep.closedUntil()), freshness.listed(upkeep) ? null : upkeep.listedFrom());
		}

	}

}
