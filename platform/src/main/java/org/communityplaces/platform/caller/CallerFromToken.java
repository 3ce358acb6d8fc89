package org.communityplaces.platform.caller;

import java.util.List;
import java.util.Locale;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives controllers the {@link Caller} named by the token the gateway relayed, once the
 * resource server has checked its signature, issuer, audience and expiry.
 */
class CallerFromToken implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			throw new CallerProblems.NotSignedIn("Sign in to use this.");
		}
		return from(token.getToken());
	}

	static Caller from(Jwt token) {
		Role role;
		try {
			role = Role.valueOf(String.valueOf(token.getClaimAsString("role")).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new CallerProblems.NotSignedIn("The sign-in does not carry a known role.");
		}
		String email = token.getClaimAsString("email");
		String organisation = token.getClaimAsString("organisation");
		if (role == Role.REFERRER && organisation == null) {
			throw new CallerProblems.NotSignedIn("A referrer's sign-in must name their organisation.");
		}
		if ((role == Role.HOST || role == Role.REFERRER) && email == null) {
			throw new CallerProblems.NotSignedIn(
					"A referrer's or host's sign-in must carry their e-mail address, which alerts go to.");
		}
		return new Caller(token.getSubject(), role, token.getClaimAsString("name"), email, organisation,
				token.getClaimAsString("organisation_name"));
	}

}
