package org.communityplaces.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in person who spends their burst is told to wait; someone else at the same address is not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.limits.per-person-burst=3", "gateway.limits.per-person-per-second=1" })
@AutoConfigureWebTestClient
class PersonRateLimitTests {

	private static final HttpServer places = StandIn.start(exchange -> StandIn.answer(exchange, 200, "{}"));

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("services.places-url", () -> StandIn.url(places));
	}

	@Autowired
	WebTestClient http;

	@AfterAll
	static void stop() {
		places.stop(0);
	}

	@Test
	void aPersonOverTheirRateIsA429AndSomeoneElseIsNot() {
		for (int i = 0; i < 3; i++) {
			assertThat(as("kim").exchange().expectBody(String.class).returnResult().getStatus().value()).isEqualTo(200);
		}
		as("kim").exchange().expectStatus().isEqualTo(429).expectHeader().valueEquals("Retry-After", "1");
		as("sam").exchange().expectStatus().isOk().expectBody(String.class);
	}

	private WebTestClient.RequestHeadersSpec<?> as(String username) {
		return http.get().uri("/api/places/p-1").headers(headers -> headers.setBasicAuth(username, "test-password"));
	}

}
