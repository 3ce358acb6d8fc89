package org.communityplaces.referrals.referral;

import org.communityplaces.platform.caller.Caller;
import org.communityplaces.platform.caller.CallerProblems;
import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;

/** The answers a referral request can get when it cannot be done, as problem+json. */
public final class ReferralProblems {

	private ReferralProblems() {
	}

	/** The caller's role may not do this to a referral, such as a host cancelling it. */
	public static CallerProblems.NotAllowed notAllowed(Caller caller, String action) {
		return new CallerProblems.NotAllowed(
				"A " + Referral.roleOf(caller) + " cannot " + action + " a referral.");
	}

	/** Also the answer for a referral that exists but is not the caller's to see: no existence leak. */
	public static class NotFound extends Problem {

		public NotFound() {
			super(HttpStatus.NOT_FOUND, "Referral not found", "There is no such referral.");
		}

	}

	public static class InvalidField extends Problem {

		public InvalidField(String field, String message) {
			super(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid value for " + field + ": " + message + ".", field,
					message);
		}

	}

	public static class IllegalTransition extends Problem {

		/** @param action what the caller tried, such as {@code put on hold} */
		public IllegalTransition(ReferralStatus from, String action) {
			super(HttpStatus.CONFLICT, "Not possible now", "A referral that is " + from.code() + " cannot " + action + ".");
			getBody().setProperty("referralStatus", from.code());
		}

	}

	public static class Conflict extends Problem {

		public Conflict(String detail) {
			super(HttpStatus.CONFLICT, "Not possible now", detail);
		}

	}

	public static class StaleVersion extends Problem {

		public StaleVersion(long current) {
			super(HttpStatus.PRECONDITION_FAILED, "Changed since you loaded it",
					"This referral has changed since you loaded it (it is now at version " + current
							+ "). Reload it and decide again.");
		}

	}

}
