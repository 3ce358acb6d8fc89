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

/** One service of the system (or one Kafka broker of a cluster), run as its own JVM. */
final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	/** Runs the stack's other main classes from its executable jar, whose classes are nested in it. */
	private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	private final String name;

	private final int port;

	private final int managementPort;

	private final Path log;

	private final List<String> command;

	private final Process process;

	private ServiceProcess(String name, int port, int managementPort, Path log, List<String> command, Process process) {
		this.name = name;
		this.port = port;
		this.managementPort = managementPort;
		this.log = log;
		this.command = List.copyOf(command);
		this.process = process;
	}

	/** @param managementPort where its actuator answers: its own port, or the one it was given for it */
	static ServiceProcess start(String name, Path jar, int port, int managementPort, List<String> javaOptions,
			List<String> arguments, Path logDirectory) throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No jar for " + name + " at " + jar
					+ ". Run the stack from the project root after building: ./mvnw -B -DskipTests package");
		}
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(javaOptions);
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		command.add("--server.port=" + port);
		command.addAll(arguments);
		return start(name, port, managementPort, command, logDirectory);
	}

	/**
	 * A JVM running a main class of the launcher's own classpath: from inside the stack's
	 * executable jar through Spring Boot's launcher, or from the classes a test runs on.
	 *
	 * @param port a port it listens on, to tell it by
	 */
	static ServiceProcess startMainClass(String name, Class<?> mainClass, int port, List<String> javaOptions,
			List<String> arguments, Path logDirectory) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(javaOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		if (ClassLoader.getSystemClassLoader().getResource(BOOT_LAUNCHER.replace('.', '/') + ".class") != null) {
			command.add("-Dloader.main=" + mainClass.getName());
			command.add(BOOT_LAUNCHER);
		}
		else {
			command.add(mainClass.getName());
		}
		command.addAll(arguments);
		return start(name, port, port, command, logDirectory);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static ServiceProcess start(String name, int port, int managementPort, List<String> command,
			Path logDirectory) throws IOException {
		Files.createDirectories(logDirectory);
		Path log = logDirectory.resolve(name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		return new ServiceProcess(name, port, managementPort, log, command, process);
	}

	/** The same JVM started again, as Kubernetes restarts a container, its output added to the same log. */
	ServiceProcess startAgain() throws IOException {
		Process again = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		return new ServiceProcess(name, port, managementPort, log, command, again);
	}

	/** Ends the JVM at once with SIGKILL, as a crash or an out-of-memory kill would: no shutdown hooks run. */
	void kill() throws InterruptedException {
		process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	boolean isAlive() {
		return process.isAlive();
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

	/** Asks every one to stop at once, then waits for each (null entries are skipped). */
	static void closeAll(List<ServiceProcess> processes) {
		for (ServiceProcess each : processes) {
			if (each != null) {
				each.process.destroy();
			}
		}
		for (ServiceProcess each : processes) {
			if (each != null) {
				each.close();
			}
		}
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
