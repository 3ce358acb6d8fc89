package org.communityplaces.platform.problem;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that cannot be done, answered as RFC 9457 problem+json with a title and a detail
 * written for the person who sent it. Services extend it with their own named problems.
 */
public class Problem extends ErrorResponseException {

	public Problem(HttpStatus status, String title, String detail) {
		super(status, detail(status, title, detail), null);
	}

	/** The problem names the field to fix, as validation errors do. */
	public Problem(HttpStatus status, String title, String detail, String field, String fieldMessage) {
		this(status, title, detail);
		getBody().setProperty("errors", List.of(Map.of("field", field, "message", fieldMessage)));
	}

	private static ProblemDetail detail(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
