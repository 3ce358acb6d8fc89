package org.communityplaces.gateway.signin;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.communityplaces.gateway.problem.Problems;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Sign-in at the gateway: the open read APIs need none, everything else needs a signed-in
 * person, whom the services then know by the token {@link CallerRelay} relays. API clients
 * sign in with HTTP Basic on every request over TLS; there is no session, so no cookie for a
 * cross-site request to ride on (CSRF protection comes with the browser sign-in of the web app).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInSettings.class)
class SignInConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** The one way in: also keeps Spring Boot from making a default user with a generated password. */
	@Bean
	PasswordSignIn passwordSignIn(SignInSettings settings, PasswordEncoder passwords, Clock clock) {
		Map<String, Person> people = settings.users()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Person::username, Function.identity()));
		return new PasswordSignIn(people, passwords, new Lockout(settings, clock), clock);
	}

	@Bean
	SecurityWebFilterChain security(ServerHttpSecurity http, PasswordSignIn signIn) {
		ServerAuthenticationEntryPoint notSignedIn = (exchange, failure) -> {
			exchange.getResponse().getHeaders().set("WWW-Authenticate", "Basic realm=\"Community places\"");
			return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Not signed in",
					failure instanceof LockedException
							? "Too many failed sign-ins: this account is locked for a while. Try again later."
							: "Sign in to use this.");
		};
		ServerAccessDeniedHandler notAllowed = (exchange, denied) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
				"Not allowed", "Your role cannot do this.");
		return http.authorizeExchange(exchanges -> exchanges
			.pathMatchers("/oruk/**", "/oruk", "/.well-known/jwks.json", "/actuator/health/**", "/actuator/info",
					"/actuator/prometheus", "/unavailable/**", "/swagger-ui.html", "/webjars/swagger-ui/**",
					"/api-docs/**")
			.permitAll()
			.pathMatchers(HttpMethod.GET, "/api/places/search")
			.permitAll()
			.anyExchange()
			.authenticated())
			.httpBasic(basic -> basic.authenticationManager(signIn).authenticationEntryPoint(notSignedIn))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(notSignedIn).accessDeniedHandler(notAllowed))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.build();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
