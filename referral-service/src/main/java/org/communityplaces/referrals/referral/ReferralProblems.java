package org.communityplaces.referrals.referral;

import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;

/** The answers a referral request can get when it cannot be done, as problem+json. */
final class ReferralProblems {

	private ReferralProblems() {
	}

	static class NotFound extends Problem {

		NotFound() {
			super(HttpStatus.NOT_FOUND, "Referral not found", "There is no such referral.");
		}

	}

	static class UnknownPlace extends Problem {

		UnknownPlace() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown place", "Invalid value for placeId: there is no such place.",
					"placeId", "no such place");
		}

	}

	static class IllegalTransition extends Problem {

		IllegalTransition(ReferralStatus from, ReferralStatus to) {
			super(HttpStatus.CONFLICT, "Not possible now",
					"A referral that is " + from.name().toLowerCase() + " cannot become " + to.name().toLowerCase() + ".");
		}

	}

}
