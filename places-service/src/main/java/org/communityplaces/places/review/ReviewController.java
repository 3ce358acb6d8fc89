package org.communityplaces.places.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.communityplaces.places.place.Catalogue;
import org.communityplaces.places.place.Freshness;
import org.communityplaces.places.place.Place;
import org.communityplaces.places.place.PlaceAccess;
import org.communityplaces.platform.audit.AuditLog;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Listings that stay true. Anyone may say a place's listing is out of date, without signing in
 * and without saying who they are. Its host confirms it is still right with the token from
 * their review e-mail (no sign-in needed), or signed in; an admin signed in. Admins list the
 * places not checked lately and those with reports nobody has dealt with.
 */
@RestController
@RequestMapping("/api/places")
class ReviewController {

	private static final String TOKEN = "Confirmation-Token";

	private final Reviews reviews;

	private final Catalogue catalogue;

	private final PlaceAccess access;

	private final ConfirmationTokens tokens;

	private final Freshness freshness;

	private final AuditLog audit;

	ReviewController(Reviews reviews, Catalogue catalogue, PlaceAccess access, ConfirmationTokens tokens,
			Freshness freshness, AuditLog audit) {
		this.reviews = reviews;
		this.catalogue = catalogue;
		this.access = access;
		this.tokens = tokens;
		this.freshness = freshness;
		this.audit = audit;
	}

	@PostMapping("/{id}/reports")
	ResponseEntity<Void> report(@PathVariable String id, @Valid @RequestBody WhatIsWrong report) {
		reviews.report(id, report.problem(), report.details());
		return ResponseEntity.accepted().build();
	}

	/** From the review e-mail's page: the token it carries stands for the host. */
	@PostMapping(path = "/{id}/confirmations", headers = TOKEN)
	Confirmed confirmWithToken(@PathVariable String id, @RequestHeader(TOKEN) @Size(max = 2000) String token) {
		tokens.check(token, catalogue.get(id));
		Place confirmed = catalogue.confirm(id);
		audit.changedWithLink("host", "place", id, "confirm the listing is still right, from the review e-mail");
		return Confirmed.of(confirmed);
	}

	@PostMapping(path = "/{id}/confirmations", headers = "!" + TOKEN)
	Confirmed confirm(Caller caller, @PathVariable String id) {
		access.requireSteward(caller, catalogue.get(id), "confirm the listing");
		Place confirmed = catalogue.confirm(id);
		access.changed(caller, confirmed, "confirm the listing is still right");
		return Confirmed.of(confirmed);
	}

	@GetMapping("/reviews")
	List<Review> reviews(Caller caller, @RequestParam String state, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		if (!caller.is(Role.ADMIN)) {
			throw new CallerProblems.NotAllowed("Only admins see the listings that need checking.");
		}
		List<Place> places = switch (state) {
			case "stale" -> reviews.stale(page, size);
			case "reported" -> reviews.reported(page, size);
			default -> throw new Problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
					"state must be stale or reported.", "state", "must be stale or reported");
		};
		return places.stream().map(place -> Review.of(place, freshness)).toList();
	}

	/**
	 * What is wrong, as the contract's {@code listing-problem} vocabulary codes it, and in a few
	 * words if they like. There is no field for who they are.
	 */
	record WhatIsWrong(@NotBlank @Size(max = 40) String problem,
			@Size(max = 500) @Pattern(regexp = "[\\P{Cc}\\t\\n\\r]*", message = "must not contain control characters") String details) {
	}

	record Confirmed(String placeId, Instant lastChecked) {

		static Confirmed of(Place place) {
			return new Confirmed(place.id(), place.upkeep().lastChecked());
		}

	}

	/**
	 * A place for an admin to look at: who hosts it, when it was last checked and its host last
	 * asked, and what was reported since.
	 */
	record Review(String placeId, String name, String organisation, String hostName, String hostEmail,
			LocalDate lastChecked, boolean notCheckedLately, Instant reviewAskedAt, List<Place.Report> reports) {

		static Review of(Place place, Freshness freshness) {
			Place.Upkeep upkeep = place.upkeep();
			LocalDate lastChecked = Freshness.dayOf(upkeep.lastChecked());
			return new Review(place.id(), place.name(), place.organization().name(), place.host().name(),
					place.host().email(), lastChecked, freshness.stale(lastChecked), upkeep.reviewAskedAt(),
					upkeep.reports());
		}

	}

}
