package org.communityplaces.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the embedded stack keeps its data and which loopback ports it uses. Defaults are the
 * fixed ports every service is configured for; each can be overridden.
 */
public record StackSettings(Path root, Path dataDirectory, boolean persistent, int gatewayPort, int placesPort,
		int referralPort, int notificationPort, int kafkaPort, int kafkaControllerPort, int mongoPort, int smtpPort,
		List<String> javaOptions) {

	public static StackSettings defaults(Path root) {
		return new StackSettings(root, root.resolve("data"), true, 8080, 8081, 8082, 8083, 9092, 9093, 27017, 3025,
				List.of("-Xmx384m", "-XX:+UseSerialGC"));
	}

	public StackSettings withPorts(int gateway, int places, int referral, int notification, int kafka,
			int kafkaController, int mongo, int smtp) {
		return new StackSettings(root, dataDirectory, persistent, gateway, places, referral, notification, kafka,
				kafkaController, mongo, smtp, javaOptions);
	}

	public StackSettings withData(Path directory, boolean keep) {
		return new StackSettings(root, directory, keep, gatewayPort, placesPort, referralPort, notificationPort,
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
