package org.communityplaces.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error path ({@code /error}) answers problem+json like the rest of the API, in place of
 * Spring Boot's own JSON: for what fails before a controller or its advice could answer (an
 * unreadable query, a request the container turned down) and for a bug. It never shows what went
 * wrong inside, only what the client can do.
 */
@Controller
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer number && HttpStatus.resolve(number) != null
				&& number >= 400 ? HttpStatus.valueOf(number) : HttpStatus.INTERNAL_SERVER_ERROR;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
		problem.setTitle(status.getReasonPhrase());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request is malformed: check the address, its parameters and its body.";
			case NOT_FOUND -> "There is nothing at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not take this method.";
			case NOT_ACCEPTABLE -> "This address cannot answer in any of the formats the request accepts.";
			case CONTENT_TOO_LARGE -> "The request body is too large.";
			case URI_TOO_LONG -> "The address is too long.";
			case UNSUPPORTED_MEDIA_TYPE -> "This address does not take a body of this type.";
			case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are too large.";
			default -> status.is5xxServerError()
					? "Something went wrong on our side. Try again later; if it keeps happening, tell the service desk."
					: "The request cannot be answered: " + status.getReasonPhrase().toLowerCase() + ".";
		};
	}

}
