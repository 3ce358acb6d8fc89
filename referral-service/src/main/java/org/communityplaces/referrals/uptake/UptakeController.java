package org.communityplaces.referrals.uptake;

import java.time.LocalDate;

import org.communityplaces.platform.caller.Caller;

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
		return uptake.between(caller, from, to);
	}

}
