package org.communityplaces.referrals.referral;

import java.time.LocalDate;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.caller.Role;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Uptake in aggregate, for commissioners and admins: {@code from} and {@code to} are ISO dates, both optional. */
@RestController
class UptakeController {

	private final Uptake uptake;

	UptakeController(Uptake uptake) {
		this.uptake = uptake;
	}

	@GetMapping("/api/referrals/uptake")
	Uptake.Report uptake(Caller caller, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		if (!caller.is(Role.COMMISSIONER) && !caller.is(Role.ADMIN)) {
			throw new CallerProblems.NotAllowed("Uptake is for commissioners and admins.");
		}
		return uptake.between(from, to);
	}

}
