package org.communityplaces.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
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
import static org.awaitility.Awaitility.await;

/**
 * A service that stops, or hangs, is answered for by the gateway: a 503 with a retry hint
 * within the route's time limit; after repeated failures the circuit opens, and once the
 * service is back it closes again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "resilience4j.circuitbreaker.instances.notifications.sliding-window-size=4",
				"resilience4j.circuitbreaker.instances.notifications.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.instances.notifications.wait-duration-in-open-state=1s",
				"resilience4j.circuitbreaker.instances.notifications.permitted-number-of-calls-in-half-open-state=1",
				"resilience4j.timelimiter.instances.places.timeout-duration=1s" })
@AutoConfigureWebTestClient
class GatewayResilienceTests {

	private static final int NOTIFICATIONS_PORT = StandIn.closedPort();

	private static final CountDownLatch never = new CountDownLatch(1);

	private static final HttpServer hangingPlaces = StandIn.start(exchange -> {
		try {
			never.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	});

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("services.notification-url", () -> "http://127.0.0.1:" + NOTIFICATIONS_PORT);
		registry.add("services.places-url", () -> StandIn.url(hangingPlaces));
	}

	WebTestClient http;

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	void signedIn(WebTestClient client) {
		this.http = client.mutate().defaultHeaders(headers -> headers.setBasicAuth("sam", "test-password")).build();
	}

	@AfterAll
	static void stop() {
		never.countDown();
		hangingPlaces.stop(0);
	}

	@Test
	void aServiceThatHangsIsA503WithinTheTimeLimit() {
		http.mutate()
			.responseTimeout(Duration.ofSeconds(5))
			.build()
			.get()
			.uri("/oruk/services")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value(detail -> assertThat((String) detail).contains("Nothing was changed"));
	}

	@Test
	void aWriteThatTimesOutSaysItsOutcomeIsUnknownAndHowToRetrySafely() {
		for (var write : List.of(http.post().uri("/api/places"), http.put().uri("/api/places/p-1"),
				http.patch().uri("/api/places/p-1"))) {
			write.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.detail")
				.value(detail -> assertThat((String) detail).doesNotContain("Nothing was changed")
					.contains("may or may not", "same Idempotency-Key"));
		}
		http.delete().uri("/api/places/p-1").exchange().expectStatus().isEqualTo(503).expectBody()
			.jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("may or may not"));
	}

	@Test
	void theCircuitOpensWhileAServiceIsDownAndClosesOnceItIsBack() {
		CircuitBreaker circuit = circuitBreakers.circuitBreaker("notifications");
		for (int call = 0; call < 4; call++) {
			http.get().uri("/api/notifications/inbox").exchange().expectStatus().isEqualTo(503).expectBody(String.class);
		}
		assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		http.get().uri("/api/notifications/inbox").exchange().expectStatus().isEqualTo(503).expectBody(String.class);

		HttpServer back = startOn(NOTIFICATIONS_PORT);
		try {
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> http.get().uri("/api/notifications/inbox").exchange().expectStatus().isOk());
			assertThat(circuit.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		}
		finally {
			back.stop(0);
		}
	}

	private static HttpServer startOn(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			server.createContext("/", exchange -> StandIn.answer(exchange, 200, "[]"));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
