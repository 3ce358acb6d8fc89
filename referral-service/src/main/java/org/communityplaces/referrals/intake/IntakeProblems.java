package org.communityplaces.referrals.intake;

import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;

/** Why a referral could not be made. */
final class IntakeProblems {

	private IntakeProblems() {
	}

	static class UnknownPlace extends Problem {

		private static final String NOT_LISTED = "This place is not listed. Choose a place from Find a place.";

		UnknownPlace(String field) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown place", NOT_LISTED, field, NOT_LISTED);
		}

	}

	static class PlaceNotTakingReferrals extends Problem {

		PlaceNotTakingReferrals(String field, String placeName) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "Place not taking referrals",
					placeName + " is closed or full at the moment. Choose another place.", field,
					placeName + " is closed or full at the moment. Choose another place.");
		}

	}

	static class IdempotencyKeyReused extends Problem {

		IdempotencyKeyReused() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key already used",
					"This Idempotency-Key was already used for a different referral. Use a new key for a new referral.");
		}

	}

}
