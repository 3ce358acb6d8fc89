package org.communityplaces.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
 * <p>
 * With several instances ({@link StackSettings#instances()}), the first instance of every service
 * starts and gets ready alone, as on a first run with one (it makes the topics, the indexes, the
 * demo catalogue and the encryption key), then the others join. Every gateway instance balances
 * across every instance of each service; instance n of referral-service calls instance n of
 * places-service and of notification-service, and instance n of each service reads the token
 * keys from gateway instance n (all gateways sign with one key, made once for the data
 * directory). A killed instance is started again by whoever killed it, as Kubernetes would.
 */
public final class EmbeddedStack implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private static final List<String> SERVICES = List.of("places-service", "referral-service", "notification-service",
			"gateway");

	private final StackSettings settings;

	private final List<AutoCloseable> infrastructure = new ArrayList<>();

	private final Map<String, ServiceProcess[]> instancesByService = new LinkedHashMap<>();

	private final FreezableStore store = new FreezableStore();

	private GreenMail mail;

	private KafkaBroker kafka;

	private KafkaCluster kafkaCluster;

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
		MongoServer mongo = new MongoServer(
				store.wrap(new H2Backend(data.resolve("mongo").resolve("store.mv").toString())));
		mongo.bind("127.0.0.1", settings.mongoPort());
		infrastructure.add(mongo::shutdown);

		mail = new GreenMail(new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		infrastructure.add(mail::stop);

		startKafka();
	}

	/** Starts the broker again on the same ports and data, after {@link #stopKafka()}. */
	public void startKafka() throws Exception {
		if (settings.brokers() == 1) {
			kafka = KafkaBroker.start(settings.dataDirectory().resolve("kafka"), settings.kafkaPort(),
					settings.kafkaControllerPort());
		}
		else {
			kafkaCluster = KafkaCluster.start(settings);
		}
	}

	/** Stops the broker (every broker) as an outage would, keeping its data. */
	public void stopKafka() {
		if (kafka != null) {
			kafka.close();
			kafka = null;
		}
		if (kafkaCluster != null) {
			kafkaCluster.close();
			kafkaCluster = null;
		}
	}

	/** Ends one broker of three (from 0) with SIGKILL; the other two carry on. */
	public void killBroker(int broker) throws InterruptedException {
		cluster().kill(broker);
	}

	/** Starts a killed broker again on its own data; returns once every partition is fully in sync. */
	public void startBrokerAgain(int broker) throws Exception {
		cluster().startAgain(broker);
	}

	private KafkaCluster cluster() {
		if (kafkaCluster == null) {
			throw new IllegalStateException("Only a stack of " + StackSettings.CLUSTER_BROKERS
					+ " brokers (stack.brokers) has brokers to kill one by one");
		}
		return kafkaCluster;
	}

	/** The store stops answering, as a hung MongoDB would: every request waits until {@link #thawStore()}. */
	public void freezeStore() {
		store.freeze();
	}

	/** The store answers again, the requests that waited first. */
	public void thawStore() {
		store.thaw();
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

	/**
	 * The key every gateway instance signs the services' tokens with, made once for this data
	 * directory, kept like the referrals' master key (a single gateway makes its own at start).
	 */
	private Path gatewaySecrets() throws IOException {
		Path secrets = settings.dataDirectory().resolve("secrets").resolve("gateway.properties");
		if (!Files.exists(secrets)) {
			Files.createDirectories(secrets.getParent());
			KeyPairGenerator generator;
			try {
				generator = KeyPairGenerator.getInstance("RSA");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("RSA is part of every JVM", ex);
			}
			generator.initialize(2048);
			byte[] privateKey = generator.generateKeyPair().getPrivate().getEncoded();
			Path written = Files.createTempFile(secrets.getParent(), "gateway", ".properties");
			restrictToOwner(written);
			Files.writeString(written,
					"gateway.token.private-key=" + Base64.getEncoder().encodeToString(privateKey) + "\n");
			Files.move(written, secrets, StandardCopyOption.ATOMIC_MOVE);
		}
		return secrets.toAbsolutePath();
	}

	private void startServices() throws Exception {
		for (String service : SERVICES) {
			instancesByService.put(service, new ServiceProcess[settings.instances()]);
		}
		startInstances(0);
		for (int instance = 1; instance < settings.instances(); instance++) {
			startInstances(instance);
		}
		awaitReady();
	}

	private void startInstances(int instance) throws IOException, InterruptedException {
		for (String service : SERVICES) {
			instancesByService.get(service)[instance] = startInstance(service, instance);
		}
		if (instance == 0) {
			awaitReady();
		}
	}

	private void awaitReady() throws InterruptedException {
		for (ServiceProcess[] instances : instancesByService.values()) {
			for (ServiceProcess process : instances) {
				if (process != null) {
					process.awaitReady(READY_TIMEOUT);
				}
			}
		}
	}

	private ServiceProcess startInstance(String service, int instance) throws IOException {
		String name = instance == 0 ? service : service + "-" + (instance + 1);
		int port = StackSettings.instancePort(firstPort(service), instance);
		int managementPort = service.equals("gateway")
				? StackSettings.instancePort(settings.gatewayManagementPort(), instance) : port;
		return ServiceProcess.start(name, settings.root().resolve(service).resolve("target").resolve(service + ".jar"),
				port, managementPort, settings.javaOptions(), arguments(service, instance),
				settings.dataDirectory().resolve("logs"));
	}

	private int firstPort(String service) {
		return switch (service) {
			case "places-service" -> settings.placesPort();
			case "referral-service" -> settings.referralPort();
			case "notification-service" -> settings.notificationPort();
			case "gateway" -> settings.gatewayPort();
			default -> throw new IllegalArgumentException("No service called " + service);
		};
	}

	private String url(String service, int instance) {
		return StackSettings.url(StackSettings.instancePort(firstPort(service), instance));
	}

	private List<String> arguments(String service, int instance) throws IOException {
		List<String> infrastructure = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + settings.kafkaBootstrap(),
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + settings.smtpPort(),
				"--security.token.jwk-set-uri=" + url("gateway", instance) + "/.well-known/jwks.json"));
		if (settings.brokers() > 1) {
			infrastructure.add("--places.topic.replicas=" + settings.brokers());
			infrastructure.add("--referrals.topic.replicas=" + settings.brokers());
		}
		return switch (service) {
			case "places-service" -> concat(infrastructure, "--spring.mongodb.uri=" + settings.mongoUri("places"),
					"--places.demo-catalogue.enabled=true", "--places.search.index-dir=" + settings.dataDirectory()
						.resolve(instance == 0 ? "search-index" : "search-index-" + (instance + 1)));
			case "referral-service" -> concat(infrastructure, "--spring.mongodb.uri=" + settings.mongoUri("referrals"),
					"--places.base-url=" + url("places-service", instance),
					"--notifications.base-url=" + url("notification-service", instance),
					"--spring.config.additional-location=file:" + referralSecrets());
			case "notification-service" -> concat(infrastructure,
					"--spring.mongodb.uri=" + settings.mongoUri("notifications"),
					"--notifications.portal-url=" + url("gateway", 0));
			case "gateway" -> gatewayArguments(instance);
			default -> throw new IllegalArgumentException("No service called " + service);
		};
	}

	/**
	 * The first instance of each service as {@code services.*-url}; with several, every instance
	 * for the gateway's load balancer (a list given here replaces the configured one whole, so
	 * the first is named again). Browser sessions are kept in the store, in database
	 * {@code gateway}, so that every gateway instance knows them.
	 */
	private List<String> gatewayArguments(int instance) throws IOException {
		List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=demo",
				"--management.server.port=" + StackSettings.instancePort(settings.gatewayManagementPort(), instance),
				"--services.places-url=" + url("places-service", 0), "--services.referral-url=" + url("referral-service", 0),
				"--services.notification-url=" + url("notification-service", 0),
				"--spring.mongodb.uri=" + settings.mongoUri("gateway")));
		if (settings.instances() > 1) {
			for (String service : List.of("places-service", "referral-service", "notification-service")) {
				for (int each = 0; each < settings.instances(); each++) {
					arguments.add("--spring.cloud.discovery.client.simple.instances." + service + "[" + each + "].uri="
							+ url(service, each));
				}
			}
			arguments.add("--spring.config.additional-location=file:" + gatewaySecrets());
		}
		return arguments;
	}

	/** Stops one service (every instance of it), as an outage would; the others keep running. */
	public void stopService(String name) {
		ServiceProcess[] instances = instancesByService.get(name);
		if (instances == null) {
			throw new IllegalArgumentException("No service called " + name);
		}
		ServiceProcess.closeAll(Arrays.asList(instances));
	}

	/** Ends one instance (from 0) of a service with SIGKILL, as a crash or an out-of-memory kill would. */
	public void killInstance(String service, int instance) throws InterruptedException {
		instances(service)[instance].kill();
	}

	/** Starts a killed instance again on the same port and arguments, as Kubernetes would; returns once it is ready. */
	public void startInstanceAgain(String service, int instance) throws IOException, InterruptedException {
		ServiceProcess[] instances = instances(service);
		instances[instance] = instances[instance].startAgain();
		instances[instance].awaitReady(READY_TIMEOUT);
	}

	private ServiceProcess[] instances(String service) {
		ServiceProcess[] instances = instancesByService.get(service);
		if (instances == null) {
			throw new IllegalArgumentException("No service called " + service);
		}
		return instances;
	}

	public StackSettings settings() {
		return settings;
	}

	/** The SMTP server every e-mail of the system is delivered to. */
	public GreenMail mail() {
		return mail;
	}

	public String gatewayUrl() {
		return gatewayUrl(0);
	}

	/** The address of one gateway instance, from 0. */
	public String gatewayUrl(int instance) {
		return url("gateway", instance);
	}

	@Override
	public void close() {
		thawStore();
		List<ServiceProcess> services = new ArrayList<>();
		instancesByService.values().forEach(instances -> services.addAll(Arrays.asList(instances)));
		Collections.reverse(services);
		ServiceProcess.closeAll(services);
		instancesByService.clear();
		stopKafka();
		List<AutoCloseable> rest = new ArrayList<>(infrastructure);
		Collections.reverse(rest);
		rest.forEach(EmbeddedStack::closeQuietly);
		infrastructure.clear();
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
