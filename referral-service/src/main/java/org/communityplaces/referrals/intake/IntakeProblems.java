package org.communityplaces.referrals.intake;

import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;

/** Why a referral could not be made. */
final class IntakeProblems {

	private IntakeProblems() {
	}

	static class UnknownPlace extends Problem {

		UnknownPlace(String field) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown place",
					"Invalid value for " + field + ": there is no such place.", field, "no such place");
		}

	}

	static class PlaceNotTakingReferrals extends Problem {

		PlaceNotTakingReferrals(String field, String placeName) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "Place not taking referrals",
					placeName + " is closed or full at the moment. Choose another place.", field,
					"not taking referrals");
		}

	}

	static class IdempotencyKeyReused extends Problem {

		IdempotencyKeyReused() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key already used",
					"This Idempotency-Key was already used for a different referral. Use a new key for a new referral.");
		}

	}

}
