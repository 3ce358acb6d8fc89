package org.communityplaces.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The deployment descriptors are what their tools accept: docker compose parses
 * {@code docker-compose.yml} (the client alone, no engine), and the Kubernetes manifests build
 * with Kustomize and each object validates against the Kubernetes API's own schema (its
 * generated models refuse unknown fields and missing required ones). Each check is reported as
 * skipped where its tool is not installed; {@code .ci/run} installs them.
 */
class DeploymentDescriptorsTests {

	private static final Path ROOT = Path.of(System.getProperty("stack.root", "..")).toAbsolutePath().normalize();

	@Test
	void dockerComposeParsesTheComposeFile() throws Exception {
		List<String> compose = firstInstalled(List.of(List.of("docker", "compose"), List.of("docker-compose")), "version")
			.orElse(null);
		assumeTrue(compose != null, "neither docker compose nor docker-compose is installed");
		List<String> command = new ArrayList<>(compose);
		command.addAll(List.of("-f", "docker-compose.yml", "config", "-q"));
		assertThat(exitValue(command, Map.of())).as("refused without the referrals' master key").isNotZero();
		run(command, Map.of("REFERRALS_MASTER_KEY", "a-master-key"));
	}

	@Test
	void theKubernetesManifestsBuildWithKustomizeAndMatchTheKubernetesSchemas() throws Exception {
		Optional<List<String>> kustomize = firstInstalled(
				List.of(List.of("kubectl", "kustomize"), List.of("kustomize", "build")), "--help");
		assumeTrue(kustomize.isPresent(), "neither kubectl nor kustomize is installed");
		List<String> command = new ArrayList<>(kustomize.get());
		command.add("deploy/k8s");
		String built = run(command);

		Gson gson = new Gson();
		List<String> kinds = new ArrayList<>();
		for (Object document : new Yaml().loadAll(built)) {
			@SuppressWarnings("unchecked")
			Map<String, Object> object = (Map<String, Object>) document;
			String kind = (String) object.get("kind");
			kinds.add(kind);
			JsonElement json = gson.toJsonTree(object);
			switch (kind) {
				case "Deployment" -> V1Deployment.validateJsonElement(json);
				case "Service" -> V1Service.validateJsonElement(json);
				case "HorizontalPodAutoscaler" -> V2HorizontalPodAutoscaler.validateJsonElement(json);
				case "PodDisruptionBudget" -> V1PodDisruptionBudget.validateJsonElement(json);
				case "ConfigMap" -> V1ConfigMap.validateJsonElement(json);
				case "Namespace" -> V1Namespace.validateJsonElement(json);
				case "KafkaTopic" -> assertReplicatedForScaleOut(object);
				default -> fail("No schema check for " + kind);
			}
		}
		assertThat(kinds).filteredOn("Deployment"::equals).hasSize(4);
		assertThat(kinds).filteredOn("HorizontalPodAutoscaler"::equals).hasSize(4);
		assertThat(kinds).filteredOn("PodDisruptionBudget"::equals).hasSize(4);
		assertThat(kinds).filteredOn("KafkaTopic"::equals).hasSize(5);
	}

	/** Strimzi's KafkaTopic: three copies, two of them in sync for a write to count. */
	@SuppressWarnings("unchecked")
	private static void assertReplicatedForScaleOut(Map<String, Object> topic) {
		Map<String, Object> spec = (Map<String, Object>) topic.get("spec");
		assertThat(spec.get("replicas")).isEqualTo(3);
		assertThat((Integer) spec.get("partitions")).isGreaterThanOrEqualTo(3);
		assertThat(((Map<String, Object>) spec.get("config")).get("min.insync.replicas")).isEqualTo("2");
		assertThat(((Map<String, Object>) topic.get("metadata")).get("labels"))
			.isEqualTo(Map.of("strimzi.io/cluster", "community-places", "app.kubernetes.io/part-of", "community-places"));
	}

	/** The first of these commands that is installed and answers the probe. */
	private static Optional<List<String>> firstInstalled(List<List<String>> candidates, String probe) {
		return candidates.stream().filter(tool -> answers(tool, probe)).findFirst();
	}

	private static boolean answers(List<String> tool, String probe) {
		boolean onPath = Stream.of(System.getenv("PATH").split(":"))
			.anyMatch(directory -> Files.isExecutable(Path.of(directory, tool.get(0))));
		if (!onPath) {
			return false;
		}
		try {
			List<String> probing = new ArrayList<>(tool);
			probing.add(probe);
			Process process = new ProcessBuilder(probing).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	private static String run(List<String> command) throws IOException, InterruptedException {
		return run(command, Map.of());
	}

	private static int exitValue(List<String> command, Map<String, String> environment)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
		builder.environment().remove("REFERRALS_MASTER_KEY");
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getInputStream().readAllBytes();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

	private static String run(List<String> command, Map<String, String> environment)
			throws IOException, InterruptedException {
		Path errorFile = Files.createTempFile("deployment-check", ".err");
		ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectError(errorFile.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		String errors = Files.readString(errorFile);
		Files.delete(errorFile);
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + errors).isZero();
		return output;
	}

}
