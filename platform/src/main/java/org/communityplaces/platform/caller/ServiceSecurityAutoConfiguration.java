package org.communityplaces.platform.caller;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every service is an OAuth2 resource server: a request needs the token the gateway relayed,
 * signed by the gateway's key (its JWKS), from its issuer, for this audience and not expired.
 * A call that bypasses the gateway has no such token and is a 401. Only the paths a service
 * names as public ({@code security.token.public-paths}), its actuator and its OpenAPI
 * description answer without one.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, NimbusJwtDecoder.class })
@EnableConfigurationProperties(ServiceSecurityAutoConfiguration.TokenSettings.class)
public class ServiceSecurityAutoConfiguration {

	@Bean
	JwtDecoder relayedTokenDecoder(TokenSettings settings) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuer()),
				new JwtClaimValidator<List<String>>("aud", audience -> audience != null && audience.contains(settings.audience()))));
		return decoder;
	}

	@Bean
	SecurityFilterChain serviceSecurity(HttpSecurity http, TokenSettings settings) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers(settings.publicPaths().toArray(String[]::new))
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(server -> server.jwt(jwt -> {
			}).authenticationEntryPoint((request, response, failure) -> problem(request, response, HttpStatus.UNAUTHORIZED,
					"Not signed in", "Sign in through the gateway to use this.")))
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((request, response, failure) -> problem(request, response,
						HttpStatus.UNAUTHORIZED, "Not signed in", "Sign in through the gateway to use this."))
				.accessDeniedHandler((request, response, denied) -> problem(request, response, HttpStatus.FORBIDDEN,
						"Not allowed", "Your role cannot do this.")))
			.build();
	}

	/**
	 * A request the firewall turns down (a path with {@code ..}, an encoded slash or a NUL, say) is
	 * a 400 problem like every other, not an empty answer.
	 */
	@Bean
	RequestRejectedHandler rejectedAsProblem() {
		return (request, response, rejected) -> problem(request, response, HttpStatus.BAD_REQUEST, "Bad Request",
				"The address of the request is not allowed: it may not hold '..', encoded slashes, semicolons, "
						+ "control characters or backslashes.");
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value() + ",\"detail\":\""
					+ detail + "\",\"instance\":\"" + request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "") + "\"}");
	}

	/**
	 * @param jwkSetUri the gateway's published public keys
	 * @param publicPaths paths answered without a token (the open read APIs)
	 */
	@ConfigurationProperties("security.token")
	public record TokenSettings(String jwkSetUri, String issuer, String audience, List<String> publicPaths) {

		public TokenSettings {
			jwkSetUri = jwkSetUri == null ? "http://127.0.0.1:8080/.well-known/jwks.json" : jwkSetUri;
			issuer = issuer == null ? "community-places-gateway" : issuer;
			audience = audience == null ? "community-places" : audience;
			publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
		}

	}

}
