package org.communityplaces.stack;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway costs, in one run on the embedded stack: the same referrers' search asked
 * of places-service directly and through the gateway (correlation id, security headers, limits,
 * sign-in check, circuit breaker and routing), one at a time for latency, then from several
 * clients at once for throughput.
 * <p>
 * {@code ./mvnw -B -DskipTests package && ./mvnw -B -pl stack -Pbenchmark test -Dtest=GatewayOverheadBenchmark}
 */
@Tag("benchmark")
class GatewayOverheadBenchmark {

	private static final int WARM_UP = 2_000;

	private static final int MEASURED = Integer.getInteger("benchmark.requests", 10_000);

	private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);

	private static final Duration THROUGHPUT_RUN = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 15));

	private static final String SEARCH = "/api/places/search?postcode=S6&radius=5000&kind=pub&accessibility=step-free";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void gatewayOverhead() throws Exception {
		int[] ports = new int[9];
		for (int i = 0; i < ports.length; i++) {
			try (ServerSocket socket = new ServerSocket(0)) {
				ports[i] = socket.getLocalPort();
			}
		}
		StackSettings defaults = StackSettings.defaults(Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize())
			.withData(Files.createTempDirectory("gateway-benchmark"), true)
			.withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8]);
		// The per-address rate limit would cap the throughput run; this measures the gateway's cost, not its limit.
		List<String> unlimited = new ArrayList<>(defaults.javaOptions());
		unlimited.addAll(List.of("-Dgateway.limits.burst=100000000", "-Dgateway.limits.per-second=100000000"));
		// e.g. -Dbenchmark.java-options=-XX:StartFlightRecording=filename=/tmp/jfr/ to profile every JVM of the stack
		String extra = System.getProperty("benchmark.java-options", "");
		if (!extra.isBlank()) {
			unlimited.addAll(List.of(extra.trim().split("\\s+")));
		}
		StackSettings settings = defaults.withJavaOptions(unlimited);
		try (EmbeddedStack stack = EmbeddedStack.start(settings)) {
			URI direct = URI.create(StackSettings.url(settings.placesPort()) + SEARCH);
			URI gateway = URI.create(stack.gatewayUrl() + SEARCH);
			for (int i = 0; i < WARM_UP; i++) {
				get(direct);
				get(gateway);
			}
			long[] directNanos = new long[MEASURED];
			long[] gatewayNanos = new long[MEASURED];
			for (int i = 0; i < MEASURED; i++) {
				directNanos[i] = get(direct);
				gatewayNanos[i] = get(gateway);
			}
			Arrays.sort(directNanos);
			Arrays.sort(gatewayNanos);
			double directP50 = millis(directNanos, 0.50);
			double directP99 = millis(directNanos, 0.99);
			double gatewayP50 = millis(gatewayNanos, 0.50);
			double gatewayP99 = millis(gatewayNanos, 0.99);
			System.out.printf("Latency over %d searches each, one at a time, alternating:%n", MEASURED);
			System.out.printf("  direct  p50 %.2f ms  p99 %.2f ms%n", directP50, directP99);
			System.out.printf("  gateway p50 %.2f ms  p99 %.2f ms%n", gatewayP50, gatewayP99);
			System.out.printf("  added   p50 %.2f ms  p99 %.2f ms%n", gatewayP50 - directP50, gatewayP99 - directP99);

			double directRate = throughput(direct);
			double gatewayRate = throughput(gateway);
			System.out.printf("Throughput with %d clients for %d s each: direct %.0f/s, gateway %.0f/s, ratio %.2f%n", CLIENTS,
					THROUGHPUT_RUN.toSeconds(), directRate, gatewayRate, gatewayRate / directRate);
			assertThat(gatewayRate).isPositive();
		}
	}

	private double throughput(URI uri) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			long until = System.nanoTime() + THROUGHPUT_RUN.toNanos();
			List<Future<Integer>> counts = new ArrayList<>();
			for (int client = 0; client < CLIENTS; client++) {
				counts.add(clients.submit(() -> {
					int done = 0;
					while (System.nanoTime() < until) {
						get(uri);
						done++;
					}
					return done;
				}));
			}
			int total = 0;
			for (Future<Integer> count : counts) {
				total += count.get();
			}
			return total / (double) THROUGHPUT_RUN.toSeconds();
		}
		finally {
			clients.shutdownNow();
			clients.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	private long get(URI uri) throws Exception {
		long start = System.nanoTime();
		HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
		long took = System.nanoTime() - start;
		assertThat(response.statusCode()).as(uri.toString()).isEqualTo(200);
		return took;
	}

	private static double millis(long[] sorted, double quantile) {
		return sorted[(int) Math.ceil(sorted.length * quantile) - 1] / 1e6;
	}

}
