package org.communityplaces.referrals.lifecycle;

import org.communityplaces.platform.problem.Problem;

import org.springframework.http.HttpStatus;

/** Why a decision could not be taken as asked. */
final class LifecycleProblems {

	private LifecycleProblems() {
	}

	static class FirstVisitInThePast extends Problem {

		private static final String MESSAGE = "The first visit must be today or later";

		FirstVisitInThePast() {
			super(HttpStatus.BAD_REQUEST, "Invalid request", MESSAGE + ".", "firstVisitOn", MESSAGE);
		}

	}

}
