package org.communityplaces.referrals.lifecycle;

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

	/** Steps that need no more than the caller's say-so. */
	@PostMapping("/{action:accept|complete|resume}")
	ResponseEntity<Object> act(Caller caller, @PathVariable String id, @PathVariable String action,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return take(caller, id, LifecycleAction.ofCode(action), Decision.NONE, ifMatch);
	}

	/** Steps that give a coded reason, and words when the reason is {@code other}. */
	@PostMapping("/{action:reject|cancel|fail|hold}")
	ResponseEntity<Object> decide(Caller caller, @PathVariable String id, @PathVariable String action,
			@Valid @RequestBody Decision decision, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return take(caller, id, LifecycleAction.ofCode(action), decision, ifMatch);
	}

	private ResponseEntity<Object> take(Caller caller, String id, LifecycleAction action, Decision decision,
			String ifMatch) {
		Referral referral = ReferralAnswers.unchanged(access.visible(caller, id, action.description()), ifMatch);
		return answers.withVersion(caller, lifecycle.decide(caller, referral, action, decision), action.description());
	}

}
