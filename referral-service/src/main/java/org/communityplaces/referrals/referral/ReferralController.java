package org.communityplaces.referrals.referral;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;
import org.communityplaces.referrals.place.PlaceDirectory;
import org.communityplaces.referrals.place.PlaceSummary;
import org.communityplaces.referrals.referral.ReferralRequests.AttendanceRecord;
import org.communityplaces.referrals.referral.ReferralRequests.Decision;
import org.communityplaces.referrals.referral.ReferralRequests.NewReferral;
import org.communityplaces.referrals.referral.ReferralRequests.OutcomeRecord;
import org.communityplaces.referrals.referral.ReferralRequests.ReReferral;

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
 * Referrals over HTTP. Each answer carries the referral's version as its ETag; sending it
 * back as {@code If-Match} makes a decision fail (412) if someone changed the referral since.
 */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

	private final Referrals referrals;

	private final ReferralAccess access;

	private final PlaceDirectory places;

	ReferralController(Referrals referrals, ReferralAccess access, PlaceDirectory places) {
		this.referrals = referrals;
		this.access = access;
		this.places = places;
	}

	@PostMapping
	ResponseEntity<Object> refer(Caller caller, @Valid @RequestBody NewReferral request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) @Pattern(regexp = "[\\x21-\\x7E]+",
					message = "must be printable ASCII without spaces") String idempotencyKey) {
		requireReferrer(caller);
		Referral referral = referrals.create(caller, request, placeToReferTo(request.placeId(), "placeId"),
				idempotencyKey);
		return created(caller, referral);
	}

	@GetMapping
	List<Object> list(Caller caller, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		ReferralStatus wanted = status == null ? null : ReferralStatus.ofCode(status)
			.orElseThrow(() -> new ReferralProblems.InvalidField("status", "not a referral status"));
		return access.shown(caller, access.listed(caller, wanted, page, size),
				caller.is(Role.HOST) ? "host inbox" : "list referrals");
	}

	@GetMapping("/{id}")
	ResponseEntity<Object> show(Caller caller, @PathVariable String id) {
		return withVersion(caller, access.visible(caller, id, "view referral"), "view referral");
	}

	/** Steps that need no more than the caller's say-so. */
	@PostMapping("/{id}/{action:submit|accept|complete|resume}")
	ResponseEntity<Object> act(Caller caller, @PathVariable String id, @PathVariable String action,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return act(caller, id, Action.valueOf(action.toUpperCase(Locale.ROOT)), Decision.NONE, ifMatch);
	}

	/** Steps that give a coded reason, and words when the reason is {@code other}. */
	@PostMapping("/{id}/{action:reject|cancel|fail|hold}")
	ResponseEntity<Object> decide(Caller caller, @PathVariable String id, @PathVariable String action,
			@Valid @RequestBody Decision decision,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return act(caller, id, Action.valueOf(action.toUpperCase(Locale.ROOT)), decision, ifMatch);
	}

	@PostMapping("/{id}/attendance")
	ResponseEntity<Object> attendance(Caller caller, @PathVariable String id,
			@Valid @RequestBody AttendanceRecord record,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Action action = record.attended() ? Action.ATTEND : Action.MISS;
		Referral referral = unchanged(access.actionable(caller, id, action), ifMatch);
		return withVersion(caller, referrals.recordAttendance(caller, referral, record.on(), record.attended()),
				action.description());
	}

	@PostMapping("/{id}/outcomes")
	ResponseEntity<Object> outcome(Caller caller, @PathVariable String id, @Valid @RequestBody OutcomeRecord record,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		requireReferrer(caller);
		Referral referral = unchanged(access.visible(caller, id, "record outcome"), ifMatch);
		return withVersion(caller, referrals.recordOutcome(referral, record), "record outcome");
	}

	@PostMapping("/{id}/re-referrals")
	ResponseEntity<Object> reRefer(Caller caller, @PathVariable String id, @Valid @RequestBody ReReferral request) {
		requireReferrer(caller);
		Referral previous = access.visible(caller, id, "re-refer");
		return created(caller, referrals.reRefer(caller, previous, placeToReferTo(request.placeId(), "placeId")));
	}

	private ResponseEntity<Object> act(Caller caller, String id, Action action, Decision decision, String ifMatch) {
		Referral referral = unchanged(access.actionable(caller, id, action), ifMatch);
		return withVersion(caller, referrals.act(caller, referral, action, decision), action.description());
	}

	private PlaceSummary placeToReferTo(String placeId, String field) {
		PlaceSummary place = places.find(placeId).orElseThrow(() -> new ReferralProblems.UnknownPlace(field));
		if (!place.acceptingReferrals()) {
			throw new ReferralProblems.PlaceNotTakingReferrals(field, place.name());
		}
		return place;
	}

	private ResponseEntity<Object> created(Caller caller, Referral referral) {
		return ResponseEntity.created(URI.create("/api/referrals/" + referral.id()))
			.eTag(etag(referral))
			.body(access.shown(caller, referral, "make referral"));
	}

	private ResponseEntity<Object> withVersion(Caller caller, Referral referral, String purpose) {
		return ResponseEntity.ok().eTag(etag(referral)).body(access.shown(caller, referral, purpose));
	}

	/** With {@code If-Match}, the referral must still be at the version the caller saw. */
	private static Referral unchanged(Referral referral, String ifMatch) {
		if (ifMatch == null) {
			return referral;
		}
		String version = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
		if (!version.matches("\\d{1,18}")) {
			throw new ReferralProblems.InvalidField("If-Match", "must be the ETag of the referral, such as \"3\"");
		}
		if (Long.parseLong(version) != referral.version()) {
			throw new ReferralProblems.StaleVersion(referral.version());
		}
		return referral;
	}

	private static String etag(Referral referral) {
		return "\"" + referral.version() + "\"";
	}

	private static void requireReferrer(Caller caller) {
		if (!caller.is(Role.REFERRER)) {
			throw new CallerProblems.NotAllowed("Only referrers make referrals and record their outcomes.");
		}
	}

}
