package org.communityplaces.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One service of the system, run as its own JVM from its executable jar. */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String name;

	private final int port;

	private final int managementPort;

	private final Path log;

	private final Process process;

	private ServiceProcess(String name, int port, int managementPort, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.managementPort = managementPort;
		this.log = log;
		this.process = process;
	}

	/** @param managementPort where its actuator answers: its own port, or the one it was given for it */
	static ServiceProcess start(String name, Path jar, int port, int managementPort, List<String> javaOptions,
			List<String> arguments, Path logDirectory) throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No jar for " + name + " at " + jar
					+ ". Run the stack from the project root after building: ./mvnw -B -DskipTests package");
		}
		Files.createDirectories(logDirectory);
		Path log = logDirectory.resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(javaOptions);
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		command.add("--server.port=" + port);
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		return new ServiceProcess(name, port, managementPort, log, process);
	}

	String name() {
		return name;
	}

	int port() {
		return port;
	}

	/** Waits until the service says it is ready to take traffic. */
	void awaitReady(Duration timeout) throws InterruptedException {
		HttpRequest readiness = HttpRequest.newBuilder(URI.create(StackSettings.url(managementPort) + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " stopped during start-up (exit code " + process.exitValue()
						+ "); see " + log.toAbsolutePath());
			}
			try {
				if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notListeningYet) {
				// keep waiting
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log.toAbsolutePath());
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
