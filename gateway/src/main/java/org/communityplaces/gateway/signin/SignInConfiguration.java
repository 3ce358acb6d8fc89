package org.communityplaces.gateway.signin;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.communityplaces.gateway.problem.Problems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Sign-in at the gateway: the open read APIs need none, everything else needs a signed-in
 * person, whom the services then know by the token {@link CallerRelay} relays.
 * <ul>
 * <li>API clients send HTTP Basic on every request over TLS: no session, so no cookie for a
 * cross-site request to ride on.</li>
 * <li>People in a browser sign in on the sign-in page, with a password or, where one is
 * configured, an OpenID Connect provider, and get a session cookie; every change they make
 * then needs the CSRF token the page reads from its cookie.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInSettings.class)
class SignInConfiguration {

	static final String SIGN_IN_PAGE = "/sign-in.html";

	/** Where a host's review e-mail leads: its one button confirms the listing with the token the link carries. */
	private static final String CONFIRM_LISTING_PAGE = "/confirm-listing.html";

	private static final String LOCKED = "Too many failed sign-ins: this account is locked for a while. Try again later.";

	private static final DefaultServerRedirectStrategy REDIRECT = new DefaultServerRedirectStrategy();

	/**
	 * What anyone may read, signed in or not: the searches, the Open Referral API, the
	 * vocabularies, the public keys, the probes and the static files. A request for one of these
	 * that carries no credentials (no Authorization header, no session cookie) does not go
	 * through the security chain at all: it would be let through as anyone, and nothing the
	 * chain does (no session, no CSRF token, no challenge) applies to it. Pages are not here, as
	 * they need the chain's CSRF token for their forms.
	 */
	private static final String[] OPEN_READS = { "/api/places/search", "/api/vocabularies", "/oruk", "/oruk/**",
			"/.well-known/jwks.json", "/livez", "/readyz", "/assets/**", "/favicon.ico", "/api-docs/**",
			"/webjars/swagger-ui/**" };

