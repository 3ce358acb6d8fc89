package org.communityplaces.referrals.place;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The place look-up over real HTTP, guarded by Resilience4j, and the snapshot that stands in for it. */
class PlaceDirectoryTests {

	private static final String RED_LION = """
			{"id":"p1","version":4,"name":"The Red Lion","kind":"COMMUNITY_GROUP","status":"ACTIVE",
			 "address":{"district":"S6"},"host":{"name":"Sam","email":"landlord@redlion.example.org"},
			 "capacity":{"available":0,"maximum":10}}
			""";

	private static MongoClient client;

	private static MongoTemplate mongo;

	private final AtomicInteger requests = new AtomicInteger();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private HttpServer catalogue;

	private final ThreadPoolTaskExecutor callers = PlaceLookupConfiguration
		.lookupThreads(new ThreadPoolTaskExecutorBuilder());

	@BeforeAll
	static void store() {
		String uri = MongoWireTestServer.databaseUri(PlaceDirectoryTests.class);
		client = MongoClients.create(uri);
		mongo = new MongoTemplate(client, "PlaceDirectoryTests");
	}

	@AfterAll
	static void closeStore() {
		client.close();
	}

	@BeforeEach
	void noSnapshots() {
		mongo.remove(new Query(), PlaceSummary.class);
		callers.initialize();
	}

	@AfterEach
	void stop() {
		callers.shutdown();
		if (catalogue != null) {
			catalogue.stop(0);
		}
	}

	@Test
	void aKnownPlaceIsFoundAndKeptAndAnUnknownOneIsEmpty() throws IOException {
		PlaceDirectory directory = directoryAt(catalogueFailingFirst(0, 200, RED_LION));
		assertThat(directory.find("p1")).hasValueSatisfying(place -> {
			assertThat(place.kind()).isEqualTo("community-group");
			assertThat(place.district()).isEqualTo("S6");
			assertThat(place.area()).isEqualTo("S");
			assertThat(place.hostEmail()).isEqualTo("landlord@redlion.example.org");
			assertThat(place.acceptingReferrals()).as("no room").isFalse();
		});
		assertThat(mongo.findById("p1", PlaceSummary.class)).extracting(PlaceSummary::version).isEqualTo(4L);

		catalogue.stop(0);
		assertThat(directoryAt(catalogueFailingFirst(0, 404, "{\"status\":404}")).find("p2")).isEmpty();
	}

	/** As places-service answers a referrer: the host's name, not their work contact. */
	private static final String RED_LION_AS_A_REFERRER_SEES_IT = RED_LION.replace(",\"email\":\"landlord@redlion.example.org\"", "")
		.replace("\"version\":4", "\"version\":5");

	@Test
	void aLookUpWithoutTheHostsContactRoutesToTheHostThePlacesEventsNamedAndKeepsNothing() throws IOException {
		mongo.save(new PlaceSummary("p1", 4, "The Red Lion", "pub", "S6", "S", "landlord@redlion.example.org", true));
		PlaceDirectory directory = directoryAt(catalogueFailingFirst(0, 200, RED_LION_AS_A_REFERRER_SEES_IT));

		assertThat(directory.find("p1")).hasValueSatisfying(place -> {
			assertThat(place.hostEmail()).isEqualTo("landlord@redlion.example.org");
			assertThat(place.version()).isEqualTo(5);
			assertThat(place.acceptingReferrals()).as("the catalogue's word on room").isFalse();
		});
		assertThat(mongo.findById("p1", PlaceSummary.class)).as("the snapshot moves by events alone")
			.extracting(PlaceSummary::version)
			.isEqualTo(4L);

		mongo.remove(new Query(), PlaceSummary.class);
		assertThatExceptionOfType(PlaceDirectory.PlacesUnavailable.class).as("no host known yet: try again shortly")
			.isThrownBy(() -> directory.find("p1"));
	}

