package org.communityplaces.referrals.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.intake.ReferralRequests.NewReferral;
import org.communityplaces.referrals.intake.ReferralRequests.ReReferral;
import org.communityplaces.referrals.referral.ReferralAccess;
import org.communityplaces.referrals.referral.ReferralAnswers;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Making referrals over HTTP: new ones, sending drafts, and referring again elsewhere. */
@RestController
@RequestMapping("/api/referrals")
class IntakeController {

	private static final String IDEMPOTENCY_KEY = "must be up to 100 printable ASCII characters without spaces";

	private final Intake intake;

	private final ReferralAccess access;

	private final ReferralAnswers answers;

	IntakeController(Intake intake, ReferralAccess access, ReferralAnswers answers) {
		this.intake = intake;
		this.access = access;
		this.answers = answers;
	}

	@PostMapping
	ResponseEntity<Object> refer(Caller caller, @Valid @RequestBody NewReferral request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100,
					message = IDEMPOTENCY_KEY) @Pattern(regexp = "[\\x21-\\x7E]+", message = IDEMPOTENCY_KEY) String idempotencyKey) {
		return answers.created(caller, intake.refer(caller, request, idempotencyKey));
	}

	@PostMapping("/{id}/submit")
	ResponseEntity<Object> submit(Caller caller, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return answers.withVersion(caller,
				intake.submit(caller, ReferralAnswers.unchanged(access.visible(caller, id, "submit"), ifMatch)), "submit");
	}

	@PostMapping("/{id}/re-referrals")
	ResponseEntity<Object> reRefer(Caller caller, @PathVariable String id, @Valid @RequestBody ReReferral request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return answers.created(caller,
				intake.reRefer(caller, ReferralAnswers.unchanged(access.visible(caller, id, "re-refer"), ifMatch),
						request.placeId()));
	}

}
