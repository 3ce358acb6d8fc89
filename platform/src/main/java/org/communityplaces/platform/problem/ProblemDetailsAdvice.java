package org.communityplaces.platform.problem;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every client mistake into an RFC 9457 {@code application/problem+json} answer
 * that names the offending fields, so a caller can fix the request without reading logs.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(ex, fieldErrors(ex.getBindingResult().getFieldErrors()), headers, request);
	}

	/**
	 * Constraints on headers or query parameters are checked together with the body, so one
	 * answer names every field: body fields by their path, the others by their name.
	 */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			if (result instanceof ParameterErrors bean) {
				errors.addAll(fieldErrors(bean.getFieldErrors()));
				continue;
			}
			String name = parameterName(result.getMethodParameter());
			result.getResolvableErrors()
				.forEach(error -> errors.add(Map.of("field", name, "message", String.valueOf(error.getDefaultMessage()))));
		}
		return invalid(ex, errors, headers, request);
	}

	private ResponseEntity<Object> invalid(Exception ex, List<Map<String, String>> errors, HttpHeaders headers,
			WebRequest request) {
		String fields = errors.stream().map(error -> error.get("field")).distinct().collect(Collectors.joining(", "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid value for " + fields + ".");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static List<Map<String, String>> fieldErrors(List<FieldError> fieldErrors) {
		return fieldErrors.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
	}

	/** The name the client used: the header or query parameter, not the Java parameter. */
	private static String parameterName(MethodParameter parameter) {
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		String name = parameter.getParameterName();
		return name == null ? "request" : name;
	}

	/** A query parameter or path segment that is not of its type: named, with what it should look like. */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException argument ? parameterName(argument.getParameter())
				: String.valueOf(ex.getPropertyName());
		return invalid(ex, List.of(Map.of("field", name, "message", expectation(ex, ex.getRequiredType()))), headers,
				request);
	}

	/** The platform's own reason when it turned the value down, else what a value of the type looks like. */
	private static String expectation(Throwable failure, Class<?> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof Refused refused) {
				return refused.reason();
			}
		}
		if (type == null) {
			return "has the wrong type or is not one of the allowed values";
		}
		if (type == int.class || type == long.class || type == short.class || type == Integer.class
				|| type == Long.class || type == Short.class || type == BigInteger.class) {
			return "must be a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "must be a number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "must be true or false";
		}
		if (type == LocalDate.class) {
			return "must be a date such as 2026-11-23";
		}
		if (type == LocalTime.class) {
			return "must be a time such as 10:30";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "must be a date and time such as 2026-11-23T10:15:30Z";
		}
		if (type.isEnum()) {
			return "must be one of the allowed values";
		}
		if (type == String.class) {
			return "must be text";
		}
		return "has the wrong type or is not one of the allowed values";
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem;
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath()
				.stream()
				.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			String message = expectation(mismatch, mismatch.getTargetType());
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message + ".");
			problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		}
		else if (ex.getCause() instanceof JacksonException) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is missing or unreadable.");
		}
		problem.setTitle("Unreadable request");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail alreadyExists(DuplicateKeyException ex) {
		return new Problem(HttpStatus.CONFLICT, "Already exists",
				"Something with the same identity was stored at the same time. Reload and try again.")
			.getBody();
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
		return new Problem(HttpStatus.CONFLICT, "Changed by someone else",
				"Someone else changed this record at the same time. Reload it and try again.")
			.getBody();
	}

}
