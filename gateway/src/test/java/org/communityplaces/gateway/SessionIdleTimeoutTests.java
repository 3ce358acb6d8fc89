package org.communityplaces.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A browser session kept in the store still ends once it has not been used for the idle timeout. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.reactive.session.timeout=2s")
@AutoConfigureWebTestClient
class SessionIdleTimeoutTests {

	@Autowired
	WebTestClient http;

	@Test
	void aSessionLeftAloneForTheIdleTimeoutIsSignedOut() {
		String csrf = cookie(http.get().uri("/sign-in.html").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectBody().returnResult(), "XSRF-TOKEN");
		String session = cookie(http.post().uri("/sign-in").cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf)
			.body(BodyInserters.fromFormData("username", "sam").with("password", "test-password")).exchange()
			.expectStatus().isOk().expectBody().returnResult(), "SESSION");
		http.get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isOk().expectBody(String.class);

		// Each look is a use, so they are further apart than the timeout
		await().pollDelay(Duration.ofSeconds(3)).pollInterval(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> http.get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus()
				.isUnauthorized().expectBody(String.class));
	}

	private static String cookie(EntityExchangeResult<?> result, String name) {
		ResponseCookie cookie = result.getResponseCookies().getFirst(name);
		assertThat(cookie).as(name + " cookie").isNotNull();
		return cookie.getValue();
	}

}
