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
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each route is balanced over its service's instances. An instance that is down (nothing
 * listens: a process killed) refuses the connection, so no request reached it, and every
 * request, read or change, is answered by another instance instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class BalancedRoutesTests {

	private static final List<String> referralsReceived = new CopyOnWriteArrayList<>();

	private static final List<String> placesOne = new CopyOnWriteArrayList<>();

	private static final List<String> placesTwo = new CopyOnWriteArrayList<>();

	private static final HttpServer referrals = StandIn.start(exchange -> {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		referralsReceived.add(exchange.getRequestMethod() + " " + body);
		StandIn.answer(exchange, 200, "{}");
	});

	private static final HttpServer placesFirst = StandIn.start(exchange -> {
		placesOne.add(exchange.getRequestURI().getPath());
		StandIn.answer(exchange, 200, "{}");
	});

	private static final HttpServer placesSecond = StandIn.start(exchange -> {
		placesTwo.add(exchange.getRequestURI().getPath());
		StandIn.answer(exchange, 200, "{}");
	});

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		String instances = "spring.cloud.discovery.client.simple.instances.";
		registry.add(instances + "referral-service[0].uri", () -> "http://127.0.0.1:" + StandIn.closedPort());
		registry.add(instances + "referral-service[1].uri", () -> StandIn.url(referrals));
		registry.add(instances + "places-service[0].uri", () -> StandIn.url(placesFirst));
		registry.add(instances + "places-service[1].uri", () -> StandIn.url(placesSecond));
	}

	WebTestClient http;

	@Autowired
	void signedIn(WebTestClient client) {
		this.http = client.mutate().defaultHeaders(headers -> headers.setBasicAuth("ada", "test-password")).build();
	}

	@AfterAll
	static void stop() {
		referrals.stop(0);
		placesFirst.stop(0);
		placesSecond.stop(0);
	}

	@BeforeEach
	void forget() {
		referralsReceived.clear();
	}

	@Test
	void everyRequestIsAnsweredByTheInstanceThatIsUpWhateverItsMethod() {
		for (int request = 0; request < 6; request++) {
			http.get().uri("/api/referrals/r-" + request).exchange().expectStatus().isOk().expectBody(String.class);
			http.post().uri("/api/referrals").header("Idempotency-Key", "k-" + request)
				.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"n\":" + request + "}").exchange()
				.expectStatus().isOk().expectBody(String.class);
			http.delete().uri("/api/referrals/r-" + request).exchange().expectStatus().isOk().expectBody(String.class);
		}
		assertThat(referralsReceived).as("each sent once, a change with its body whole").hasSize(18)
			.contains("POST {\"n\":0}", "POST {\"n\":5}", "GET ", "DELETE ");
	}

	@Test
	void requestsAreSharedBetweenTheInstances() {
		for (int request = 0; request < 10; request++) {
			http.get().uri("/api/places/p-" + request).exchange().expectStatus().isOk().expectBody(String.class);
		}
		assertThat(placesOne).hasSizeGreaterThanOrEqualTo(4);
		assertThat(placesTwo).hasSizeGreaterThanOrEqualTo(4);
	}

}
