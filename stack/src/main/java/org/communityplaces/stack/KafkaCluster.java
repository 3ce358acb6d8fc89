package org.communityplaces.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;

/**
 * Three Kafka brokers in KRaft mode, each its own process ({@link KafkaBroker#main}) with its own
 * log directory under {@code kafka-cluster/broker-N}, so that one can be killed and started
 * again on its own data while the other two carry on. Each is broker and controller at once; the
 * three controllers form the quorum.
 */
final class KafkaCluster implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

	private final StackSettings settings;

	private final ServiceProcess[] brokers;

	private KafkaCluster(StackSettings settings) {
		this.settings = settings;
		this.brokers = new ServiceProcess[settings.brokers()];
	}

	static KafkaCluster start(StackSettings settings) throws Exception {
		KafkaCluster cluster = new KafkaCluster(settings);
		try {
			String clusterId = cluster.clusterId();
			for (int broker = 0; broker < settings.brokers(); broker++) {
				cluster.brokers[broker] = cluster.startBroker(broker, clusterId);
			}
			cluster.awaitBrokers(settings.brokers());
			return cluster;
		}
		catch (Exception | Error ex) {
			cluster.close();
			throw ex;
		}
	}

	/** The id every broker's log directory is formatted with, made on the first start and kept. */
	private String clusterId() throws IOException {
		Path file = directory().resolve("cluster.id");
		if (!Files.exists(file)) {
			Files.createDirectories(directory());
			Files.writeString(file, Uuid.randomUuid().toString());
		}
		return Files.readString(file).strip();
	}

	private Path directory() {
		return settings.dataDirectory().resolve("kafka-cluster");
	}

	private ServiceProcess startBroker(int broker, String clusterId) throws IOException {
		StringJoiner voters = new StringJoiner(",");
		for (int node = 0; node < settings.brokers(); node++) {
			voters.add((node + 1) + "@127.0.0.1:" + StackSettings.instancePort(settings.kafkaControllerPort(), node));
		}
		int port = StackSettings.instancePort(settings.kafkaPort(), broker);
		return ServiceProcess.startMainClass("kafka-" + (broker + 1), KafkaBroker.class, port, settings.javaOptions(),
				List.of(Integer.toString(broker + 1),
						directory().resolve("broker-" + (broker + 1)).toAbsolutePath().toString(), Integer.toString(port),
						Integer.toString(StackSettings.instancePort(settings.kafkaControllerPort(), broker)),
						voters.toString(), clusterId),
				settings.dataDirectory().resolve("logs"));
	}

	/** Ends broker {@code broker} (from 0) with SIGKILL: it writes nothing more, flushes nothing. */
	void kill(int broker) throws InterruptedException {
		brokers[broker].kill();
	}

	/**
	 * Starts a killed broker again on its own data and waits until it has caught up: every
	 * partition's replicas all in sync again.
	 */
	void startAgain(int broker) throws Exception {
		brokers[broker] = brokers[broker].startAgain();
		awaitFullyReplicated();
	}

	private void awaitFullyReplicated() throws InterruptedException, TimeoutException {
		Instant deadline = Instant.now().plus(READY_TIMEOUT);
		try (Admin admin = admin()) {
			while (Instant.now().isBefore(deadline)) {
				try {
					var topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(5, TimeUnit.SECONDS);
					boolean inSync = admin.describeTopics(topics)
						.allTopicNames()
						.get(5, TimeUnit.SECONDS)
						.values()
						.stream()
						.flatMap(topic -> topic.partitions().stream())
						.allMatch(partition -> partition.isr().size() == partition.replicas().size());
					if (inSync) {
						return;
					}
				}
				catch (ExecutionException | TimeoutException | KafkaException notYet) {
					// keep waiting
				}
				TimeUnit.MILLISECONDS.sleep(500);
			}
		}
		throw new TimeoutException("Kafka's partitions were not all in sync again within " + READY_TIMEOUT);
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000));
	}

	private void awaitBrokers(int count) throws InterruptedException, TimeoutException {
		Instant deadline = Instant.now().plus(READY_TIMEOUT);
		try (Admin admin = admin()) {
			while (Instant.now().isBefore(deadline)) {
				for (ServiceProcess broker : brokers) {
					if (!broker.isAlive()) {
						throw new IllegalStateException(broker.name() + " stopped during start-up; see its log under "
								+ settings.dataDirectory().resolve("logs"));
					}
				}
				try {
					if (admin.describeCluster(new DescribeClusterOptions().timeoutMs(4000)).nodes().get(5, TimeUnit.SECONDS)
						.size() == count) {
						return;
					}
				}
				catch (ExecutionException | TimeoutException | KafkaException notYet) {
					// keep waiting
				}
				TimeUnit.MILLISECONDS.sleep(250);
			}
		}
		throw new TimeoutException(count + " Kafka brokers were not all up within " + READY_TIMEOUT + "; see their logs under "
				+ settings.dataDirectory().resolve("logs"));
	}

	/** Stops all three together: one by one, the last would wait for a quorum that has gone. */
	@Override
	public void close() {
		ServiceProcess.closeAll(Arrays.asList(brokers));
	}

}
