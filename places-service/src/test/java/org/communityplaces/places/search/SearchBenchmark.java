package org.communityplaces.places.search;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.communityplaces.places.geo.Postcodes;
import org.communityplaces.places.place.Place;
import org.communityplaces.places.place.Weekday;
import org.communityplaces.places.search.PlaceQuery.Near;
import org.communityplaces.places.search.PlaceQuery.OpenWindow;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search latency and index build time on synthetic UK-wide catalogues. Prints numbers; asserts
 * only that searches found something. Run with
 * {@code ./mvnw -B -DskipTests package && ./mvnw -B -pl places-service -Pbenchmark test}
 * (see docs/benchmarks.md). {@code -Dbenchmark.sizes=10000,100000} and
 * {@code -Dbenchmark.http-sizes=200000} narrow the sizes.
 */
@Tag("benchmark")
class SearchBenchmark {

	private static final int WARM_UP = 2_000;

	private static final int MEASURED = 10_000;

	private final SyntheticCatalogue catalogue = new SyntheticCatalogue(new Postcodes(), 42);

	@TempDir
	Path folder;

	@Test
	void inProcess() throws IOException {
		String sizes = System.getProperty("benchmark.sizes", "10000,100000,200000,1000000");
		System.out.println();
		System.out.println("| places | index build | index on disk | p50 | p99 | max | mean matches | p99 near a place | p99 words only, UK-wide | the same without facets, as ORUK asks |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (String size : sizes.split(",")) {
			int places = Integer.parseInt(size.strip());
			Path parent = Files.createDirectories(folder.resolve("index-" + places));
			try (PlaceIndex index = new PlaceIndex(catalogue.taxonomies(), parent)) {
				long started = System.nanoTime();
				index.rebuild(catalogue.places(places));
				double buildSeconds = (System.nanoTime() - started) / 1e9;
				SplittableRandom random = new SplittableRandom(7);
				for (int i = 0; i < WARM_UP; i++) {
					index.search(query(random).query());
				}
				long[] nanos = new long[MEASURED];
				List<Long> near = new ArrayList<>();
				List<Long> nationwide = new ArrayList<>();
				List<Long> nationwideWithoutFacets = new ArrayList<>();
				long matches = 0;
				for (int i = 0; i < MEASURED; i++) {
					RandomQuery asked = query(random);
					PlaceQuery query = asked.query();
					long start = System.nanoTime();
					SearchResults results = index.search(query);
					nanos[i] = System.nanoTime() - start;
					(query.near() != null ? near : nationwide).add(nanos[i]);
					matches += results.total();
					if (query.near() == null) {
						start = System.nanoTime();
						index.search(asked.withoutFacets());
						nationwideWithoutFacets.add(System.nanoTime() - start);
					}
				}
				assertThat(matches).isPositive();
				System.out.printf(Locale.ROOT, "| %,d | %.1f s | %d MB | %s | %s | %s | %d | %s | %s | %s |%n", places,
						buildSeconds, folderSize(parent) / 1_000_000, millis(nanos, 0.50), millis(nanos, 0.99),
						millis(nanos, 1.0), matches / MEASURED, millis(near, 0.99), millis(nationwide, 0.99),
						millis(nationwideWithoutFacets, 0.99));
			}
		}
	}

