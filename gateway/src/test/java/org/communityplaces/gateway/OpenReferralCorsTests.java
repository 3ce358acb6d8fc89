package org.communityplaces.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Open Referral UK read API through the gateway as a page on another site reads it: the
 * browser's preflight is answered with the CORS headers for every {@code /oruk} path, and
 * every answer carries one {@code Access-Control-Allow-Origin: *}, the service's and the
 * gateway's never doubled. The edge's protections stay as they are for preflights and for
 * every other address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class OpenReferralCorsTests {

	private static final String SITE = "https://directory.council.example.gov.uk";

	private static final List<String> received = new CopyOnWriteArrayList<>();

	/** Answers as places-service does: every /oruk answer, errors included, allows every origin. */
	private static final HttpServer places = StandIn.start(exchange -> {
		received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
		exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
		StandIn.answer(exchange, exchange.getRequestURI().getPath().endsWith("/missing") ? 404 : 200, "{}");
	});

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("services.places-url", () -> StandIn.url(places));
		registry.add("services.referral-url", () -> StandIn.url(places));
	}

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	@AfterAll
	static void stop() {
		places.stop(0);
	}

	@BeforeEach
	void forget() {
		received.clear();
	}

	@Test
	void aBrowsersPreflightToAnyOpenReferralPathIsAnsweredWithTheCorsHeaders() {
		for (String path : List.of("/oruk", "/oruk/", "/oruk/services", "/oruk/services/s-1",
				"/oruk/service_at_locations/l-1", "/oruk/taxonomy_terms", "/oruk/no/such/path")) {
			http.options()
				.uri(path)
				.header("Origin", SITE)
				.header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "accept")
				.exchange()
				.expectStatus()
				.value(status -> assertThat(status).as(path).isIn(200, 204))
				.expectHeader()
				.valueEquals("Access-Control-Allow-Origin", "*")
				.expectHeader()
				.value("Access-Control-Allow-Methods", methods -> assertThat(methods).as(path).contains("GET"))
				.expectHeader()
				.value("Access-Control-Allow-Headers", headers -> assertThat(headers).as(path).isNotBlank());
		}
	}

	@Test
	void everyAnswerCarriesOneAllowOriginWithOrWithoutAnOriginErrorsIncluded() {
		http.get().uri("/oruk/services").header("Origin", SITE).exchange().expectStatus().isOk().expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "*");
		http.get().uri("/oruk/services").exchange().expectStatus().isOk().expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "*");
		http.get().uri("/oruk/services/missing").header("Origin", SITE).exchange().expectStatus().isNotFound()
			.expectHeader().valueEquals("Access-Control-Allow-Origin", "*");
		assertThat(received).contains("GET /oruk/services", "GET /oruk/services/missing");
	}

	@Test
	void theEdgesProtectionsStayForPreflightsAndEveryOtherAddress() {
		http.options()
			.uri("/api/referrals")
			.header("Origin", SITE)
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin");
		http.get().uri("/api/places/search?postcode=S6").header("Origin", SITE).exchange().expectHeader()
			.doesNotExist("Access-Control-Allow-Methods");

		RawHttp.Answer withBody = RawHttp.send(port, "OPTIONS /oruk/services HTTP/1.1\r\nOrigin: " + SITE
				+ "\r\nAccess-Control-Request-Method: GET\r\nContent-Length: 2", "{}".getBytes(StandardCharsets.UTF_8));
		assertThat(withBody.status()).isEqualTo(413);
		assertThat(withBody.isProblem()).isTrue();

		RawHttp.Answer notPlain = RawHttp.send(port,
				"OPTIONS /oruk/%2e%2e/actuator/prometheus HTTP/1.1\r\nOrigin: " + SITE
						+ "\r\nAccess-Control-Request-Method: GET");
		assertThat(notPlain.status()).isEqualTo(400);
		assertThat(notPlain.isProblem()).isTrue();
		assertThat(received).noneMatch(request -> request.startsWith("OPTIONS"));
	}

}