	@Test
	void aPassingFailureIsRetriedWithBackoff() throws IOException {
		PlaceDirectory directory = directoryAt(catalogueFailingFirst(2, 200, RED_LION));
		assertThat(directory.find("p1")).isPresent();
		assertThat(requests).hasValue(3);
		assertThat(meters.get("resilience4j.retry.calls").tag("kind", "successful_with_retry").functionCounter().count())
			.isEqualTo(1);
	}

	@Test
	void whenTheCatalogueIsDownTheSnapshotAnswers() throws IOException {
		mongo.save(new PlaceSummary("p1", 4, "The Red Lion", "pub", "S6", "S", "landlord@redlion.example.org", true));
		PlaceDirectory directory = directoryAt("http://127.0.0.1:" + closedPort());
		assertThat(directory.find("p1")).hasValueSatisfying(place -> assertThat(place.name()).isEqualTo("The Red Lion"));
		assertThat(meters.get("places.lookup.snapshot").counter().count()).isEqualTo(1);
	}

	@Test
	void whenTheCatalogueIsDownAndTheSnapshotHasNotHeardOfThePlaceTheAnswerIsA503WithARetryHint() throws IOException {
		PlaceDirectory directory = directoryAt("http://127.0.0.1:" + closedPort());
		assertThatExceptionOfType(PlaceDirectory.PlacesUnavailable.class).isThrownBy(() -> directory.find("p1"))
			.satisfies(problem -> {
				assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("5");
			});
	}

	@Test
	void aSlowCatalogueIsCutOffByTheTimeLimitAndTheSnapshotAnswers() throws IOException {
		mongo.save(new PlaceSummary("p1", 4, "The Red Lion", "pub", "S6", "S", "landlord@redlion.example.org", true));
		catalogue = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		CountDownLatch never = new CountDownLatch(1);
		catalogue.createContext("/api/places/", exchange -> {
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		catalogue.start();
		PlaceDirectory directory = directoryAt("http://127.0.0.1:" + catalogue.getAddress().getPort());
		long started = System.nanoTime();
		assertThat(directory.find("p1")).isPresent();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		never.countDown();
	}

	@Test
	void afterRepeatedFailuresTheCircuitOpensAndTheCatalogueIsLeftAlone() throws IOException {
		mongo.save(new PlaceSummary("p1", 4, "The Red Lion", "pub", "S6", "S", "landlord@redlion.example.org", true));
		PlaceDirectory directory = directoryAt(catalogueFailingFirst(Integer.MAX_VALUE, 200, RED_LION));
		for (int call = 0; call < 8; call++) {
			assertThat(directory.find("p1")).isPresent();
		}
		// Four failed look-ups of three attempts each open the circuit; the next four never reach the catalogue.
		assertThat(requests).hasValue(12);
		assertThat(meters.get("resilience4j.circuitbreaker.state").tag("state", "open").gauge().value()).isEqualTo(1);
	}

	@Test
	void anOlderVersionNeverReplacesANewerSnapshot() throws IOException {
		mongo.save(new PlaceSummary("p1", 9, "Renamed Red Lion", "pub", "S6", "S", "new@redlion.example.org", true));
		assertThat(directoryAt(catalogueFailingFirst(0, 200, RED_LION)).find("p1")).isPresent();
		assertThat(mongo.findById("p1", PlaceSummary.class).name()).isEqualTo("Renamed Red Lion");
	}

	private String catalogueFailingFirst(int failures, int status, String body) throws IOException {
		catalogue = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		catalogue.createContext("/api/places/", exchange -> {
			boolean fail = requests.incrementAndGet() <= failures;
			byte[] bytes = (fail ? "{}" : body).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(fail ? 500 : status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		catalogue.start();
		return "http://127.0.0.1:" + catalogue.getAddress().getPort();
	}

	private PlaceDirectory directoryAt(String baseUrl) {
		PlaceLookupConfiguration.Settings settings = new PlaceLookupConfiguration.Settings(baseUrl, Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofMillis(1500), 3, Duration.ofMillis(10), 4, 4, 50, Duration.ofMinutes(1));
		return PlaceLookupConfiguration.create(RestClient.builder(), new PlaceSnapshots(mongo), settings, meters, callers);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
