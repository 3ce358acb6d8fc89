package org.communityplaces.referrals.referral;

import java.util.Collection;
import java.util.TreeSet;

import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;

/** The answers a referral request can get when it cannot be done, as problem+json. */
final class ReferralProblems {

	private ReferralProblems() {
	}

	/** Also the answer for a referral that exists but is not the caller's to see: no existence leak. */
	static class NotFound extends Problem {

		NotFound() {
			super(HttpStatus.NOT_FOUND, "Referral not found", "There is no such referral.");
		}

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

	static class UnknownCode extends Problem {

		UnknownCode(String field, String vocabulary, Collection<String> known) {
			super(HttpStatus.BAD_REQUEST, "Invalid request",
					"Invalid value for " + field + ": not a known " + vocabulary + " code.", field,
					"must be one of " + String.join(", ", new TreeSet<>(known)));
		}

	}

	static class InvalidField extends Problem {

		InvalidField(String field, String message) {
			super(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid value for " + field + ": " + message + ".", field,
					message);
		}

	}

	static class IllegalTransition extends Problem {

		IllegalTransition(ReferralStatus from, Action action) {
			super(HttpStatus.CONFLICT, "Not possible now",
					"A referral that is " + from.code() + " cannot " + action.description() + ".");
			getBody().setProperty("referralStatus", from.code());
		}

	}

	static class Conflict extends Problem {

		Conflict(String detail) {
			super(HttpStatus.CONFLICT, "Not possible now", detail);
		}

	}

	static class StaleVersion extends Problem {

		StaleVersion(long current) {
			super(HttpStatus.PRECONDITION_FAILED, "Changed since you loaded it",
					"This referral has changed since you loaded it (it is now at version " + current
							+ "). Reload it and decide again.");
		}

	}

	static class IdempotencyKeyReused extends Problem {

		IdempotencyKeyReused() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key already used",
					"This Idempotency-Key was already used for a different referral. Use a new key for a new referral.");
		}

	}

}
