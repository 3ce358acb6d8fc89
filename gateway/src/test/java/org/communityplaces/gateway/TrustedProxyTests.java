package org.communityplaces.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy the deployment trusts (here loopback, where the tests connect from), the
 * client is the last address that proxy saw: each client behind it gets its own rate limit,
 * and what a client wrote into {@code X-Forwarded-For} itself, to the left, is not believed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.trusted-proxies=127.0.0.1/8,10.0.0.0/8", "gateway.limits.burst=3",
				"gateway.limits.per-second=1" })
@AutoConfigureWebTestClient
class TrustedProxyTests {

	@Autowired
	WebTestClient http;

	@Test
	void eachClientBehindATrustedProxyHasItsOwnRateLimit() {
		for (int client = 0; client < 6; client++) {
			assertThat(status("203.0.113." + client)).isEqualTo(404);
		}
	}

	@Test
	void whatAClientWroteBeforeTheTrustedProxiesIsNotBelieved() {
		for (int i = 0; i < 3; i++) {
			assertThat(status("198.51.100." + i + ", 192.0.2.77, 10.1.2.3")).isEqualTo(404);
		}
		assertThat(status("198.51.100.9, 192.0.2.77, 10.1.2.3")).isEqualTo(429);
	}

	private int status(String forwardedFor) {
		return http.get()
			.uri("/assets/no-such-file.js")
			.header("X-Forwarded-For", forwardedFor)
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.value();
	}

}
