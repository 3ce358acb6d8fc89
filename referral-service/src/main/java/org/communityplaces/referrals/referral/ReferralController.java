package org.communityplaces.referrals.referral;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.communityplaces.referrals.place.PlaceDirectory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referrals")
class ReferralController {

	private final Referrals referrals;

	private final PlaceDirectory places;

	ReferralController(Referrals referrals, PlaceDirectory places) {
		this.referrals = referrals;
		this.places = places;
	}

	@PostMapping
	ResponseEntity<ReferralView> refer(@Valid @RequestBody NewReferral request) {
		PlaceDirectory.PlaceSummary place = places.find(request.placeId())
			.orElseThrow(ReferralProblems.UnknownPlace::new);
		Referral referral = referrals.request(
				new Referral.Referrer(request.referrer().name().strip(), request.referrer().email().strip(),
						request.referrer().organisation().strip()),
				new Referral.Person(request.person().firstName().strip()), place);
		return ResponseEntity.created(URI.create("/api/referrals/" + referral.id())).body(ReferralView.of(referral));
	}

	@GetMapping("/{id}")
	ReferralView show(@PathVariable String id) {
		return ReferralView.of(referrals.find(id));
	}

	@PostMapping("/{id}/accept")
	ReferralView accept(@PathVariable String id) {
		return ReferralView.of(referrals.accept(id));
	}

	record NewReferral(
			@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]*",
					message = "must be a place id: letters, digits, - and _ only") String placeId,
			@NotNull @Valid ReferrerDetails referrer,
			@NotNull @Valid PersonDetails person) {
	}

	record ReferrerDetails(@NotBlank @Size(max = 200) String name,
			@NotBlank @Email(regexp = ".+@.+\\..+", message = "must be an e-mail address") String email,
			@NotBlank @Size(max = 200) String organisation) {
	}

	record PersonDetails(@NotBlank @Size(max = 100) String firstName) {
	}

	/** What the API shows of a referral: never the outbox or the version. */
	record ReferralView(String id, String status, String placeId, String placeName, Referral.Referrer referrer,
			Referral.Person person, Instant requestedAt, Instant decidedAt) {

		static ReferralView of(Referral referral) {
			return new ReferralView(referral.id(), referral.status().name().toLowerCase(), referral.place().id(),
					referral.place().name(), referral.referrer(), referral.person(), referral.requestedAt(),
					referral.decidedAt());
		}

	}

}
