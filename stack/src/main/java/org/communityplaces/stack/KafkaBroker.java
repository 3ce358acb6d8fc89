package org.communityplaces.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node), run
 * from Kafka's own server classes on loopback. Its log directory is formatted once and kept,
 * so a second start finds the topics and offsets of the first.
 */
final class KafkaBroker implements AutoCloseable {

	private final KafkaRaftServer server;

	private KafkaBroker(KafkaRaftServer server) {
		this.server = server;
	}

	static KafkaBroker start(Path logDirectory, int port, int controllerPort) throws Exception {
		Files.createDirectories(logDirectory);
		String dir = logDirectory.toAbsolutePath().toString();
		Properties properties = new Properties();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", "1");
		properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", "PLAINTEXT");
		properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.put("log.dirs", dir);
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("offsets.topic.num.partitions", "6");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		properties.put("num.partitions", "6");
		if (!Files.exists(logDirectory.resolve("meta.properties"))) {
			format(dir);
		}
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
		server.startup();
		return new KafkaBroker(server);
	}

	private static void format(String dir) throws Exception {
		new Formatter().setPrintStream(System.out)
			.setClusterId(Uuid.randomUuid().toString())
			.setNodeId(1)
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
