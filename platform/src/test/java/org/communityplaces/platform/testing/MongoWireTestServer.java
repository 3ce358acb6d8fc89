package org.communityplaces.platform.testing;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A real MongoDB-wire server (mongo-java-server, in memory) shared by the tests of one JVM.
 * Each test class gets its own database, so test classes never see each other's data.
 */
public final class MongoWireTestServer {

	private static InetSocketAddress address;

	private MongoWireTestServer() {
	}

	/**
	 * Use as {@code registry.add("spring.mongodb.uri", () -> MongoWireTestServer.databaseUri(MyTests.class))},
	 * a database named after the test class.
	 */
	public static synchronized String databaseUri(Class<?> testClass) {
		if (address == null) {
			MongoServer server = new MongoServer(new MemoryBackend());
			address = server.bind();
			Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
		}
		return "mongodb://127.0.0.1:" + address.getPort() + "/" + testClass.getSimpleName();
	}

}
