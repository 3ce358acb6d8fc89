package org.communityplaces.gateway;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
 * The FHIR API is routed to referral-service as the referrals API is: with the gateway's own
 * token for a signed-in caller, and never reached by anyone unsigned.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class FhirRouteTests {

	private static final AtomicInteger reached = new AtomicInteger();

	private static final AtomicReference<String> authorization = new AtomicReference<>();

	private static final HttpServer referrals = StandIn.start(exchange -> {
		reached.incrementAndGet();
		authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
		StandIn.answer(exchange, 200, "{\"resourceType\":\"CapabilityStatement\",\"path\":\""
				+ exchange.getRequestURI().getPath() + "\"}");
	});

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("services.referral-url", () -> StandIn.url(referrals));
	}

	@AfterAll
	static void stop() {
		referrals.stop(0);
	}

	@BeforeEach
	void nothingReachedYet() {
		reached.set(0);
		authorization.set(null);
	}

	@Test
	void aSignedInCallReachesReferralServiceWithTheGatewaysToken(@Autowired WebTestClient client) {
		WebTestClient signedIn = client.mutate().defaultHeaders(headers -> headers.setBasicAuth("sam", "test-password"))
			.build();
		for (String path : new String[] { "/fhir/metadata", "/fhir/Task", "/fhir/$completed-referrals" }) {
			signedIn.get()
				.uri(path)
				.accept(MediaType.parseMediaType("application/fhir+json"))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.path")
				.isEqualTo(path);
			assertThat(authorization.get()).startsWith("Bearer ");
		}
	}

	@Test
	void anUnsignedCallIsRefusedAndNeverReachesReferralService(@Autowired WebTestClient anonymous) {
		anonymous.get().uri("/fhir/metadata").exchange().expectStatus().isUnauthorized().expectBody(String.class);
		anonymous.get().uri("/fhir/ServiceRequest/abc").exchange().expectStatus().isUnauthorized().expectBody(String.class);
		// A change sent with no credentials is taken for a browser's, which first needs its CSRF token
		anonymous.post()
			.uri("/fhir/ServiceRequest")
			.contentType(MediaType.parseMediaType("application/fhir+json"))
			.bodyValue("{\"resourceType\": \"ServiceRequest\"}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody(String.class);
		assertThat(reached).hasValue(0);
	}

}
