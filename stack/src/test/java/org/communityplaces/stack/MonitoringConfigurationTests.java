package org.communityplaces.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed Prometheus configuration, recording and alert rules are valid to Prometheus's
 * own checker, and the alert rules fire (and stay quiet) as their unit tests say. Needs Debian's
 * {@code prometheus} package, which {@code .ci/run} installs; reported as skipped without it.
 */
class MonitoringConfigurationTests {

	private static final Path ROOT = Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();

	private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

	@Test
	void prometheusAcceptsTheScrapeConfiguration() throws Exception {
		assertThat(promtool("check", "config", "deploy/prometheus/prometheus.yml")).contains("SUCCESS");
	}

	@Test
	void prometheusAcceptsTheRules() throws Exception {
		assertThat(promtool("check", "rules", "deploy/prometheus/rules/uptake.yml", "deploy/prometheus/rules/alerts.yml"))
			.contains("SUCCESS: 9 rules found", "SUCCESS: 7 rules found");
	}

	@Test
	void theAlertsFireAsTheirUnitTestsSay() throws Exception {
		assertThat(promtool("test", "rules", "deploy/prometheus/tests/alerts_test.yml")).contains("SUCCESS");
	}

	@Test
	void theDashboardsReadOnlyBoundedLabelsAndNamedMetrics() {
		List<String> expressions = MonitoredMetrics.expressions(ROOT);
		assertThat(expressions).isNotEmpty()
			.noneMatch(expression -> expression.matches("(?s).*\\b(referral_?id|place_?id|person|user|email)\\b.*"));
		assertThat(MonitoredMetrics.named(ROOT)).contains("referrals_transitions_total",
				"notifications_dead_letters_parked", "resilience4j_circuitbreaker_state", "up");
	}

	private static String promtool(String... arguments) throws IOException, InterruptedException {
		assumeTrue(Files.isExecutable(PROMTOOL), "promtool is not installed (apt-get install prometheus; .ci/run does)");
		List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
