package org.communityplaces.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A client address that spends its burst is told to wait, before anything reaches a service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.limits.burst=5", "gateway.limits.per-second=1" })
@AutoConfigureWebTestClient
class RateLimitTests {

	@Autowired
	WebTestClient http;

	@Test
	void aClientOverItsRateIsA429ProblemWithARetryHint() {
		for (int i = 0; i < 5; i++) {
			assertThat(http.get().uri("/no/such/route").exchange().expectBody(String.class).returnResult().getStatus().value())
				.as("refused for want of sign-in, not for the rate")
				.isEqualTo(401);
		}
		http.get()
			.uri("/no/such/route")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.valueEquals("Retry-After", "1")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Too many requests");
	}

}
