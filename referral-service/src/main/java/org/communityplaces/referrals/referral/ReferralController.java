package org.communityplaces.referrals.referral;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.Role;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading referrals: each caller's own list, narrowed by status, place, the days it was made
 * and, for referrers, the person's name; and one referral they may see.
 */
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
			@Parameter(description = "referrals to this place only") @RequestParam(
					required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
							message = "must be the id of a place, as Find a place gives it") String place,
			@Parameter(description = "made on or after this day (sent, for a host)") @RequestParam(
					required = false) LocalDate from,
			@Parameter(description = "made on or before this day (sent, for a host)") @RequestParam(
					required = false) LocalDate to,
			@Parameter(description = "words of the person's first or last name, whatever the case; referrers only")
			@RequestParam(required = false) @Size(max = 100, message = "must be at most 100 characters") String name,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		ReferralStatus wanted = status == null ? null : ReferralStatus.ofCode(status)
			.orElseThrow(() -> new ReferralProblems.InvalidField("status", "not a referral status"));
		return access.shown(caller, access.listed(caller, new ReferralFilter(wanted, place, from, to, name), page, size),
				caller.is(Role.HOST) ? "host inbox" : "list referrals");
	}

	@GetMapping("/{id}")
	ResponseEntity<Object> show(Caller caller, @PathVariable String id) {
		return answers.withVersion(caller, access.visible(caller, id, "view referral"), "view referral");
	}

}
