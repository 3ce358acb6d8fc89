package org.communityplaces.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
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
 * Saying a listing is out of date, and a host confirming theirs from the page their e-mail opens,
 * need no sign-in; anyone's address gets a few of them, then waits. Nothing else opens up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.limits.open-writes-burst=3", "gateway.limits.open-writes-per-hour=1" })
@AutoConfigureWebTestClient
class OpenListingWritesTests {

	private static final List<String> reached = new CopyOnWriteArrayList<>();

	private static final HttpServer places = StandIn.start(exchange -> {
		reached.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " signed "
				+ exchange.getRequestHeaders().containsKey("Authorization") + " token "
				+ exchange.getRequestHeaders().getFirst("Confirmation-Token"));
		StandIn.answer(exchange, 200, "{}");
	});

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
	void theConfirmPageAndTheOpenWritesNeedNoSignInAndAreRateLimitedPerAddress() {
		String page = http.get().uri("/confirm-listing.html").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("Yes, still right", "<script src=\"/assets/confirm-listing.js\" defer></script>");
		String csrf = http.get().uri("/confirm-listing.html").accept(MediaType.TEXT_HTML).exchange()
			.returnResult(String.class).getResponseCookies().getFirst("XSRF-TOKEN").getValue();

		assertThat(report(csrf).exchange().expectBody(String.class).returnResult().getStatus().value()).isEqualTo(200);
		assertThat(http.post().uri("/api/places/p-1/confirmations").accept(MediaType.APPLICATION_JSON)
			.cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf).header("Confirmation-Token", "signed.by.places")
			.exchange().expectBody(String.class).returnResult().getStatus().value()).isEqualTo(200);
		assertThat(reached).containsExactly("POST /api/places/p-1/reports signed false token null",
				"POST /api/places/p-1/confirmations signed false token signed.by.places");

		assertThat(report(csrf).exchange().expectBody(String.class).returnResult().getStatus().value()).isEqualTo(200);
		report(csrf).exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().exists("Retry-After")
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").isEqualTo("Too many reports and confirmations from this address. Try again later.");
		assertThat(reached).hasSize(3);
	}

	@Test
	void onlyThoseTwoWritesAreOpen() {
		assertThat(http.get().uri("/api/places/p-1/reports").exchange().expectBody(String.class).returnResult()
			.getStatus().value()).isEqualTo(401);
		http.get().uri("/listings.html").header("Sec-Fetch-Mode", "navigate").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound();
		assertThat(reached).noneMatch(request -> request.startsWith("GET"));
	}

	private WebTestClient.RequestHeadersSpec<?> report(String csrf) {
		return http.post().uri("/api/places/p-1/reports").contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf)
			.bodyValue("{\"problem\": \"closed\"}");
	}

}
