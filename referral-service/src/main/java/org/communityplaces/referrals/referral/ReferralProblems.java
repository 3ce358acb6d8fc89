package org.communityplaces.referrals.referral;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The answers a referral request can get when it cannot be done, as problem+json. */
final class ReferralProblems {

	private ReferralProblems() {
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	static class NotFound extends ErrorResponseException {

		NotFound() {
			super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "Referral not found", "There is no such referral."),
					null);
		}

	}

	static class UnknownPlace extends ErrorResponseException {

		UnknownPlace() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, unknownPlace(), null);
		}

		private static ProblemDetail unknownPlace() {
			ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown place",
					"Invalid value for placeId: there is no such place.");
			problem.setProperty("errors", List.of(Map.of("field", "placeId", "message", "no such place")));
			return problem;
		}

	}

	static class IllegalTransition extends ErrorResponseException {

		IllegalTransition(ReferralStatus from, ReferralStatus to) {
			super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "Not possible now",
					"A referral that is " + from.name().toLowerCase() + " cannot become " + to.name().toLowerCase() + "."),
					null);
		}

	}

}
