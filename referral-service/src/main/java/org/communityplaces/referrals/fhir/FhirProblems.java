package org.communityplaces.referrals.fhir;

import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import org.communityplaces.platform.problem.Problem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * A FHIR caller's refusals as FHIR OperationOutcomes: the same status and the same problems, in
 * the same words, that the platform would answer as problem+json, each issue naming the element
 * to fix. Refusals before a FHIR endpoint is reached (not signed in, a request it cannot answer)
 * stay problem+json, as everywhere else in the service.
 */
@RestControllerAdvice(assignableTypes = FhirController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FhirProblems {

	static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

	private final ResponseEntityExceptionHandler problems;

	FhirProblems(ResponseEntityExceptionHandler problems) {
		this.problems = problems;
	}

	@ExceptionHandler(DataFormatException.class)
	ResponseEntity<String> unreadable(DataFormatException ex) {
		return outcome(HttpStatus.BAD_REQUEST, new HttpHeaders(), problem(HttpStatus.BAD_REQUEST, "Unreadable request",
				"The request body is not a FHIR R4 resource in JSON: " + ex.getMessage()));
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<String> alreadyExists(DuplicateKeyException ex) {
		return outcome(HttpStatus.CONFLICT, new HttpHeaders(), problem(HttpStatus.CONFLICT, "Already exists",
				"Something with the same identity was stored at the same time. Reload and try again."));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<String> concurrentChange(OptimisticLockingFailureException ex) {
		return outcome(HttpStatus.CONFLICT, new HttpHeaders(), problem(HttpStatus.CONFLICT, "Changed by someone else",
				"Someone else changed this record at the same time. Reload it and try again."));
	}

	/** Whatever the platform answers as a problem, answered as an OperationOutcome. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<String> refused(Exception ex, WebRequest request) throws Exception {
		ResponseEntity<Object> answer = problems.handleException(ex, request);
		if (answer == null || !(answer.getBody() instanceof ProblemDetail problem)) {
			throw ex;
		}
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(answer.getHeaders());
		headers.remove(HttpHeaders.CONTENT_TYPE);
		return outcome(HttpStatus.valueOf(answer.getStatusCode().value()), headers, problem);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private static ResponseEntity<String> outcome(HttpStatus status, HttpHeaders headers, ProblemDetail problem) {
		OperationOutcome outcome = new OperationOutcome();
		OperationOutcome.IssueType type = issueType(status);
		Object errors = problem.getProperties() == null ? null : problem.getProperties().get("errors");
		if (errors instanceof List<?> fields && !fields.isEmpty()) {
			for (Object error : fields) {
				Map<?, ?> field = (Map<?, ?>) error;
				String name = String.valueOf(field.get("field"));
				outcome.addIssue()
					.setSeverity(OperationOutcome.IssueSeverity.ERROR)
					.setCode(type)
					.setDetails(new CodeableConcept().setText(String.valueOf(field.get("message"))))
					.setDiagnostics(name)
					.addExpression(element(name));
			}
		}
		else {
			outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(type)
				.setDetails(new CodeableConcept().setText(problem.getDetail()))
				.setDiagnostics(problem.getTitle());
		}
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(FHIR_JSON)
			.body(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome));
	}

	/** The FHIR element that carries a field of the JSON API's request, or the field's own name (a parameter). */
	private static String element(String field) {
		String base = field.replaceAll("\\[\\d+]", "");
		while (!base.isEmpty()) {
			String element = FhirIntake.ELEMENTS.get(base);
			if (element != null) {
				return element;
			}
			base = base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : "";
		}
		return field;
	}

	private static OperationOutcome.IssueType issueType(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> OperationOutcome.IssueType.LOGIN;
			case FORBIDDEN -> OperationOutcome.IssueType.FORBIDDEN;
			case NOT_FOUND -> OperationOutcome.IssueType.NOTFOUND;
			case CONFLICT, PRECONDITION_FAILED -> OperationOutcome.IssueType.CONFLICT;
			case METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE -> OperationOutcome.IssueType.NOTSUPPORTED;
			case UNPROCESSABLE_CONTENT -> OperationOutcome.IssueType.BUSINESSRULE;
			case TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE -> OperationOutcome.IssueType.TRANSIENT;
			default -> OperationOutcome.IssueType.INVALID;
		};
	}

	/** A search or operation parameter, or a header, that is not as FHIR or this service takes it. */
	static class InvalidParameter extends Problem {

		InvalidParameter(String name, String message) {
			super(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid value for " + name + ": " + message + ".", name,
					message);
		}

	}

	/** A body that is FHIR, but not the resource this endpoint takes. */
	static class WrongResource extends Problem {

		WrongResource(String expected) {
			super(HttpStatus.BAD_REQUEST, "Wrong resource", "Send " + expected + ".");
		}

	}

}
