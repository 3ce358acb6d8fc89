package org.communityplaces.platform.caller;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives controllers the {@link Caller} from the identity headers the gateway sets for the
 * signed-in person. Values are percent-encoded UTF-8, so names outside ASCII survive.
 * A request without them is not signed in (401). Until the gateway signs people in and relays
 * a signed token, these headers are taken on trust, so a service must only be reachable
 * through the gateway.
 */
class CallerHeaders implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	static final String ID = "X-Caller-Id";

	static final String ROLE = "X-Caller-Role";

	static final String NAME = "X-Caller-Name";

	static final String EMAIL = "X-Caller-Email";

	static final String ORGANISATION = "X-Caller-Organisation";

	static final String ORGANISATION_NAME = "X-Caller-Organisation-Name";

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
		String id = header(request, ID);
		String role = header(request, ROLE);
		if (id == null || role == null) {
			throw new CallerProblems.NotSignedIn("Sign in to use referrals.");
		}
		Role known;
		try {
			known = Role.valueOf(role.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new CallerProblems.NotSignedIn("The sign-in does not carry a known role.");
		}
		String organisation = header(request, ORGANISATION);
		if (known == Role.REFERRER && organisation == null) {
			throw new CallerProblems.NotSignedIn("A referrer's sign-in must name their organisation.");
		}
		if ((known == Role.HOST || known == Role.REFERRER) && header(request, EMAIL) == null) {
			throw new CallerProblems.NotSignedIn("A referrer's or host's sign-in must carry their e-mail address, "
					+ "which alerts go to.");
		}
		return new Caller(id, known, header(request, NAME), header(request, EMAIL), organisation,
				header(request, ORGANISATION_NAME));
	}

	private static String header(NativeWebRequest request, String name) {
		String value = request.getHeader(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			// Percent-decoding only: a + stays a + (sam+links@surgery.example.org), unlike in a form.
			return URLDecoder.decode(value.strip().replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new CallerProblems.NotSignedIn("The sign-in header " + name + " is not readable.");
		}
	}

}
