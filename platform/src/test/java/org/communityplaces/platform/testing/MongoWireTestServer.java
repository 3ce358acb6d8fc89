package org.communityplaces.platform.testing;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;

/**
 * A real MongoDB-wire server (mongo-java-server, in memory) shared by the tests of one JVM.
 * Each test class gets its own database, so test classes never see each other's data. A test
 * can take the store down and bring it back, keeping what it holds as a real MongoDB does; a
 * client waits at most {@link #CLIENT_PATIENCE} for a store that is down before its command fails.
 */
public final class MongoWireTestServer {

	/** MongoDB's answer to every command while it shuts down. */
	private static final int SHUTDOWN_IN_PROGRESS = 91;

	private static final StoppableBackend backend = new StoppableBackend();

	private static InetSocketAddress address;

	private static MongoServer server;

	private MongoWireTestServer() {
	}

	/**
	 * Use as {@code registry.add("spring.mongodb.uri", () -> MongoWireTestServer.databaseUri(MyTests.class))},
	 * a database named after the test class.
	 */
	public static synchronized String databaseUri(Class<?> testClass) {
		if (address == null) {
			server = new MongoServer(backend);
			address = server.bind();
			Runtime.getRuntime().addShutdownHook(new Thread(MongoWireTestServer::stop));
		}
		return "mongodb://127.0.0.1:" + address.getPort() + "/" + testClass.getSimpleName()
				+ "?serverSelectionTimeoutMS=" + CLIENT_PATIENCE.toMillis();
	}

	/** The store goes down: nothing listens on its port until {@link #start()}. */
	public static synchronized void stop() {
		if (server != null) {
			server.shutdownNow();
			server = null;
		}
	}

	/**
	 * The store goes down right after answering the next {@code command} on {@code collection}
	 * (findAndModify on places, say), so the write that follows it fails: from then on it
	 * answers every command as a MongoDB that is shutting down, until {@link #start()}.
	 */
	public static void stopRightAfter(String command, String collection) {
		backend.stopAfter = command + " " + collection;
	}

	/** How long a client waits for a store that is down before its command fails. */
	public static final Duration CLIENT_PATIENCE = Duration.ofSeconds(2);

	/** @return whether the store is down, by {@link #stop()} or {@link #stopRightAfter} */
	public static synchronized boolean isDown() {
		return server == null || backend.shuttingDown;
	}

	/** @return whether the store, shutting down after {@link #stopRightAfter}, refused a command on this collection */
	public static boolean refused(String collection) {
		return backend.refused.contains(collection);
	}

	/** The store is back, on the same port, with everything it held. */
	public static synchronized void start() {
		backend.stopAfter = null;
		backend.shuttingDown = false;
		backend.refused.clear();
		if (server == null) {
			server = new MongoServer(backend);
			server.bind(address.getHostString(), address.getPort());
		}
	}

	private static final class StoppableBackend extends MemoryBackend {

		private volatile String stopAfter;

		private volatile boolean shuttingDown;

		private final Set<String> refused = ConcurrentHashMap.newKeySet();

		@Override
		public Document handleCommand(Channel channel, String database, String command, Document query) {
			if (shuttingDown) {
				refused.add(String.valueOf(query.get(command)));
				throw new MongoServerError(SHUTDOWN_IN_PROGRESS, "ShutdownInProgress", "The server is shutting down");
			}
			Document answer = super.handleCommand(channel, database, command, query);
			if (stopAfter != null && stopAfter.equalsIgnoreCase(command + " " + query.get(command))) {
				shuttingDown = true;
			}
			return answer;
		}

		/** What it holds outlives a stop, as a real MongoDB's data files do. */
		@Override
		public void close() {
		}

	}

}
