package org.communityplaces.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy surgery's searches all reach the service, however many are in flight at once: the
 * gateway turns none away as "not answering" while the service is answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentSearchesTests {

	private static final int AT_ONCE = 30;

	private static final CountDownLatch allArrived = new CountDownLatch(AT_ONCE);

	/** Answers once all the searches are in, so they are all in flight at the same time. */
	private static final HttpServer places = startPlaces();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("services.places-url", () -> StandIn.url(places));
	}

	@LocalServerPort
	int port;

	@AfterAll
	static void stop() {
		places.stop(0);
	}

	@Test
	void thirtySearchesAtOnceAllReachTheService() {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest search = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/places/search?postcode=S6"))
			.build();
		List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, AT_ONCE)
			.mapToObj(i -> client.sendAsync(search, HttpResponse.BodyHandlers.ofString()))
			.toList();
		assertThat(answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).hasSize(AT_ONCE)
			.containsOnly(200);
	}

	private static HttpServer startPlaces() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newFixedThreadPool(AT_ONCE));
			server.createContext("/", exchange -> {
				allArrived.countDown();
				try {
					allArrived.await(3, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				StandIn.answer(exchange, 200, "{\"total\":0,\"hits\":[]}");
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
