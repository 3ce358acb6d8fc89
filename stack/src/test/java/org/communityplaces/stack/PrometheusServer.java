package org.communityplaces.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real Prometheus (Debian's package) scraping the embedded stack every second with the rule
 * files from {@code deploy/prometheus/rules}, their groups evaluated every second too.
 */
final class PrometheusServer implements AutoCloseable {

	static final Path BINARY = Path.of("/usr/bin/prometheus");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final Process process;

	private final String url;

	private PrometheusServer(Process process, String url) {
		this.process = process;
		this.url = url;
	}

	static boolean installed() {
		return Files.isExecutable(BINARY);
	}

	/** @param targets job name to host:port */
	static PrometheusServer start(Path root, Path directory, int port, Map<String, String> targets) throws IOException {
		Path rules = directory.resolve("rules");
		Files.createDirectories(rules);
		try (var files = Files.list(root.resolve("deploy/prometheus/rules"))) {
			for (Path file : files.toList()) {
				Files.writeString(rules.resolve(file.getFileName()),
						Files.readString(file).replaceAll("(?m)^(\\s+interval:) \\S+$", "$1 1s"));
			}
		}
		String scrapes = targets.entrySet().stream().map(target -> """
				  - job_name: %s
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ["%s"]
				""".formatted(target.getKey(), target.getValue())).collect(Collectors.joining());
		Path config = directory.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				rule_files:
				  - rules/*.yml
				scrape_configs:
				""" + scrapes);
		Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("prometheus.log").toFile())
			.start();
		return new PrometheusServer(process, "http://127.0.0.1:" + port);
	}

	/** The result of an instant query, as Prometheus's HTTP API gives it. */
	List<JsonNode> query(String promql) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create(url + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 503) {
			// 503 "Service Unavailable" in plain text while its storage is still opening
			throw new IOException("Prometheus answered " + response.statusCode() + ": " + response.body());
		}
		JsonNode answer = json.readTree(response.body());
		if (!"success".equals(answer.path("status").asString())) {
			throw new IllegalStateException(promql + ": " + response.body());
		}
		return answer.get("data").get("result").valueStream().toList();
	}

	/** The single value of a query that has one series, or null while it has none. */
	Double value(String promql) throws IOException, InterruptedException {
		List<JsonNode> result = query(promql);
		return result.isEmpty() ? null : Double.valueOf(result.get(0).get("value").get(1).asString());
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

}
