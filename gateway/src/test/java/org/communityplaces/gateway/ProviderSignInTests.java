package org.communityplaces.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with an OpenID Connect provider, switched on by configuration alone: the gateway runs
 * the authorization-code flow against a provider served over real HTTP here (its token
 * endpoint and keys), checks the signed ID token, and gives the person the role its claims
 * map to, or refuses them when none does, when the provider has not verified their e-mail
 * address, or when their organisation is not a code the services can key data on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ProviderSignInTests {

	private static final RSAKey providerKey = key();

	/** What the provider's next ID token says: the nonce of the sign-in under way and the person's groups. */
	private static final AtomicReference<Map<String, Object>> nextPerson = new AtomicReference<>();

	private static final HttpServer provider = StandIn.start(exchange -> {
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/jwks")) {
			StandIn.answer(exchange, 200, new JWKSet(providerKey.toPublicJWK()).toString());
		}
		else if (path.equals("/token")) {
			StandIn.answer(exchange, 200, "{\"access_token\":\"provider-access-token\",\"token_type\":\"Bearer\","
					+ "\"expires_in\":300,\"scope\":\"openid email profile\",\"id_token\":\"" + idToken() + "\"}");
		}
		else {
			StandIn.answer(exchange, 404, "");
		}
	});

	@DynamicPropertySource
	static void councilProvider(DynamicPropertyRegistry registry) {
		String registration = "spring.security.oauth2.client.registration.council.";
		registry.add(registration + "client-id", () -> "community-places");
		registry.add(registration + "client-secret", () -> "provider-secret");
		registry.add(registration + "client-name", () -> "Sheffield City Council");
		registry.add(registration + "authorization-grant-type", () -> "authorization_code");
		registry.add(registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
		registry.add(registration + "scope", () -> "openid,email,profile");
		String provided = "spring.security.oauth2.client.provider.council.";
		registry.add(provided + "authorization-uri", () -> StandIn.url(provider) + "/authorize");
		registry.add(provided + "token-uri", () -> StandIn.url(provider) + "/token");
		registry.add(provided + "jwk-set-uri", () -> StandIn.url(provider) + "/jwks");
		registry.add(provided + "user-name-attribute", () -> "sub");
		registry.add("gateway.sign-in.oidc.role-claim", () -> "groups");
		registry.add("gateway.sign-in.oidc.roles.cp-venue-hosts", () -> "host");
	}

	@Autowired
	WebTestClient http;

	@AfterAll
	static void stop() {
		provider.stop(0);
	}

	@Test
	void thePageOffersTheProviderAndItsPersonGetsTheRoleTheirGroupMapsTo() {
		http.get().uri("/sign-in/providers").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[0].name").isEqualTo("Sheffield City Council")
			.jsonPath("$[0].signInAddress").isEqualTo("/oauth2/authorization/council");

		EntityExchangeResult<byte[]> back = signInAtProvider(List.of("staff", "cp-venue-hosts"), Map.of("email_verified", true));
		assertThat(back.getResponseHeaders().getLocation()).hasToString("/");
		String session = back.getResponseCookies().getFirst("SESSION").getValue();

		http.get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.username").isEqualTo("council-person-7")
			.jsonPath("$.role").isEqualTo("host")
			.jsonPath("$.email").isEqualTo("landlord@redlion.example.org")
			.jsonPath("$.name").isEqualTo("Pat Landlord");
	}

	@Test
	void someoneWhoseGroupsMapToNoRoleIsNotLetIn() {
		refused(signInAtProvider(List.of("staff"), Map.of("email_verified", true)), "no-role");
	}

	@Test
	void someoneWhoseEmailTheProviderHasNotVerifiedIsNotLetIn() {
		refused(signInAtProvider(List.of("cp-venue-hosts"), Map.of()), "unverified-email");
		refused(signInAtProvider(List.of("cp-venue-hosts"), Map.of("email_verified", false)), "unverified-email");
		refused(signInAtProvider(List.of("cp-venue-hosts"), Map.of("email_verified", "no")), "unverified-email");
	}

	@Test
	void aReferrerIsLetInOnlyWithAnOrganisationCodeThatLooksLikeOne() {
		for (Object organisation : List.of("", " ", "C88001; DROP", "c88001 ", "C".repeat(200), "C8800\u0000", 88001,
				List.of("C88001", "Y05118"))) {
			refused(signInAtProvider(List.of("referrer"), Map.of("email_verified", true, "organisation", organisation)),
					"organisation");
		}
		refused(signInAtProvider(List.of("referrer"), Map.of("email_verified", true)), "organisation");
		refused(signInAtProvider(List.of("referrer"),
				Map.of("email_verified", true, "organisation", "C88001", "organisation_name", "Surgery\u0000")),
				"organisation");
		refused(signInAtProvider(List.of("cp-venue-hosts"), Map.of("email_verified", true, "organisation", "none of it")),
				"organisation");

		EntityExchangeResult<byte[]> back = signInAtProvider(List.of("referrer"),
				Map.of("email_verified", true, "organisation", "C88001", "organisation_name", "Hillsborough Surgery"));
		assertThat(back.getResponseHeaders().getLocation()).hasToString("/");
		http.get().uri("/api/me").cookie("SESSION", back.getResponseCookies().getFirst("SESSION").getValue()).exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.role").isEqualTo("referrer")
			.jsonPath("$.organisation").isEqualTo("C88001")
			.jsonPath("$.organisationName").isEqualTo("Hillsborough Surgery");
	}

	/** Sent back to the sign-in page, told why, and not signed in. */
	private void refused(EntityExchangeResult<byte[]> back, String why) {
		assertThat(back.getResponseHeaders().getLocation()).hasToString("/sign-in.html?refused=" + why);
		ResponseCookie session = back.getResponseCookies().getFirst("SESSION");
		// The problem is read whole, as a browser does: a connection with an unread answer would go
		// back to the client's pool while the gateway still writes to it, and hold up the next request
		http.get().uri("/api/me").cookie("SESSION", session == null ? "none" : session.getValue()).exchange()
			.expectStatus().isUnauthorized().expectBody(String.class);
	}

	/** The browser's round trip: to the provider, and back with a code the gateway exchanges for the ID token. */
	private EntityExchangeResult<byte[]> signInAtProvider(List<String> groups, Map<String, Object> claims) {
		EntityExchangeResult<byte[]> toProvider = http.get().uri("/oauth2/authorization/council").exchange()
			.expectStatus().isFound().expectBody().returnResult();
		Map<String, List<String>> asked = UriComponentsBuilder.fromUri(toProvider.getResponseHeaders().getLocation())
			.build().getQueryParams();
		assertThat(toProvider.getResponseHeaders().getLocation().toString()).startsWith(StandIn.url(provider) + "/authorize");
		assertThat(asked.get("client_id")).containsExactly("community-places");
		Map<String, Object> person = new HashMap<>(claims);
		person.put("nonce", decoded(asked.get("nonce").get(0)));
		person.put("groups", groups);
		nextPerson.set(person);
		String session = toProvider.getResponseCookies().getFirst("SESSION").getValue();
		return http.get()
			.uri("/login/oauth2/code/council?code=one-time-code&state={state}", decoded(asked.get("state").get(0)))
			.cookie("SESSION", session).exchange().expectStatus().isFound().expectBody().returnResult();
	}

	private static String idToken() {
		Map<String, Object> person = nextPerson.get();
		Instant now = Instant.now();
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(StandIn.url(provider))
			.subject("council-person-7")
			.audience("community-places")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("name", "Pat Landlord")
			.claim("email", "landlord@redlion.example.org");
		person.forEach(builder::claim);
		JWTClaimsSet claims = builder.build();
		try {
			SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(providerKey.getKeyID()).build(),
					claims);
			token.sign(new RSASSASigner(providerKey));
			return token.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String decoded(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static RSAKey key() {
		try {
			return new RSAKeyGenerator(2048).keyID("council-key").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
