package org.communityplaces.places.place;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.communityplaces.places.place.PlaceDetails.CapacityDetails;
import org.communityplaces.places.place.PlaceDetails.HostDetails;
import org.communityplaces.platform.caller.Caller;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catalogue management: admins register and edit places; the parts a venue keeps up to date
 * itself (opening times, capacity, host contact) have their own small resources, which the
 * place's host may change.
 */
@RestController
@RequestMapping("/api/places")
class PlaceController {

	private final Catalogue catalogue;

	private final PlaceAccess access;

	PlaceController(Catalogue catalogue, PlaceAccess access) {
		this.catalogue = catalogue;
		this.access = access;
	}

	@PostMapping
	ResponseEntity<PlaceView> register(Caller caller, @Valid @RequestBody PlaceDetails details,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7E]+",
					message = "must be printable ASCII without spaces") String idempotencyKey) {
		PlaceAccess.requireAdmin(caller);
		Place place = catalogue.create(caller, details, idempotencyKey);
		access.changed(caller, place, "register the place");
		return ResponseEntity.created(URI.create("/api/places/" + place.id())).body(PlaceView.of(place, caller));
	}

	/**
	 * The places the caller looks after, by name: a host's own, or for an admin the whole
	 * catalogue; narrowed by words in the name, the start of the postcode, the kind or the status.
	 */
	@GetMapping
	List<PlaceView> lookedAfter(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
			@RequestParam(required = false) @Size(max = 100) @PlainText String name,
			@RequestParam(required = false) @Size(max = 8) @Pattern(regexp = "[A-Za-z0-9 ]*",
					message = "must be the start of a postcode, letters and digits") String postcode,
			@RequestParam(required = false) @Size(max = 30) String kind,
			@RequestParam(required = false) @Size(max = 30) String status) {
		Criteria which = new Criteria().andOperator(PlaceAccess.lookedAfterBy(caller),
				PlaceFilter.of(name, postcode, kind, status).criteria());
		return catalogue.list(which, page, size).stream().map(place -> PlaceView.of(place, caller)).toList();
	}

	@GetMapping("/{id}")
	PlaceView show(Caller caller, @PathVariable String id) {
		return PlaceView.of(catalogue.get(id), caller);
	}

	@PutMapping("/{id}")
	PlaceView replace(Caller caller, @PathVariable String id, @Valid @RequestBody PlaceDetails details) {
		PlaceAccess.requireAdmin(caller);
		return changed(caller, catalogue.replace(id, details), "change the place");
	}

	@PutMapping("/{id}/opening-times")
	PlaceView openingTimes(Caller caller, @PathVariable String id, @Valid @RequestBody OpeningTimes request) {
		access.requireSteward(caller, catalogue.get(id), "change opening times");
		return changed(caller, catalogue.changeOpeningTimes(id, request.openingTimes()), "change opening times");
	}

	@PutMapping("/{id}/capacity")
	PlaceView capacity(Caller caller, @PathVariable String id, @Valid @RequestBody CapacityDetails capacity) {
		access.requireSteward(caller, catalogue.get(id), "change capacity");
		return changed(caller, catalogue.changeCapacity(id, capacity), "change capacity");
	}

	@PutMapping("/{id}/host")
	PlaceView host(Caller caller, @PathVariable String id, @Valid @RequestBody HostDetails host) {
		access.requireSteward(caller, catalogue.get(id), "change host contact");
		return changed(caller, catalogue.changeHost(id, host), "change host contact");
	}

	/** The day a closed place opens again, and the first day a new one is listed: the host's or an admin's to set. */
	@PutMapping("/{id}/listing-dates")
	PlaceView listingDates(Caller caller, @PathVariable String id, @Valid @RequestBody ListingDates dates) {
		access.requireSteward(caller, catalogue.get(id), "change listing dates");
		return changed(caller, catalogue.changeListingDates(id, dates.closedUntil(), dates.listedFrom()),
				"change listing dates");
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(Caller caller, @PathVariable String id) {
		PlaceAccess.requireAdmin(caller);
		access.changed(caller, catalogue.remove(id), "remove the place");
		return ResponseEntity.noContent().build();
	}

	private PlaceView changed(Caller caller, Place place, String purpose) {
		access.changed(caller, place, purpose);
		return PlaceView.of(place, caller);
	}

	record OpeningTimes(@NotNull @Size(max = 50) List<@NotNull @Valid OpeningTime> openingTimes) {
	}

	/** Each null when there is none: a place that is not closed, or listed from now on. */
	record ListingDates(LocalDate closedUntil, LocalDate listedFrom) {
	}

	/** What the management API shows: the place as one flat document, without its outbox. */
	record PlaceView(String id, long version, String name, String description, PlaceKind kind,
			Place.Organization organization, List<String> activities, List<String> accessibility, Place.Address address,
			Double latitude, Double longitude, Attendance attendance, List<OpeningTime> openingTimes, Place.Cost cost,
			Integer minimumAge, Integer maximumAge, Place.Host host, Place.Capacity capacity, PlaceStatus status,
			Instant createdAt, Instant lastModified, Instant lastChecked, LocalDate closedUntil, LocalDate listedFrom,
			List<Place.Report> openReports, List<String> mayChange) {

		/** @param caller who is shown it: {@code mayChange} names the parts they may change */
		/**
		 * A host's work e-mail and phone are for those who look after the place: everyone else
		 * (a referrer, another place's host) sees the name the public listing gives as who to ask for.
		 */
		private static Place.Host hostAsShownTo(Place place, List<String> changes) {
			Place.Host host = place.host();
			return host == null || !changes.isEmpty() ? host : new Place.Host(host.name(), null, null);
		}

		static PlaceView of(Place place, Caller caller) {
			List<String> changes = PlaceAccess.changesFor(caller, place);
			Place.Offer offer = place.offer();
			Place.Location location = place.location();
			return new PlaceView(place.id(), place.version(), place.name(), place.description(), place.kind(),
					place.organization(), offer.activities(), offer.accessibility(), location.address(),
					location.latitude(), location.longitude(), location.attendance(), place.openingTimes(), offer.cost(),
					offer.minimumAge(), offer.maximumAge(), hostAsShownTo(place, changes), place.capacity(),
					place.status(),
					place.timeline().createdAt(), place.timeline().lastModified(), place.upkeep().lastChecked(),
					place.upkeep().closedUntil(), place.upkeep().listedFrom(),
					// Reports are strangers' own words: only those who look after the place read them
					changes.isEmpty() ? List.of() : place.upkeep().reports(), changes);
		}

	}

}
