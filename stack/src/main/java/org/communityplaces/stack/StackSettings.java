package org.communityplaces.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Where the embedded stack keeps its data and which loopback ports it uses. Defaults are the
 * fixed ports every service is configured for; each can be overridden.
 */
public record StackSettings(Path root, Path dataDirectory, boolean persistent, int gatewayPort,
		int gatewayManagementPort, int placesPort,
		int referralPort, int notificationPort, int kafkaPort, int kafkaControllerPort, int mongoPort, int smtpPort,
		List<String> javaOptions) {

	/*
	 * Four services on one machine, for trying the system out: each heap starts small and grows
	 * only as far as the service needs (an initial heap of 1/64 of the machine's memory made each
	 * service touch some 150 MiB more), and only the quick C1 compiler runs, so start-up is not
	 * spent optimising code a demo never runs hot (from 41 s to 24 s on 2 cores). Deployments
	 * (deploy/docker, deploy/k8s) keep the JVM's defaults for throughput. docs/benchmarks.md has
	 * the numbers.
	 */
	public static StackSettings defaults(Path root) {
		return new StackSettings(root, root.resolve("data"), true, 8080, 8090, 8081, 8082, 8083, 9092, 9093, 27017, 3025,
				List.of("-Xms48m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
	}

	/**
	 * The defaults, each overridable by a system property: {@code stack.data} (the data folder)
	 * and {@code stack.gateway-port}, {@code stack.gateway-management-port} (the gateway's actuator,
	 * never on its public port), {@code stack.places-port}, {@code stack.referral-port},
	 * {@code stack.notification-port}, {@code stack.kafka-port}, {@code stack.kafka-controller-port},
	 * {@code stack.mongo-port}, {@code stack.smtp-port}.
	 */
	public static StackSettings from(Path root, Properties properties) {
		StackSettings defaults = defaults(root);
		Path data = Path.of(properties.getProperty("stack.data", defaults.dataDirectory().toString()))
			.toAbsolutePath()
			.normalize();
		return defaults.withData(data, true)
			.withPorts(port(properties, "gateway", defaults.gatewayPort()),
					port(properties, "gateway-management", defaults.gatewayManagementPort()),
					port(properties, "places", defaults.placesPort()),
					port(properties, "referral", defaults.referralPort()),
					port(properties, "notification", defaults.notificationPort()),
					port(properties, "kafka", defaults.kafkaPort()),
					port(properties, "kafka-controller", defaults.kafkaControllerPort()),
					port(properties, "mongo", defaults.mongoPort()), port(properties, "smtp", defaults.smtpPort()));
	}

	private static int port(Properties properties, String name, int defaultPort) {
		String key = "stack." + name + "-port";
		String value = properties.getProperty(key);
		if (value == null) {
			return defaultPort;
		}
		try {
			int port = Integer.parseInt(value.strip());
			if (port > 0 && port < 65536) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(key + " must be a port number from 1 to 65535, not '" + value + "'");
	}

	public StackSettings withPorts(int gateway, int gatewayManagement, int places, int referral, int notification,
			int kafka, int kafkaController, int mongo, int smtp) {
		return new StackSettings(root, dataDirectory, persistent, gateway, gatewayManagement, places, referral, notification, kafka,
				kafkaController, mongo, smtp, javaOptions);
	}

	public StackSettings withData(Path directory, boolean keep) {
		return new StackSettings(root, directory, keep, gatewayPort, gatewayManagementPort, placesPort, referralPort, notificationPort,
				kafkaPort, kafkaControllerPort, mongoPort, smtpPort, javaOptions);
	}

	public String kafkaBootstrap() {
		return "127.0.0.1:" + kafkaPort;
	}

	public String mongoUri(String database) {
		return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
	}

	public static String url(int port) {
		return "http://127.0.0.1:" + port;
	}

}
