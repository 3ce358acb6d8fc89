package org.communityplaces.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes reach the service behind them; a service that does not answer gives callers a 503
 * problem they can act on, with a retry hint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTests {

	private static final HttpServer places = StandIn.start(exchange -> {
		String query = exchange.getRequestURI().getRawQuery();
		if (query != null && query.contains("NaN")) {
			byte[] problem = "{\"title\":\"Internal Server Error\",\"status\":500}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
			exchange.sendResponseHeaders(500, problem.length);
			exchange.getResponseBody().write(problem);
			exchange.close();
			return;
		}
		StandIn.answer(exchange, 200, "{\"id\":\"p-1\",\"path\":\"" + exchange.getRequestURI().getPath() + "\"}");
	});

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("services.places-url", () -> StandIn.url(places));
		registry.add("services.referral-url", () -> "http://127.0.0.1:" + StandIn.closedPort());
	}

	WebTestClient http;

	@LocalManagementPort
	int managementPort;

	@Autowired
	void signedIn(WebTestClient client) {
		this.http = client.mutate().defaultHeaders(headers -> headers.setBasicAuth("sam", "test-password")).build();
	}

	@AfterAll
	static void stop() {
		places.stop(0);
	}

	@Test
	void aRequestIsRoutedToItsService() {
		http.get().uri("/api/places/p-1").exchange().expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo("p-1");
	}

	@Test
	void theOpenReferralReadApiIsRoutedToThePlacesCatalogueForReadingOnly() {
		http.get().uri("/oruk/services").exchange().expectStatus().isOk().expectBody().jsonPath("$.path")
			.isEqualTo("/oruk/services");
		http.post().uri("/oruk/services").exchange().expectStatus().isNotFound().expectBody(String.class);
	}

	@Test
	void aServiceThatDoesNotAnswerIsA503ProblemWithARetryHint() {
		http.post()
			.uri("/api/referrals")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Service unavailable")
			.jsonPath("$.detail")
			.value(detail -> assertThat((String) detail).contains("Nothing was changed"));
	}

	@Test
	void anErrorOnAnOpenRouteReachesTheCallerAsItsRealStatusNeverAsNotSignedIn(@Autowired WebTestClient anonymous) {
		anonymous.get().uri("/api/places/search?postcode=S6&radius=NaN").exchange().expectStatus().isEqualTo(500)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		anonymous.get().uri("/oruk/services?modified_after=NaN").exchange().expectStatus().isEqualTo(500).expectBody(String.class);
	}

	@Test
	void onlyHealthIsOnThePublicPortTheRestOfTheActuatorOnTheManagementPort(@Autowired WebTestClient anonymous) {
		anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound().expectBody(String.class);
		for (String endpoint : List.of("/actuator/prometheus", "/actuator/gateway/routes", "/actuator/metrics",
				"/actuator/info", "/actuator")) {
			http.get().uri(endpoint).exchange().expectStatus().isNotFound().expectBody(String.class);
		}
		// A load balancer's probe is not signed in
		anonymous.get().uri("/readyz").exchange().expectStatus().isOk().expectBody(String.class);
		anonymous.get().uri("/livez").exchange().expectStatus().isOk().expectBody(String.class);

		WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
		management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
			.value(scrape -> assertThat(scrape).contains("jvm_memory_used_bytes"));
		management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody(String.class);
	}

	@Test
	void oneSwaggerUiShowsEveryServicesOpenApiDescriptionWithoutSigningIn(@Autowired WebTestClient anonymous) {
		anonymous.get().uri("/api-docs/places").exchange().expectStatus().isOk().expectBody().jsonPath("$.path")
			.isEqualTo("/v3/api-docs");
		anonymous.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk().expectBody(String.class)
			.value(page -> assertThat(page).contains("swagger-ui"));
		anonymous.get().uri("/api-docs/gateway/swagger-config").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.urls[*].url")
			.isEqualTo(List.of("/api-docs/notifications", "/api-docs/places", "/api-docs/referrals"));
	}

	@Test
	void anAddressWithNoRouteIsA404Problem() {
		http.get()
			.uri("/no/such/route")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.instance")
			.isEqualTo("/no/such/route");
	}

}
