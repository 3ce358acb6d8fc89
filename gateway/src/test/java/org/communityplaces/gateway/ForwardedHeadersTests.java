package org.communityplaces.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarded headers count only from a proxy the deployment names as trusted: on Kubernetes,
 * where Spring Boot would otherwise believe anyone, a client with no trusted proxy in front
 * cannot choose its own rate-limit key (or its scheme and host) by sending them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.cloud-platform=kubernetes", "gateway.limits.burst=3", "gateway.limits.per-second=1" })
@AutoConfigureWebTestClient
class ForwardedHeadersTests {

	@Autowired
	WebTestClient http;

	@Test
	void aClientCannotChooseItsRateLimitKeyWithForwardedHeaders() {
		for (int i = 0; i < 3; i++) {
			assertThat(fromPretendAddress(i).exchange().expectBody().returnResult().getStatus().value()).isEqualTo(404);
		}
		fromPretendAddress(3).exchange().expectStatus().isEqualTo(429).expectBody(String.class);
	}

	private WebTestClient.RequestHeadersSpec<?> fromPretendAddress(int n) {
		return http.get()
			.uri("/assets/no-such-file.js")
			.header("X-Forwarded-For", "203.0.113." + n)
			.header("Forwarded", "for=198.51.100." + n)
			.header("X-Real-IP", "192.0.2." + n);
	}

}
