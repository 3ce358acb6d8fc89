package org.communityplaces.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * Where the embedded stack keeps its data, which loopback ports it uses and how many of each
 * process it runs. Defaults are the fixed ports every service is configured for, one instance of
 * each service and one Kafka broker; each can be overridden.
 * <p>
 * Ports of further copies: the n-th instance of a service (counting from 0) listens
 * {@value #INSTANCE_PORT_STEP}&middot;n above the first's port, the gateway's actuator likewise, and
 * the n-th Kafka broker's client and controller ports are {@value #INSTANCE_PORT_STEP}&middot;n above
 * the first's: with the defaults and two instances, places-service on 8081 and 8181, the gateway
 * on 8080 and 8180; with three brokers, Kafka on 9092, 9192 and 9292.
 *
 * @param instances how many instances of each service (and of the gateway) run
 * @param brokers how many Kafka brokers: one, inside the launcher's JVM, or three, each its own
 * process, replicating every topic three times
 */
public record StackSettings(Path root, Path dataDirectory, boolean persistent, int gatewayPort,
		int gatewayManagementPort, int placesPort,
		int referralPort, int notificationPort, int kafkaPort, int kafkaControllerPort, int mongoPort, int smtpPort,
		List<String> javaOptions, int instances, int brokers) {

	/** How far above the first's port each further instance or broker listens. */
	public static final int INSTANCE_PORT_STEP = 100;

	/** The most instances of each service the stack starts on one machine. */
	public static final int MAX_INSTANCES = 9;

	/** Brokers in a replicated cluster: every topic on all three, a write kept once two have it. */
	public static final int CLUSTER_BROKERS = 3;

	public StackSettings {
		javaOptions = List.copyOf(javaOptions);
		if (instances < 1 || instances > MAX_INSTANCES) {
			throw new IllegalArgumentException(
					"stack.instances must be from 1 to " + MAX_INSTANCES + ", not " + instances);
		}
		if (brokers != 1 && brokers != CLUSTER_BROKERS) {
			throw new IllegalArgumentException("stack.brokers must be 1 or " + CLUSTER_BROKERS + ", not " + brokers);
		}
	}

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
				List.of("-Xms48m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), 1, 1);
	}

	/**
	 * The defaults, each overridable by a system property: {@code stack.data} (the data folder)
	 * and {@code stack.gateway-port}, {@code stack.gateway-management-port} (the gateway's actuator,
	 * never on its public port), {@code stack.places-port}, {@code stack.referral-port},
	 * {@code stack.notification-port}, {@code stack.kafka-port}, {@code stack.kafka-controller-port},
	 * {@code stack.mongo-port}, {@code stack.smtp-port} (each the first instance's), and
	 * {@code stack.instances}, {@code stack.brokers}.
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
					port(properties, "mongo", defaults.mongoPort()), port(properties, "smtp", defaults.smtpPort()))
			.withInstances(count(properties, "stack.instances"), count(properties, "stack.brokers"));
	}

	private static int count(Properties properties, String key) {
		String value = properties.getProperty(key, "1").strip();
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
		}
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
				kafkaController, mongo, smtp, javaOptions, instances, brokers);
	}

	public StackSettings withData(Path directory, boolean keep) {
		return new StackSettings(root, directory, keep, gatewayPort, gatewayManagementPort, placesPort, referralPort, notificationPort,
				kafkaPort, kafkaControllerPort, mongoPort, smtpPort, javaOptions, instances, brokers);
	}

	public StackSettings withJavaOptions(List<String> options) {
		return new StackSettings(root, dataDirectory, persistent, gatewayPort, gatewayManagementPort, placesPort, referralPort,
				notificationPort, kafkaPort, kafkaControllerPort, mongoPort, smtpPort, options, instances, brokers);
	}

	public StackSettings withInstances(int serviceInstances, int kafkaBrokers) {
		return new StackSettings(root, dataDirectory, persistent, gatewayPort, gatewayManagementPort, placesPort, referralPort,
				notificationPort, kafkaPort, kafkaControllerPort, mongoPort, smtpPort, javaOptions, serviceInstances,
				kafkaBrokers);
	}

	/** The port of the given instance (from 0) of whatever has {@code firstPort} as its first instance's. */
	public static int instancePort(int firstPort, int instance) {
		return firstPort + INSTANCE_PORT_STEP * instance;
	}

	/** Every broker's client address, comma-separated, as a Kafka client's bootstrap servers. */
	public String kafkaBootstrap() {
		StringJoiner bootstrap = new StringJoiner(",");
		for (int broker = 0; broker < brokers; broker++) {
			bootstrap.add("127.0.0.1:" + instancePort(kafkaPort, broker));
		}
		return bootstrap.toString();
	}

	public String mongoUri(String database) {
		return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
	}

	public static String url(int port) {
		return "http://127.0.0.1:" + port;
	}

}
