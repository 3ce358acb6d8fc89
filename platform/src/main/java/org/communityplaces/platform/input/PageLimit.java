package org.communityplaces.platform.input;

import java.math.BigInteger;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.communityplaces.platform.problem.Problem;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * No page number past a sane limit on any paged list, so that skipping to it can never overflow
 * (Spring Data casts the number of records to skip to an {@code int}) nor make the store walk
 * millions of records. A page parameter is a request parameter with one of the configured names.
 */
final class PageLimit implements HandlerInterceptor {

	private final Set<String> pageParameters;

	private final BigInteger maxPage;

	PageLimit(Set<String> pageParameters, int maxPage) {
		this.pageParameters = pageParameters;
		this.maxPage = BigInteger.valueOf(maxPage);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		for (MethodParameter parameter : method.getMethodParameters()) {
			String name = requestParameterName(parameter);
			String value = name == null ? null : request.getParameter(name);
			if (value != null && pageParameters.contains(name) && PlainInput.isDecimalInteger(value)
					&& new BigInteger(value).compareTo(maxPage) > 0) {
				String reason = "must be at most " + maxPage;
				throw new Problem(HttpStatus.BAD_REQUEST, "Invalid request", name + " " + reason + ".", name, reason);
			}
		}
		return true;
	}

	private static String requestParameterName(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param == null) {
			return null;
		}
		return param.name().isEmpty() ? parameter.getParameterName() : param.name();
	}

}
