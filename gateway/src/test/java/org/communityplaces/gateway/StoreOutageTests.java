package org.communityplaces.gateway;

import com.sun.net.httpserver.HttpServer;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's store (sessions, allowances, failed sign-ins) going down takes away signing in
 * only: searches and the open APIs go on (as for anyone, if the caller has a session cookie)
 * and the gateway stays ready, while a signed-in request is a 503 to try again. A browser's session outlives the outage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class StoreOutageTests {

	private static final HttpServer services = StandIn.start(exchange -> StandIn.answer(exchange, 200, "[]"));

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("services.places-url", () -> StandIn.url(services));
		registry.add("services.referral-url", () -> StandIn.url(services));
	}

	@Autowired
	WebTestClient http;

	@Autowired
	ReactiveMongoOperations store;

	@AfterAll
	static void stop() {
		services.stop(0);
	}

	@Test
	void withTheStoreDownOnlyBrowserSessionsWaitForIt() {
		String csrf = cookie(http.get().uri("/sign-in.html").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
			.expectBody().returnResult(), "XSRF-TOKEN");
		String session = cookie(http.post().uri("/sign-in").cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf)
			.body(BodyInserters.fromFormData("username", "sam").with("password", "test-password")).exchange()
			.expectStatus().isOk().expectBody().returnResult(), "SESSION");

		MongoWireTestServer.stop();
		try {
			http.get().uri("/api/places/search?q=walk").cookie("XSRF-TOKEN", csrf).exchange().expectStatus().isOk()
				.expectBody(String.class);
			http.get().uri("/oruk/services").exchange().expectStatus().isOk().expectBody(String.class);
			// Someone still holding a session cookie searches as anyone does
			http.get().uri("/api/places/search?q=walk").cookie("SESSION", session).exchange().expectStatus().isOk()
				.expectBody(String.class);
			http.get().uri("/readyz").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");

			http.get().uri("/api/referrals").cookie("SESSION", session).exchange().expectStatus().isEqualTo(503)
				.expectHeader().valueEquals("Retry-After", "5").expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().jsonPath("$.detail")
				.value(detail -> assertThat((String) detail).startsWith("Signing in is not available just now.")
					.contains("Nothing was changed"));
			// Wrong passwords cannot be counted, so none is checked
			http.get().uri("/api/referrals").headers(headers -> headers.setBasicAuth("kim", "test-password")).exchange()
				.expectStatus().isEqualTo(503).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody(String.class);
		}
		finally {
			MongoWireTestServer.start();
		}
		http.get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.role").isEqualTo("referrer");
	}

	@Test
	void searchesAndTheOpenApisLeaveNothingInTheStore() {
		long kept = kept();
		for (int search = 0; search < 3; search++) {
			http.get().uri("/api/places/search?q=walk").exchange().expectStatus().isOk().expectBody(String.class);
			http.get().uri("/oruk/services").exchange().expectStatus().isOk().expectBody(String.class);
		}
		assertThat(kept()).as("sessions and allowances kept").isEqualTo(kept);
	}

	private long kept() {
		return Flux.just("sessions", "allowances").flatMap(collection -> store.count(new Query(), collection))
			.reduce(0L, Long::sum).block();
	}

	private static String cookie(EntityExchangeResult<?> result, String name) {
		ResponseCookie cookie = result.getResponseCookies().getFirst(name);
		assertThat(cookie).as(name + " cookie").isNotNull();
		return cookie.getValue();
	}

}
