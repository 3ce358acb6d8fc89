package org.communityplaces.referrals.place;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The place look-up over real HTTP, and what referrers get when the catalogue fails. */
class PlaceDirectoryTests {

	private final AtomicInteger requests = new AtomicInteger();

	private HttpServer catalogue;

	@AfterEach
	void stop() {
		if (catalogue != null) {
			catalogue.stop(0);
		}
	}

	@Test
	void aKnownPlaceIsFoundAndAnUnknownOneIsEmpty() throws IOException {
		PlaceDirectory directory = directoryAt(catalogueAnswering(200, """
				{"id":"p1","name":"The Red Lion","kind":"PUB","host":{"name":"Sam","email":"landlord@redlion.example.org"}}
				"""));
		assertThat(directory.find("p1")).hasValueSatisfying(place -> {
			assertThat(place.name()).isEqualTo("The Red Lion");
			assertThat(place.hostEmail()).isEqualTo("landlord@redlion.example.org");
		});

		catalogue.stop(0);
		assertThat(directoryAt(catalogueAnswering(404, "{\"status\":404}")).find("p2")).isEmpty();
	}

	@Test
	void aCatalogueThatDoesNotAnswerIsA503WithARetryHint() throws IOException {
		PlaceDirectory directory = directoryAt("http://127.0.0.1:" + closedPort());
		assertThatExceptionOfType(PlaceDirectory.PlacesUnavailable.class).isThrownBy(() -> directory.find("p1"))
			.satisfies(problem -> {
				assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("5");
			});
	}

	@Test
	void afterRepeatedFailuresTheCircuitOpensAndTheCatalogueIsNoLongerCalled() throws IOException {
		PlaceDirectory directory = directoryAt(catalogueAnswering(500, "{}"));
		for (int call = 0; call < 6; call++) {
			assertThatExceptionOfType(PlaceDirectory.PlacesUnavailable.class).isThrownBy(() -> directory.find("p1"));
		}
		assertThat(requests).hasValue(4);
	}

	private String catalogueAnswering(int status, String body) throws IOException {
		catalogue = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		catalogue.createContext("/api/places/", exchange -> {
			requests.incrementAndGet();
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		catalogue.start();
		return "http://127.0.0.1:" + catalogue.getAddress().getPort();
	}

	private static PlaceDirectory directoryAt(String baseUrl) {
		CircuitBreakerConfig opensAfterFourFailures = CircuitBreakerConfig.custom()
			.slidingWindowSize(4)
			.minimumNumberOfCalls(4)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofMinutes(1))
			.build();
		Resilience4JCircuitBreakerFactory circuitBreakers = new Resilience4JCircuitBreakerFactory(
				CircuitBreakerRegistry.of(opensAfterFourFailures), TimeLimiterRegistry.ofDefaults(), null);
		return new PlaceDirectory(RestClient.builder(), circuitBreakers, baseUrl, Duration.ofSeconds(1),
				Duration.ofSeconds(2));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
