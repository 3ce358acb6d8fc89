package org.communityplaces.platform.correlation;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/** Takes the gateway's correlation id (or makes one) for every request, and answers with it. */
final class CorrelationIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(CorrelationId.HEADER);
		String id = CorrelationId.wellFormed(given) ? given : UUID.randomUUID().toString();
		response.setHeader(CorrelationId.HEADER, id);
		try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationId.KEY, id)) {
			chain.doFilter(request, response);
		}
	}

}
