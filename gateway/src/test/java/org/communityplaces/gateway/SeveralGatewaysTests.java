package org.communityplaces.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances sharing one store, as behind a load balancer: a person signed in on
 * one is signed in on the other, signing out on either ends it on both, a person's allowance
 * is one allowance whichever instance counts it, and so is the count of wrong passwords.
 */
class SeveralGatewaysTests {

	private static final Map<String, String> received = new ConcurrentHashMap<>();

	private static final HttpServer services = StandIn.start(exchange -> {
		exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(), values.get(0)));
		StandIn.answer(exchange, 200, "[]");
	});

	private static List<ConfigurableApplicationContext> gateways;

	private static WebTestClient first;

	private static WebTestClient second;

	@BeforeAll
	static void startTwoGateways() {
		String store = MongoWireTestServer.databaseUri(SeveralGatewaysTests.class);
		gateways = List.of(start(store), start(store));
		first = client(gateways.get(0));
		second = client(gateways.get(1));
	}

	@AfterAll
	static void stop() {
		gateways.forEach(ConfigurableApplicationContext::close);
		services.stop(0);
	}

	@Test
	void aPersonSignedInOnOneGatewayIsSignedInOnTheOtherUntilTheySignOutOnEither() {
		String csrf = csrfFromSignInPage(first);
		EntityExchangeResult<byte[]> signedIn = first.post().uri("/sign-in").cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.body(BodyInserters.fromFormData("username", "sam").with("password", "test-password")).exchange()
			.expectStatus().isOk().expectBody().returnResult();
		String session = cookie(signedIn, "SESSION");

		second.get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.role").isEqualTo("referrer");
		received.clear();
		second.get().uri("/api/referrals").cookie("SESSION", session).exchange().expectStatus().isOk()
			.expectBody(String.class);
		assertThat(received.get("authorization")).as("the second gateway vouches for them").startsWith("Bearer ");

		second.post().uri("/sign-out").cookie("SESSION", session).cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf)
			.exchange().expectStatus().isFound().expectHeader().location("/sign-in.html?signed-out");
		first.get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isUnauthorized()
			.expectBody(String.class);
		second.get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isUnauthorized()
			.expectBody(String.class);
	}

	@Test
	void aPersonsAllowanceIsCountedAcrossBothGateways() {
		as(first, "kim").exchange().expectStatus().isOk().expectBody(String.class);
		as(second, "kim").exchange().expectStatus().isOk().expectBody(String.class);
		as(first, "kim").exchange().expectStatus().isOk().expectBody(String.class);

		as(second, "kim").exchange().expectStatus().isEqualTo(429).expectHeader().valueEquals("Retry-After", "1")
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody(String.class);
		as(first, "kim").exchange().expectStatus().isEqualTo(429).expectBody(String.class);
		as(second, "ada").exchange().expectStatus().isOk().expectBody(String.class);
	}

	@Test
	void guessesSentToEitherGatewayLockTheAccountOnBothAndAnUnlockOnOneHoldsOnBoth() {
		for (int attempt = 0; attempt < 5; attempt++) {
			String guess = "guess-" + attempt;
			(attempt % 2 == 0 ? first : second).get().uri("/api/referrals")
				.headers(headers -> headers.setBasicAuth("sam", guess)).exchange().expectStatus().isUnauthorized()
				.expectBody().jsonPath("$.detail").isEqualTo("Sign in to use this.");
		}
		for (WebTestClient gateway : List.of(first, second)) {
			gateway.get().uri("/api/referrals").headers(headers -> headers.setBasicAuth("sam", "test-password")).exchange()
				.expectStatus().isUnauthorized().expectBody().jsonPath("$.detail")
				.value(detail -> assertThat((String) detail).contains("locked"));
		}
		first.get().uri("/api/people").headers(headers -> headers.setBasicAuth("ada", "test-password")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$[?(@.username == 'sam')].lockedUntil")
			.value(locked -> assertThat(locked.toString()).contains("Z"));

		second.post().uri("/api/people/sam/unlock").headers(headers -> headers.setBasicAuth("ada", "test-password"))
			.exchange().expectStatus().isOk().expectBody(String.class);
		first.get().uri("/api/referrals").headers(headers -> headers.setBasicAuth("sam", "test-password")).exchange()
			.expectStatus().isOk().expectBody(String.class);
	}

	private static WebTestClient.RequestHeadersSpec<?> as(WebTestClient gateway, String username) {
		return gateway.get().uri("/api/referrals").headers(headers -> headers.setBasicAuth(username, "test-password"));
	}

	private static ConfigurableApplicationContext start(String store) {
		return new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.mongodb.uri=" + store,
				"--services.referral-url=" + StandIn.url(services), "--gateway.limits.per-person-burst=3",
				"--gateway.limits.per-person-per-second=1");
	}

	private static WebTestClient client(ConfigurableApplicationContext gateway) {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"))
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	private static String csrfFromSignInPage(WebTestClient gateway) {
		EntityExchangeResult<byte[]> page = gateway.get().uri("/sign-in.html").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody().returnResult();
		return cookie(page, "XSRF-TOKEN");
	}

	private static String cookie(EntityExchangeResult<?> result, String name) {
		ResponseCookie cookie = result.getResponseCookies().getFirst(name);
		assertThat(cookie).as(name + " cookie").isNotNull();
		return cookie.getValue();
	}

}
