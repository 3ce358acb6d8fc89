package org.communityplaces.referrals.lifecycle;

import java.time.LocalDate;

import jakarta.validation.Valid;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.lifecycle.Lifecycle.Decision;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralAccess;
import org.communityplaces.referrals.referral.ReferralAnswers;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Decisions on referrals over HTTP. */
@RestController
@RequestMapping("/api/referrals/{id}")
class LifecycleController {

	private final Lifecycle lifecycle;

	private final ReferralAccess access;

	private final ReferralAnswers answers;

	LifecycleController(Lifecycle lifecycle, ReferralAccess access, ReferralAnswers answers) {
		this.lifecycle = lifecycle;
		this.access = access;
		this.answers = answers;
	}

	// One operation per step, so that the OpenAPI description lists each with its own body

	/** With the day of the person's first visit, if the host knows it; no body at all is fine. */
	@PostMapping("/accept")
	ResponseEntity<Object> accept(Caller caller, @PathVariable String id,
			@RequestBody(required = false) Acceptance acceptance,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Referral referral = ReferralAnswers.unchanged(access.visible(caller, id, LifecycleAction.ACCEPT.description()),
				ifMatch);
		return answers.withVersion(caller,
				lifecycle.accept(caller, referral, acceptance == null ? null : acceptance.firstVisitOn()),
				LifecycleAction.ACCEPT.description());
	}

	/** @param firstVisitOn the day the person is expected first, today or later; absent when not known yet */
	record Acceptance(LocalDate firstVisitOn) {
	}

	@PostMapping("/complete")
	ResponseEntity<Object> complete(Caller caller, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return take(caller, id, LifecycleAction.COMPLETE, Decision.NONE, ifMatch);
	}

	@PostMapping("/resume")
	ResponseEntity<Object> resume(Caller caller, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return take(caller, id, LifecycleAction.RESUME, Decision.NONE, ifMatch);
	}

	// The steps from here on give a coded reason, and words when the reason is "other"

	@PostMapping("/reject")
	ResponseEntity<Object> reject(Caller caller, @PathVariable String id, @Valid @RequestBody Decision decision,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return take(caller, id, LifecycleAction.REJECT, decision, ifMatch);
	}

	@PostMapping("/cancel")
	ResponseEntity<Object> cancel(Caller caller, @PathVariable String id, @Valid @RequestBody Decision decision,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return take(caller, id, LifecycleAction.CANCEL, decision, ifMatch);
	}

	@PostMapping("/fail")
	ResponseEntity<Object> fail(Caller caller, @PathVariable String id, @Valid @RequestBody Decision decision,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return take(caller, id, LifecycleAction.FAIL, decision, ifMatch);
	}

	@PostMapping("/hold")
	ResponseEntity<Object> hold(Caller caller, @PathVariable String id, @Valid @RequestBody Decision decision,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return take(caller, id, LifecycleAction.HOLD, decision, ifMatch);
	}

	private ResponseEntity<Object> take(Caller caller, String id, LifecycleAction action, Decision decision,
			String ifMatch) {
		Referral referral = ReferralAnswers.unchanged(access.visible(caller, id, action.description()), ifMatch);
		return answers.withVersion(caller, lifecycle.decide(caller, referral, action, decision), action.description());
	}

}
