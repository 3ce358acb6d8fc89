package org.communityplaces.platform.caller;

import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;

/** Answers for callers who are not known or may not do what they asked. */
public final class CallerProblems {

	private CallerProblems() {
	}

	public static class NotSignedIn extends Problem {

		NotSignedIn(String detail) {
			super(HttpStatus.UNAUTHORIZED, "Not signed in", detail);
		}

	}

	public static class NotAllowed extends Problem {

		public NotAllowed(String detail) {
			super(HttpStatus.FORBIDDEN, "Not allowed", detail);
		}

	}

}
