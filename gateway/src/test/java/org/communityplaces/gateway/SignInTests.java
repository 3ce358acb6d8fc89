package org.communityplaces.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in at the gateway, and what the services are told: only what the gateway vouches for,
 * never what a client claims. A real HTTP server stands in for the services and keeps the
 * headers it was sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SignInTests {

	private static final Map<String, String> received = new ConcurrentHashMap<>();

	private static final HttpServer services = StandIn.start(exchange -> {
		exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(), values.get(0)));
		StandIn.answer(exchange, 200, "[]");
	});

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		String url = StandIn.url(services);
		registry.add("services.places-url", () -> url);
		registry.add("services.referral-url", () -> url);
		registry.add("gateway.pages.dashboards[0].name", () -> "Uptake");
		registry.add("gateway.pages.dashboards[0].description", () -> "the funnel over time");
		registry.add("gateway.pages.dashboards[0].address", () -> "https://grafana.example.org/d/uptake");
		registry.add("gateway.pages.dashboards[1].name", () -> "Operations");
		registry.add("gateway.pages.dashboards[1].description", () -> "request rates and errors");
		registry.add("gateway.pages.dashboards[1].address", () -> "https://grafana.example.org/d/operations");
	}

	@Autowired
	WebTestClient http;

	@AfterAll
	static void stop() {
		services.stop(0);
	}

	@BeforeEach
	void forget() {
		received.clear();
	}

	@Test
	void withoutSigningInOnlyTheOpenReadApisAnswer() {
		http.get().uri("/api/referrals").exchange().expectStatus().isUnauthorized().expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON).expectHeader()
			.valueEquals("WWW-Authenticate", "Basic realm=\"Community places\"");
		assertThat(received).isEmpty();
		http.get().uri("/oruk/services").exchange().expectStatus().isOk().expectBody(String.class);
		http.get().uri("/api/places/search?q=pub").exchange().expectStatus().isOk().expectBody(String.class);
		assertThat(received).doesNotContainKey("authorization");
	}

	@Test
	void anOpenReadWithCredentialsIsStillSignedIn() {
		// Reads of open paths without credentials skip the security chain; with them, they do not
		http.get().uri("/api/places/search?q=pub").headers(headers -> headers.setBasicAuth("sam", "test-password"))
			.exchange().expectStatus().isOk().expectBody(String.class);
		assertThat(received.get("authorization")).as("the person is relayed to the places service").startsWith("Bearer ");
		received.clear();
		http.get().uri("/api/places/search?q=pub").headers(headers -> headers.setBasicAuth("sam", "a-wrong-password"))
			.exchange().expectStatus().isUnauthorized();
		assertThat(received).as("a wrong password is refused, not served as anyone").isEmpty();
	}

	@Test
	void aSignedInPersonReachesTheServicesAsAShortLivedSignedTokenAndTheirPasswordDoesNot() throws Exception {
		http.get()
			.uri("/api/referrals")
			.headers(headers -> headers.setBasicAuth("sam", "test-password"))
			.header("X-Caller-Role", "admin")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class);
		String authorization = received.get("authorization");
		assertThat(authorization).startsWith("Bearer ");
		http.get().uri("/api/referrals").headers(headers -> headers.setBasicAuth("sam", "test-password")).exchange()
			.expectBody(String.class);
		assertThat(received.get("authorization")).as("reused while most of its life is left").isEqualTo(authorization);

		String keys = http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
			.returnResult(String.class).getResponseBody().blockFirst();
		RSAKey key = JWKSet.parse(keys).getKeys().get(0).toRSAKey();
		assertThat(key.isPrivate()).as("only the public half is published").isFalse();
		Jwt token = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build().decode(authorization.substring(7));
		assertThat(token.getSubject()).isEqualTo("sam");
		assertThat(token.getClaimAsString("iss")).isEqualTo("community-places-gateway");
		assertThat(token.getAudience()).containsExactly("community-places");
		assertThat(token.getClaimAsString("role")).isEqualTo("referrer");
		assertThat(token.getClaimAsString("email")).isEqualTo("sam+links@surgery.example.org");
		assertThat(token.getClaimAsString("organisation")).isEqualTo("C88001");
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void aWrongPasswordIsRefusedAndFiveInARowLockTheAccount() {
		for (int attempt = 0; attempt < 5; attempt++) {
			String guess = "guess-" + attempt;
			http.get().uri("/api/referrals").headers(headers -> headers.setBasicAuth("kim", guess))
				.exchange().expectStatus().isUnauthorized().expectBody(String.class);
		}
		http.get()
			.uri("/api/referrals")
			.headers(headers -> headers.setBasicAuth("kim", "test-password"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.value(detail -> assertThat((String) detail).contains("locked"));
		assertThat(received).isEmpty();

		http.get().uri("/api/people").headers(headers -> headers.setBasicAuth("sam", "test-password"))
			.exchange().expectStatus().isForbidden().expectBody(String.class);
		http.get().uri("/api/people").headers(headers -> headers.setBasicAuth("ada", "test-password"))
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[?(@.username == 'kim')].lockedUntil").value(locked -> assertThat(locked.toString()).contains("Z"))
			.jsonPath("$[?(@.username == 'sam')].lockedUntil").value(locked -> assertThat(locked.toString()).isEqualTo("[null]"))
			.jsonPath("$[*].role").value(roles -> assertThat(roles.toString()).isEqualTo("[\"admin\",\"host\",\"referrer\"]"))
			.consumeWith(answer -> assertThat(new String(answer.getResponseBody())).doesNotContain("bcrypt", "password"));
		http.post().uri("/api/people/kim/unlock").headers(headers -> headers.setBasicAuth("ada", "test-password"))
			.exchange().expectStatus().isOk().expectBody(String.class);
		http.get().uri("/api/referrals").headers(headers -> headers.setBasicAuth("kim", "test-password"))
			.exchange().expectStatus().isOk().expectBody(String.class);
		http.post().uri("/api/people/nobody/unlock").headers(headers -> headers.setBasicAuth("ada", "test-password"))
			.exchange().expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void wrongPasswordsSentAllAtOnceAreCountedBeforeTheyAreCheckedSoNoMoreThanFiveAreTried() throws Exception {
		int guesses = 16;
		ExecutorService guessers = Executors.newFixedThreadPool(guesses);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int guess = 0; guess < guesses; guess++) {
				String password = "parallel-guess-" + guess;
				answers.add(guessers.submit(() -> new String(http.get().uri("/api/referrals")
					.headers(headers -> headers.setBasicAuth("kim", password)).exchange().expectStatus().isUnauthorized()
					.expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8)));
			}
			long tried = 0;
			for (Future<String> answer : answers) {
				tried += answer.get().contains("locked") ? 0 : 1;
			}
			assertThat(tried).as("guesses checked against the password").isEqualTo(5);
		}
		finally {
			guessers.shutdown();
			http.post().uri("/api/people/kim/unlock").headers(headers -> headers.setBasicAuth("ada", "test-password"))
				.exchange().expectStatus().isOk().expectBody(String.class);
		}
	}

	@Test
	void thePagesAreToldWhereTheConfiguredDashboardsAre() {
		http.get().uri("/api/dashboards").headers(headers -> headers.setBasicAuth("sam", "test-password"))
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[*].name").value(names -> assertThat(names.toString()).isEqualTo("[\"Uptake\",\"Operations\"]"))
			.jsonPath("$[0].description").isEqualTo("the funnel over time")
			.jsonPath("$[0].address").isEqualTo("https://grafana.example.org/d/uptake");
	}

}
