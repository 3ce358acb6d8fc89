package org.communityplaces.stack;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoBackend;

/**
 * The store's backend behind a switch that can freeze it: while frozen, every command, query
 * and message waits unanswered, as a hung MongoDB leaves its clients waiting (connections stay
 * open, nothing comes back, nothing fails fast), and each is answered in turn once it thaws.
 */
final class FreezableStore {

	private static final Set<String> REQUESTS = Set.of("handleCommand", "handleQuery", "handleMessage");

	private volatile CountDownLatch thawed = new CountDownLatch(0);

	/** The backend, answering only while not frozen. */
	MongoBackend wrap(MongoBackend backend) {
		return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
				new Class<?>[] { MongoBackend.class }, (proxy, method, arguments) -> {
					if (REQUESTS.contains(method.getName())) {
						thawed.await();
					}
					try {
						return method.invoke(backend, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	void freeze() {
		if (thawed.getCount() == 0) {
			thawed = new CountDownLatch(1);
		}
	}

	void thaw() {
		thawed.countDown();
	}

}
