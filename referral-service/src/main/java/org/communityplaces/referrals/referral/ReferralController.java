package org.communityplaces.referrals.referral;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.Role;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading referrals: each caller's own list, and one referral they may see. */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

	private final ReferralAccess access;

	private final ReferralAnswers answers;

	ReferralController(ReferralAccess access, ReferralAnswers answers) {
		this.access = access;
		this.answers = answers;
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
		return answers.withVersion(caller, access.visible(caller, id, "view referral"), "view referral");
	}

}
