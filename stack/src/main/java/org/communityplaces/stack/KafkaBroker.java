package org.communityplaces.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), run from Kafka's own
 * server classes on loopback: alone, inside the launcher's JVM, or as one node of a three-broker
 * cluster in a process of its own ({@link #main}). Its log directory is formatted once and kept,
 * so a second start finds the topics and offsets of the first.
 */
final class KafkaBroker implements AutoCloseable {

	private final KafkaRaftServer server;

	private KafkaBroker(KafkaRaftServer server) {
		this.server = server;
	}

	/** The one broker of a stack that has one: every topic kept once. */
	static KafkaBroker start(Path logDirectory, int port, int controllerPort) throws Exception {
		return start(new Node(1, logDirectory, port, controllerPort, "1@127.0.0.1:" + controllerPort,
				Uuid.randomUuid().toString()), 1, 1);
	}

	/**
	 * One broker of a three-broker cluster until the process is stopped: node id, log directory,
	 * client port, controller port, the controller quorum ({@code 1@127.0.0.1:9093,2@...}) and the
	 * cluster's id, in that order. Replicates as deploy/k8s does: every topic, the consumer
	 * offsets and transaction state three times, a write kept once two brokers have it.
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 6) {
			System.err.println("Usage: KafkaBroker <node id> <log directory> <port> <controller port> <quorum voters> <cluster id>");
			System.exit(2);
		}
		Node node = new Node(Integer.parseInt(args[0]), Path.of(args[1]), Integer.parseInt(args[2]),
				Integer.parseInt(args[3]), args[4], args[5]);
		KafkaBroker broker = start(node, StackSettings.CLUSTER_BROKERS, 2);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			broker.close();
			stopped.countDown();
		}, "kafka-broker-shutdown"));
		stopped.await();
	}

	private record Node(int id, Path logDirectory, int port, int controllerPort, String quorumVoters, String clusterId) {
	}

	private static KafkaBroker start(Node node, int replicas, int minInSyncReplicas) throws Exception {
		Files.createDirectories(node.logDirectory());
		String dir = node.logDirectory().toAbsolutePath().toString();
		String replicationFactor = Integer.toString(replicas);
		String minInSync = Integer.toString(minInSyncReplicas);
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", Integer.toString(node.id()));
		properties.put("controller.quorum.voters", node.quorumVoters());
		properties.put("listeners",
				"PLAINTEXT://127.0.0.1:" + node.port() + ",CONTROLLER://127.0.0.1:" + node.controllerPort());
		properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + node.port());
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("log.dirs", dir);
		properties.put("offsets.topic.replication.factor", replicationFactor);
		properties.put("offsets.topic.num.partitions", "6");
		properties.put("transaction.state.log.replication.factor", replicationFactor);
		properties.put("transaction.state.log.min.isr", minInSync);
		properties.put("share.coordinator.state.topic.replication.factor", replicationFactor);
		properties.put("share.coordinator.state.topic.min.isr", minInSync);
		properties.put("default.replication.factor", replicationFactor);
		properties.put("min.insync.replicas", minInSync);
		properties.put("group.initial.rebalance.delay.ms", "0");
		properties.put("num.partitions", "6");
		if (!Files.exists(node.logDirectory().resolve("meta.properties"))) {
			format(node, dir);
		}
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
		server.startup();
		return new KafkaBroker(server);
	}

	private static void format(Node node, String dir) throws Exception {
		new Formatter().setPrintStream(System.out)
			.setClusterId(node.clusterId())
			.setNodeId(node.id())
			.setDirectories(List.of(dir))
			.setMetadataLogDirectory(dir)
			.setControllerListenerName("CONTROLLER")
			.setSupportedFeatures(Feature.PRODUCTION_FEATURES)
			.setReleaseVersion(MetadataVersion.latestProduction())
			.run();
	}

	@Override
	public void close() {
		server.shutdown();
		server.awaitShutdown();
	}

}
