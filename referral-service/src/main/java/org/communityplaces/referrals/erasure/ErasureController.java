package org.communityplaces.referrals.erasure;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralAccess;
import org.communityplaces.referrals.referral.ReferralAnswers;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Erasing a person's details over HTTP: a withdrawal of consent, and what the retention period will erase next. */
@RestController
class ErasureController {

	private final ConsentWithdrawal withdrawal;

	private final Retention retention;

	private final ReferralAccess access;

	private final ReferralAnswers answers;

	ErasureController(ConsentWithdrawal withdrawal, Retention retention, ReferralAccess access,
			ReferralAnswers answers) {
		this.withdrawal = withdrawal;
		this.retention = retention;
		this.access = access;
		this.answers = answers;
	}

	/** The referral after, with nothing of the person left in it. */
	@PostMapping("/api/referrals/{id}/" + ConsentWithdrawal.ACTION)
	ResponseEntity<Object> withdrawConsent(Caller caller, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Referral referral = ReferralAnswers.unchanged(access.visible(caller, id, ConsentWithdrawal.DESCRIPTION),
				ifMatch);
		return answers.withVersion(caller, withdrawal.withdraw(caller, referral), ConsentWithdrawal.DESCRIPTION);
	}

	/** A dry run: what the next run of the retention period would erase now, for admins. */
	@GetMapping("/api/referrals/retention")
	RetentionReport retention(Caller caller) {
		return retention.report(caller);
	}

}
