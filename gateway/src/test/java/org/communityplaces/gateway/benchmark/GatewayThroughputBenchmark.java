package org.communityplaces.gateway.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.communityplaces.gateway.GatewayApplication;
import org.communityplaces.gateway.benchmark.KeepAliveLoad.Measured;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What this gateway costs next to a stock Spring Cloud Gateway, in one run: the same trivial
 * backend asked (a) directly, (b) through a stock gateway with one route
 * ({@link StockGatewayApplication}) and (c) through this gateway with its production settings
 * and every filter, its places route pointed at the backend and only its per-address rate limit
 * raised above the load. Each gateway runs in a JVM of its own; the load (keep-alive
 * connections, one request at a time each) and the backend run in this one. Prints throughput,
 * latency and what each gateway adds to the direct path, and the CPU each spends per request.
 * <p>
 * {@code ./mvnw -B -pl gateway -am -Pbenchmark test -Dtest=GatewayThroughputBenchmark}
 */
@Tag("benchmark")
class GatewayThroughputBenchmark {

	/** The referrers' search: an open read on the places route, as most requests through the gateway are. */
	private static final String SEARCH = "/api/places/search?postcode=S6&radius=5000&kind=pub";

	private static final List<Integer> CONNECTIONS = Arrays
		.stream(System.getProperty("benchmark.connections", "4,32").split(","))
		.map(String::trim)
		.map(Integer::valueOf)
		.toList();

	/** The first period on each path also lets its JIT compile the hot code. */
	// This gateway's JIT needs some 45 s of load to settle: after 15 s its CPU per request still
	// varied from run to run between 0.31 and 1.1 ms, the stock gateway's hardly at all
	private static final Duration FIRST_WARM_UP = Duration.ofSeconds(Integer.getInteger("benchmark.first-warm-up-seconds", 45));

