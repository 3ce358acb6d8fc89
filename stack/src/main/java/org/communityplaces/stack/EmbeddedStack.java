package org.communityplaces.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The whole system on one machine: Kafka, a MongoDB-wire store, an SMTP server and the four
 * services, each service a separate JVM that reaches the infrastructure only through standard
 * Spring Boot properties.
 */
public final class EmbeddedStack implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private final StackSettings settings;

	private final List<AutoCloseable> started = new ArrayList<>();

	private final Map<String, ServiceProcess> servicesByName = new HashMap<>();

	private GreenMail mail;

	private KafkaBroker kafka;

	private EmbeddedStack(StackSettings settings) {
		this.settings = settings;
	}

	public static EmbeddedStack start(StackSettings settings) throws Exception {
		EmbeddedStack stack = new EmbeddedStack(settings);
		try {
			stack.startInfrastructure();
			stack.startServices();
			return stack;
		}
		catch (Exception | Error ex) {
			stack.close();
			throw ex;
		}
	}

	private void startInfrastructure() throws Exception {
		Path data = settings.dataDirectory();
		Files.createDirectories(data.resolve("mongo"));
		MongoServer mongo = new MongoServer(new H2Backend(data.resolve("mongo").resolve("store.mv").toString()));
		mongo.bind("127.0.0.1", settings.mongoPort());
		started.add(mongo::shutdown);

		mail = new GreenMail(new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		started.add(mail::stop);

		startKafka();
	}

	/** Starts the broker again on the same ports and data, after {@link #stopKafka()}. */
	public void startKafka() throws Exception {
		kafka = KafkaBroker.start(settings.dataDirectory().resolve("kafka"), settings.kafkaPort(),
				settings.kafkaControllerPort());
	}

	/** Stops the broker as an outage would, keeping its data. */
	public void stopKafka() {
		if (kafka != null) {
			kafka.close();
			kafka = null;
		}
	}

	/**
	 * The master key that protects the referrals' personal fields, made once for this data
	 * directory and kept beside the store it unlocks, readable by its owner alone: the embedded
	 * stack is for one machine. It reaches the service in a file, not on a command line that
	 * {@code ps} shows.
	 */
	private Path referralSecrets() throws IOException {
		Path secrets = settings.dataDirectory().resolve("secrets").resolve("referral-service.properties");
		if (!Files.exists(secrets)) {
			Files.createDirectories(secrets.getParent());
			byte[] masterKey = new byte[96];
			new SecureRandom().nextBytes(masterKey);
			Path written = Files.createTempFile(secrets.getParent(), "referral-service", ".properties");
			restrictToOwner(written);
			Files.writeString(written, "referrals.encryption.local-master-key="
					+ Base64.getEncoder().encodeToString(masterKey) + "\n");
			Files.move(written, secrets, StandardCopyOption.ATOMIC_MOVE);
		}
		return secrets.toAbsolutePath();
	}

	private static void restrictToOwner(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

	private void startServices() throws Exception {
		List<String> infrastructure = List.of("--spring.kafka.bootstrap-servers=" + settings.kafkaBootstrap(),
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + settings.smtpPort(),
				"--security.token.jwk-set-uri=" + StackSettings.url(settings.gatewayPort()) + "/.well-known/jwks.json");
		Map<String, List<String>> services = Map.of(
				"places-service", concat(infrastructure, "--spring.mongodb.uri=" + settings.mongoUri("places"),
						"--places.demo-catalogue.enabled=true",
						"--places.search.index-dir=" + settings.dataDirectory().resolve("search-index")),
				"referral-service", concat(infrastructure, "--spring.mongodb.uri=" + settings.mongoUri("referrals"),
						"--places.base-url=" + StackSettings.url(settings.placesPort()),
						"--notifications.base-url=" + StackSettings.url(settings.notificationPort()),
						"--spring.config.additional-location=file:" + referralSecrets()),
				"notification-service", concat(infrastructure,
						"--spring.mongodb.uri=" + settings.mongoUri("notifications"),
						"--notifications.portal-url=" + StackSettings.url(settings.gatewayPort())),
				"gateway", List.of("--spring.profiles.active=demo",
						"--management.server.port=" + settings.gatewayManagementPort(),
						"--services.places-url=" + StackSettings.url(settings.placesPort()),
						"--services.referral-url=" + StackSettings.url(settings.referralPort()),
						"--services.notification-url=" + StackSettings.url(settings.notificationPort())));
		Map<String, Integer> ports = Map.of("places-service", settings.placesPort(), "referral-service",
				settings.referralPort(), "notification-service", settings.notificationPort(), "gateway",
				settings.gatewayPort());
		// The gateway's actuator is on a port of its own; each service's is on its only port
		Map<String, Integer> managementPorts = Map.of("places-service", settings.placesPort(), "referral-service",
				settings.referralPort(), "notification-service", settings.notificationPort(), "gateway",
				settings.gatewayManagementPort());
		List<ServiceProcess> processes = new ArrayList<>();
		for (String name : List.of("places-service", "referral-service", "notification-service", "gateway")) {
			ServiceProcess process = ServiceProcess.start(name, settings.root().resolve(name).resolve("target")
				.resolve(name + ".jar"), ports.get(name), managementPorts.get(name), settings.javaOptions(), services.get(name),
					settings.dataDirectory().resolve("logs"));
			processes.add(process);
			started.add(process);
			servicesByName.put(name, process);
		}
		for (ServiceProcess process : processes) {
			process.awaitReady(READY_TIMEOUT);
		}
	}

	/** Stops one service, as an outage would; the others keep running. */
	public void stopService(String name) {
		ServiceProcess process = servicesByName.get(name);
		if (process == null) {
			throw new IllegalArgumentException("No service called " + name);
		}
		process.close();
	}

	public StackSettings settings() {
		return settings;
	}

	/** The SMTP server every e-mail of the system is delivered to. */
	public GreenMail mail() {
		return mail;
	}

	public String gatewayUrl() {
		return StackSettings.url(settings.gatewayPort());
	}

	@Override
	public void close() {
		List<AutoCloseable> services = new ArrayList<>(started);
		Collections.reverse(services);
		for (AutoCloseable closeable : services) {
			if (closeable instanceof ServiceProcess) {
				closeQuietly(closeable);
			}
		}
		stopKafka();
		for (AutoCloseable closeable : services) {
			if (!(closeable instanceof ServiceProcess)) {
				closeQuietly(closeable);
			}
		}
		started.clear();
		if (!settings.persistent()) {
			deleteRecursively(settings.dataDirectory());
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			System.err.println("While stopping: " + ex);
		}
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			System.err.println("Could not delete " + directory + ": " + ex);
		}
	}

	private static List<String> concat(List<String> first, String... more) {
		List<String> all = new ArrayList<>(first);
		all.addAll(List.of(more));
		return all;
	}

}
