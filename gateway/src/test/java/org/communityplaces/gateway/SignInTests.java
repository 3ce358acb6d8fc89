package org.communityplaces.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
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
		http.get().uri("/oruk/services").exchange().expectStatus().isOk();
		http.get().uri("/api/places/search?q=pub").exchange().expectStatus().isOk();
		assertThat(received).doesNotContainKey("x-caller-id");
	}

	@Test
	void aSignedInPersonIsVouchedForAndNothingAClientClaimsGetsThrough() {
		http.get()
			.uri("/api/referrals")
			.headers(headers -> headers.setBasicAuth("sam", "test-password"))
			.header("X-Caller-Role", "admin")
			.header("X-Caller-Organisation", "SOMEONE-ELSE")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(received).containsEntry("x-caller-id", "sam")
			.containsEntry("x-caller-role", "referrer")
			.containsEntry("x-caller-name", "Sam%20Link")
			.containsEntry("x-caller-email", "sam%2Blinks%40surgery.example.org")
			.containsEntry("x-caller-organisation", "C88001")
			.doesNotContainKey("authorization");
	}

	@Test
	void aWrongPasswordIsRefusedAndFiveInARowLockTheAccount() {
		for (int attempt = 0; attempt < 5; attempt++) {
			String guess = "guess-" + attempt;
			http.get().uri("/api/referrals").headers(headers -> headers.setBasicAuth("kim", guess))
				.exchange().expectStatus().isUnauthorized();
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
	}

}