	private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("benchmark.warm-up-seconds", 5));

	private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 15));

	private static final Set<String> PATHS = Set.of(System.getProperty("benchmark.paths", "direct,stock,gateway").split(","));

	private static final List<String> HEAP = List.of("-Xms384m", "-Xmx512m");

	/** Libraries on this gateway's class path that the gateway starter does not bring. */
	private static final List<String> NOT_IN_THE_STARTER = List.of("spring-security-config", "spring-security-core",
			"spring-security-web", "spring-security-oauth2", "spring-boot-security", "spring-boot-actuator",
			"spring-boot-health", "spring-boot-micrometer", "spring-boot-opentelemetry", "micrometer-tracing",
			"micrometer-registry", "opentelemetry-", "prometheus-metrics", "springdoc-", "swagger-", "resilience4j-",
			"spring-cloud-circuitbreaker", "spring-cloud-starter-circuitbreaker", "spring-cloud-loadbalancer",
			"spring-cloud-starter-loadbalancer", "spring-boot-mongodb", "spring-boot-data-mongodb",
			"spring-boot-starter-data-mongodb", "spring-data-", "mongodb-", "bson", "spring-session-");

	private final Path logs = Path.of("target", "gateway-benchmark").toAbsolutePath();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void againstTheStockGateway() throws Exception {
		Files.createDirectories(logs);
		Map<String, Map<Integer, Measured>> results = new LinkedHashMap<>();
		try (FixedAnswerBackend backend = new FixedAnswerBackend()) {
			int stockPort = freePort();
			int gatewayPort = freePort();
			Process stock = null;
			Process gateway = null;
			try {
				if (PATHS.contains("stock")) {
					stock = start("stock-gateway", stockClassPath(), StockGatewayApplication.class.getName(),
							"benchmark.stock-options", "--spring.config.name=stock-gateway", "--server.port=" + stockPort,
							"--backend-url=" + backend.url());
				}
				if (PATHS.contains("gateway")) {
					gateway = start("gateway", gatewayClassPath(), GatewayApplication.class.getName(),
							"benchmark.gateway-options", "--server.port=" + gatewayPort,
							"--management.server.port=" + freePort(), "--services.places-url=" + backend.url(),
							"--gateway.limits.burst=100000", "--gateway.limits.per-second=100000");
				}
				// Both started and answering before anything is measured, so no start-up takes CPU from a measurement
				if (stock != null) {
					HttpResponse<String> answer = awaitOk(stock, stockPort, SEARCH);
					assertThat(answer.headers().firstValue("X-Correlation-Id")).as("a stock gateway adds nothing").isEmpty();
				}
				if (gateway != null) {
					awaitOk(gateway, gatewayPort, "/readyz");
					HttpResponse<String> answer = awaitOk(gateway, gatewayPort, SEARCH);
					assertThat(answer.headers().firstValue("X-Correlation-Id")).as("through this gateway's filters").isPresent();
					assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
				}
				if (PATHS.contains("direct")) {
					results.put("(a) direct", measure(backend.port(), () -> 0));
				}
				if (stock != null) {
					results.put("(b) stock Spring Cloud Gateway", measure(stockPort, cpuOf(stock)));
				}
				if (gateway != null) {
					results.put("(c) this gateway", measure(gatewayPort, cpuOf(gateway)));
				}
			}
			finally {
				stop(stock);
				stop(gateway);
			}
		}
		print(results);
	}

	private Map<Integer, Measured> measure(int port, LongSupplier cpu) throws InterruptedException {
		Map<Integer, Measured> byConnections = new LinkedHashMap<>();
		Duration warmUp = FIRST_WARM_UP;
		for (int connections : CONNECTIONS) {
			byConnections.put(connections, KeepAliveLoad.run(port, SEARCH, connections, warmUp, MEASURED, cpu));
			warmUp = WARM_UP;
		}
		return byConnections;
	}

	private static void print(Map<String, Map<Integer, Measured>> results) {
		Map<Integer, Measured> direct = results.get("(a) direct");
		System.out.printf(Locale.ROOT, "%nGateway benchmark: %s, warm-up %d s (first %d s), measured %d s per cell%n", SEARCH,
				WARM_UP.toSeconds(), FIRST_WARM_UP.toSeconds(), MEASURED.toSeconds());
		System.out.println("| connections | path | throughput | p50 | p99 | added p50 | added p99 | gateway CPU per request "
				+ "| load and backend CPU per request | answers not 200 |");
		System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (int connections : CONNECTIONS) {
			for (Map.Entry<String, Map<Integer, Measured>> path : results.entrySet()) {
				Measured measured = path.getValue().get(connections);
				boolean isDirect = path.getValue() == direct;
				System.out.printf(Locale.ROOT, "| %d | %s | %,.0f/s | %.2f ms | %.2f ms | %s | %s | %s | %.3f ms | %d |%n", connections,
						path.getKey(), measured.perSecond(), measured.p50Millis(), measured.p99Millis(),
						isDirect || direct == null ? "" : String.format(Locale.ROOT, "+%.2f ms", measured.p50Millis() - direct.get(connections).p50Millis()),
						isDirect || direct == null ? "" : String.format(Locale.ROOT, "+%.2f ms", measured.p99Millis() - direct.get(connections).p99Millis()),
						isDirect ? "" : String.format(Locale.ROOT, "%.3f ms", measured.cpuMillisPerRequest()),
						measured.loadCpuMillisPerRequest(), measured.notOk());
			}
		}
		Map<Integer, Measured> stock = results.get("(b) stock Spring Cloud Gateway");
		Map<Integer, Measured> ours = results.get("(c) this gateway");
		if (stock != null && ours != null) {
			for (int connections : CONNECTIONS) {
				System.out.printf(Locale.ROOT, "Throughput (c)/(b) at %d connections: %.2f%n", connections,
						ours.get(connections).perSecond() / stock.get(connections).perSecond());
			}
		}
		System.out.println();
	}

	/** The test class path without the benchmark's own classes: this gateway as it runs, with its own settings. */
	private static List<String> gatewayClassPath() {
		return classPath().stream().filter(entry -> !entry.equals(testClasses())).toList();
	}

	/**
	 * The starter's libraries and the benchmark's classes only: nothing of this project's main code
	 * (the gateway, contracts) and none of the libraries this gateway adds to the starter.
	 */
	private static List<String> stockClassPath() {
		String project = Path.of("..").toAbsolutePath().normalize().toString();
		return classPath().stream()
			.filter(entry -> entry.equals(testClasses()) || !entry.startsWith(project))
			.filter(entry -> NOT_IN_THE_STARTER.stream().noneMatch(Path.of(entry).getFileName().toString()::startsWith))
			.toList();
	}

	private static List<String> classPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
			.toList();
	}

	private static String testClasses() {
		try {
			return Path.of(GatewayThroughputBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toAbsolutePath()
				.normalize()
				.toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Process start(String name, List<String> classPath, String mainClass, String optionsProperty, String... arguments)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(HEAP);
		// e.g. -Dbenchmark.gateway-options=-XX:StartFlightRecording=filename=/tmp/gateway.jfr,settings=profile
		String options = System.getProperty(optionsProperty, "");
		if (!options.isBlank()) {
			command.addAll(List.of(options.trim().split("\\s+")));
		}
		command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), mainClass));
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile()).start();
	}

	private HttpResponse<String> awaitOk(Process process, int port, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
			assertThat(process.isAlive()).as("the process stopped: see its log in " + logs).isTrue();
			try {
				return http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException notListeningYet) {
				return null;
			}
		}, answer -> answer != null && answer.statusCode() == 200);
	}

	private static LongSupplier cpuOf(Process process) {
		return () -> process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	private static void stop(Process process) throws InterruptedException {
		if (process == null) {
			return;
		}
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
