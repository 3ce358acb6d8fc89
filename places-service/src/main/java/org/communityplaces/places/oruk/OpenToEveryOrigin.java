package org.communityplaces.places.oruk;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The ORUK API may be read by a page on any site, so every {@code /oruk} answer says so,
 * errors included and whether or not the request named its origin (a directory's server
 * reading the feed sends none, and a cache must not keep an answer without the header),
 * and a browser's preflight is answered here before anything else looks at it. Spring's
 * CORS support adds the header only to requests with an {@code Origin} and refuses a
 * preflight it has no rule for, which would leave error answers unreadable to the page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenToEveryOrigin extends OncePerRequestFilter {

	static final String METHODS = "GET, HEAD, OPTIONS";

	private static final String ONE_DAY = "86400";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.equals("/oruk") && !path.startsWith("/oruk/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		if (CorsUtils.isPreFlightRequest(request)) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "*");
			response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, ONE_DAY);
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return;
		}
		chain.doFilter(request, response);
	}

}