	private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** The one way in: also keeps Spring Boot from making a default user with a generated password. */
	@Bean
	PasswordSignIn passwordSignIn(SignInSettings settings, PasswordEncoder passwords, Lockout lockout, Clock clock) {
		Map<String, Person> people = settings.users()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Person::username, Function.identity()));
		return new PasswordSignIn(people, passwords, lockout, clock);
	}

	@Bean
	Lockout lockout(ReactiveMongoOperations mongo, SignInSettings settings, Clock clock) {
		return new Lockout(mongo, settings, clock);
	}

	@Bean
	SecurityWebFilterChain security(ServerHttpSecurity http, PasswordSignIn signIn,
			ObjectProvider<ReactiveClientRegistrationRepository> providers, WebSessionIdResolver sessionIds) {
		ServerAccessDeniedHandler notAllowed = (exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
				"Not allowed", "Your role cannot do this.");
		http.securityMatcher(new NegatedServerWebExchangeMatcher(anonymousOpenReads(sessionIds)))
			.authorizeExchange(exchanges -> exchanges
			.matchers(anyOf(HttpMethod.GET, OPEN_READS))
			.permitAll()
			.matchers(anyOf(null, "/oruk/**", "/oruk", "/.well-known/jwks.json", "/livez", "/readyz",
					// The actuator is served only on the management port (see application.yml)
					"/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/unavailable/**", "/swagger-ui.html", "/webjars/swagger-ui/**",
					"/api-docs/**", SIGN_IN_PAGE, "/sign-in/providers", "/assets/**", "/favicon.ico"))
			.permitAll()
			.matchers(anyOf(HttpMethod.GET, "/api/places/search", "/api/vocabularies", CONFIRM_LISTING_PAGE))
			.permitAll()
			// Anyone may say a listing is out of date; a host confirms one with the token from their e-mail
			.matchers(anyOf(HttpMethod.POST, "/api/places/*/reports", "/api/places/*/confirmations"))
			.permitAll()
			.pathMatchers("/api/people", "/api/people/**")
			.hasRole("ADMIN")
			.anyExchange()
			.authenticated())
			.httpBasic(basic -> basic.authenticationManager(signIn)
				.authenticationEntryPoint(notSignedIn())
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance()))
			.formLogin(form -> form.loginPage(SIGN_IN_PAGE)
				.requiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/sign-in"))
				.authenticationManager(signIn)
				.authenticationSuccessHandler(freshSession(SignInConfiguration::whoSignedIn))
				.authenticationFailureHandler(passwordRefused())
				.authenticationEntryPoint(notSignedIn()))
			.securityContextRepository(new BrowserSessions(sessionIds))
			// The session is deleted from the store, so no gateway instance knows it any more
			.logout(logout -> logout.logoutUrl("/sign-out")
				.logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
				.logoutSuccessHandler(redirectTo(SIGN_IN_PAGE + "?signed-out")))
			.csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
				// The page sends the token from the cookie as it is, in the X-XSRF-TOKEN header
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(browserChanges())
				.accessDeniedHandler((exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "Page out of date",
						"This page is out of date or was not sent from Community places. Reload it and try again.")))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(notSignedIn()).accessDeniedHandler(notAllowed))
			// No request is saved for after sign-in (the page takes ?then=): a saved-request cache would
			// look up a session on every request, moving each one onto other threads
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.headers(ServerHttpSecurity.HeaderSpec::disable);
		ReactiveClientRegistrationRepository registrations = providers.getIfAvailable();
		if (registrations != null) {
			ServerAuthenticationSuccessHandler home = new RedirectServerAuthenticationSuccessHandler("/");
			http.oauth2Login(login -> login.clientRegistrationRepository(registrations)
				.authenticationSuccessHandler(freshSession(home::onAuthenticationSuccess))
				.authenticationFailureHandler(providerRefused()));
			http.oauth2Client(client -> client.clientRegistrationRepository(registrations));
		}
		return http.build();
	}

	/**
	 * Spring Security's own observations (a span and timer per filter and per authorization)
	 * cost more than the routing itself; requests are measured once, by the server and the route.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	ProviderSignIn providerSignIn(SignInSettings settings) {
		return new ProviderSignIn(settings.oidc());
	}

	/**
	 * Lets a page read the CSRF token from its cookie before its first change: the token is
	 * made when a page is asked for, not for API clients, who need none.
	 */
	@Bean
	@Order(0)
	WebFilter csrfCookieForPages() {
		return (exchange, chain) -> {
			Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
			String accept = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT);
			if (token == null || accept == null || !accept.contains("text/html")) {
				return chain.filter(exchange);
			}
			return token.then(chain.filter(exchange));
		};
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * A browser being taken to a page goes to the sign-in page; the page's own requests get a
	 * 401 problem; API clients get the same, with the Basic challenge (a browser would answer
	 * that with its own password box instead of the sign-in page).
	 */
	private static ServerAuthenticationEntryPoint notSignedIn() {
		return (exchange, failure) -> {
			HttpHeaders request = exchange.getRequest().getHeaders();
			String fetchMode = request.getFirst("Sec-Fetch-Mode");
			if ("navigate".equals(fetchMode)) {
				String wanted = exchange.getRequest().getURI().getRawPath()
						+ (exchange.getRequest().getURI().getRawQuery() == null ? ""
								: "?" + exchange.getRequest().getURI().getRawQuery());
				return REDIRECT.sendRedirect(exchange,
						URI.create(SIGN_IN_PAGE + "?then=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8)));
			}
			if (fetchMode == null) {
				exchange.getResponse().getHeaders().set("WWW-Authenticate", "Basic realm=\"Community places\"");
			}
			return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Not signed in", failure instanceof LockedException
					? LOCKED
					: "Sign in to use this.");
		};
	}

	private static ServerAuthenticationFailureHandler passwordRefused() {
		return (filterExchange, failure) -> Problems.write(filterExchange.getExchange(), HttpStatus.UNAUTHORIZED,
				"Not signed in", failure instanceof LockedException
						? LOCKED
						: "Wrong username or password.");
	}

	/** A new session id at sign-in, so an id planted before it is worth nothing after. */
	private static ServerAuthenticationSuccessHandler freshSession(ServerAuthenticationSuccessHandler then) {
		return (filterExchange, authentication) -> filterExchange.getExchange()
			.getSession()
			.flatMap(WebSession::changeSessionId)
			.then(then.onAuthenticationSuccess(filterExchange, authentication));
	}

	/** Who signed in, and the page to go on to: the one the sign-in page was asked to lead to, if it is one of ours. */
	private static Mono<Void> whoSignedIn(WebFilterExchange filterExchange, Authentication authentication) {
		ServerWebExchange exchange = filterExchange.getExchange();
		return SignedIn.person(authentication)
			.map(person -> exchange.getFormData()
				.map(form -> NextPage.after(form.getFirst("then"), exchange.getRequest().getURI()))
				.flatMap(then -> PersonView.of(person).writeTo(exchange, then)))
			.orElseGet(Mono::empty);
	}

	/** Back to the sign-in page, which says why in words: the reason is one of ours, never the provider's text. */
	private static ServerAuthenticationFailureHandler providerRefused() {
		return (filterExchange, failure) -> {
			String reason = failure instanceof OAuth2AuthenticationException refusal
					&& ProviderSignIn.REFUSALS.contains(refusal.getError().getErrorCode())
							? refusal.getError().getErrorCode() : "";
			return REDIRECT.sendRedirect(filterExchange.getExchange(),
					URI.create(SIGN_IN_PAGE + "?refused" + (reason.isEmpty() ? "" : "=" + reason)));
		};
	}

	private static RedirectServerLogoutSuccessHandler redirectTo(String location) {
		RedirectServerLogoutSuccessHandler redirect = new RedirectServerLogoutSuccessHandler();
		redirect.setLogoutSuccessUrl(URI.create(location));
		return redirect;
	}

	/**
	 * The request's method (any, if null) and one of these paths, as {@code pathMatchers} matches
	 * them, in one plain loop: {@code pathMatchers} makes a reactive matcher for each pattern and
	 * formats a debug message for each as it tries it, whether debug is logged or not, on every
	 * request that reaches the list.
	 */
	private static ServerWebExchangeMatcher anyOf(HttpMethod method, String... patterns) {
		List<PathPattern> parsed = Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
		return exchange -> {
			ServerHttpRequest request = exchange.getRequest();
			if (method != null && !method.equals(request.getMethod())) {
				return ServerWebExchangeMatcher.MatchResult.notMatch();
			}
			PathContainer path = request.getPath().pathWithinApplication();
			for (PathPattern pattern : parsed) {
				if (pattern.matches(path)) {
					return ServerWebExchangeMatcher.MatchResult.match();
				}
			}
			return ServerWebExchangeMatcher.MatchResult.notMatch();
		};
	}

	/** A read of {@link #OPEN_READS} by someone who sends no credentials. */
	private static ServerWebExchangeMatcher anonymousOpenReads(WebSessionIdResolver sessionIds) {
		ServerWebExchangeMatcher openReads = anyOf(HttpMethod.GET, OPEN_READS);
		return exchange -> {
			if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
					|| !sessionIds.resolveSessionIds(exchange).isEmpty()) {
				return ServerWebExchangeMatcher.MatchResult.notMatch();
			}
			return openReads.matches(exchange);
		};
	}

	/** Changes sent with the session cookie; API clients send their credentials on each request instead. */
	private static ServerWebExchangeMatcher browserChanges() {
		return exchange -> !SAFE.contains(exchange.getRequest().getMethod())
				&& !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
						? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
	}

}