	/**
	 * places-service and the gateway as their own JVMs, as deployed; MongoDB-wire store, Kafka
	 * and the client in this one. The index is built by places-service at start, from MongoDB.
	 */
	@Test
	void overHttpDirectAndThroughTheGateway() throws Exception {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1, "place-events");
		kafka.afterPropertiesSet();
		try {
			System.out.println();
			System.out.println("| places | loaded into MongoDB | index built from MongoDB | direct p50 | direct p99 | gateway p50 | gateway p99 | places-service's own mean |");
			System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
			for (String size : System.getProperty("benchmark.http-sizes", "10000,100000,200000,1000000").split(",")) {
				overHttp(Integer.parseInt(size.strip()), kafka);
			}
		}
		finally {
			kafka.destroy();
		}
	}

	/**
	 * places-service and the gateway as their own JVMs, as deployed; MongoDB-wire store, Kafka
	 * and the client in this one. places-service builds its index from MongoDB at start.
	 */
	private void overHttp(int size, EmbeddedKafkaKraftBroker kafka) throws Exception {
		String mongoUri = MongoWireTestServer.databaseUri(SearchBenchmark.class) + size;
		MongoTemplate mongo = new MongoTemplate(new SimpleMongoClientDatabaseFactory(mongoUri));
		Process places = null;
		Process gateway = null;
		try {
			long loading = System.nanoTime();
			List<Place> batch = new ArrayList<>();
			try (Stream<Place> generated = catalogue.places(size)) {
				generated.forEach(place -> {
					batch.add(place);
					if (batch.size() == 5_000) {
						mongo.insert(batch, Place.class);
						batch.clear();
					}
				});
			}
			mongo.insert(batch, Place.class);
			double loadSeconds = (System.nanoTime() - loading) / 1e9;
			HttpClient http = HttpClient.newHttpClient();
			int placesPort = freePort();
			places = start(jar("places-service"), "places-service-" + size, "--server.port=" + placesPort,
					"--spring.mongodb.uri=" + mongoUri, "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
					"--places.topic.partitions=1");
			awaitReady(http, placesPort);
			int gatewayPort = freePort();
			gateway = start(jar("gateway"), "gateway-" + size, "--server.port=" + gatewayPort,
					"--services.places-url=http://127.0.0.1:" + placesPort);
			awaitReady(http, gatewayPort);
			httpLatency(http, placesPort, 1_000);
			httpLatency(http, gatewayPort, 1_000);
			long[] direct = httpLatency(http, placesPort, 5_000);
			long[] throughGateway = httpLatency(http, gatewayPort, 5_000);
			String searches = "uri=\"/api/places/search\"";
			double serverSeconds = Double.parseDouble(metric(http, placesPort, "http_server_requests_seconds_sum", searches));
			double serverCount = Double.parseDouble(metric(http, placesPort, "http_server_requests_seconds_count", searches));
			System.out.printf(Locale.ROOT, "| %,d | %.1f s | %.1f s | %s | %s | %s | %s | %.2f ms |%n", size,
					loadSeconds, Double.parseDouble(metric(http, placesPort, "places_index_rebuild_seconds_sum", "")),
					millis(direct, 0.50), millis(direct, 0.99), millis(throughGateway, 0.50),
					millis(throughGateway, 0.99), serverSeconds / serverCount * 1000);
		}
		finally {
			for (Process process : new Process[] { gateway, places }) {
				if (process != null) {
					process.destroy();
					process.waitFor();
				}
			}
			mongo.getDb().drop();
		}
	}

	private Process start(Path jar, String name, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-jar", jar.toString(), "--logging.level.root=WARN"));
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(folder.resolve(name + ".log").toFile())
			.start();
	}

	private static Path jar(String module) {
		Path jar = Path.of("..", module, "target", module + ".jar").toAbsolutePath().normalize();
		assertThat(jar).as("build the jars first: ./mvnw -B -DskipTests package").exists();
		return jar;
	}

	private static String metric(HttpClient http, int port, String name, String labelled) throws Exception {
		String exposition = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		return exposition.lines()
			.filter(line -> line.startsWith(name) && line.contains(labelled))
			.map(line -> line.substring(line.lastIndexOf(' ') + 1))
			.findFirst()
			.orElse("NaN");
	}

	private long[] httpLatency(HttpClient http, int port, int count) throws Exception {
		SplittableRandom random = new SplittableRandom(11);
		long[] nanos = new long[count];
		for (int i = 0; i < count; i++) {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/places/search?" + query(random).queryString()))
				.build();
			long start = System.nanoTime();
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			nanos[i] = System.nanoTime() - start;
			assertThat(response.statusCode()).isEqualTo(200);
		}
		return nanos;
	}

	/**
	 * What referrers ask: near someone's home most of the time, with one or two things that matter
	 * to them, and the facet counts the referrers' search answers with unless told not to.
	 */
	private RandomQuery query(SplittableRandom random) {
		PlaceQuery.Builder query = PlaceQuery.builder().facets(true);
		Near near = null;
		StringBuilder url = new StringBuilder("size=20");
		if (random.nextInt(10) < 8) {
			double[] home = catalogue.somewhere(random);
			near = new Near(home[0], home[1], 5_000);
			query.near(near);
			url.append("&lat=").append(home[0]).append("&lon=").append(home[1]).append("&radius=5000");
		}
		if (near == null || random.nextInt(5) == 0) {
			String text = List.of("gardening", "walk", "singing", "coffee", "knit", "lunch", "games", "history")
				.get(random.nextInt(8));
			query.text(text);
			url.append("&q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
		}
		if (random.nextBoolean()) {
			String activity = catalogue.randomActivity(random);
			query.activities(Set.of(activity));
			url.append("&activity=").append(activity);
		}
		if (random.nextInt(10) < 3) {
			String need = catalogue.randomAccessibility(random);
			query.accessibility(Set.of(need));
			url.append("&accessibility=").append(need);
		}
		if (random.nextInt(10) < 3) {
			Weekday day = Weekday.values()[random.nextInt(5)];
			query.open(new OpenWindow(List.of(day), 9 * 60, 12 * 60, true));
			url.append("&day=").append(day).append("&from=09:00&to=12:00");
		}
		if (random.nextInt(10) < 2) {
			query.free(true);
			url.append("&free=true");
		}
		if (random.nextInt(10) < 3) {
			query.hasCapacity(true);
			url.append("&hasCapacity=true");
		}
		return new RandomQuery(query.build(), query.facets(false).build(), url.toString());
	}

	private record RandomQuery(PlaceQuery query, PlaceQuery withoutFacets, String queryString) {
	}

	private static String millis(long[] nanos, double quantile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return String.format(Locale.ROOT, "%.2f ms", sorted[Math.max(0, index)] / 1e6);
	}

	private static String millis(List<Long> nanos, double quantile) {
		return millis(nanos.stream().mapToLong(Long::longValue).toArray(), quantile);
	}

	private static long folderSize(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitReady(HttpClient http, int port) {
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
	}

}
