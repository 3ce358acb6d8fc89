package org.communityplaces.gateway;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.communityplaces.platform.testing.MongoWireTestServer;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Every gateway the tests start keeps its sessions and allowances in a database of its own on
 * the tests' in-memory MongoDB wire server, unless the test names one (as two gateways sharing
 * one store do): above application.yml's address, below a test's own properties.
 */
class StoreForTests implements EnvironmentPostProcessor {

	private static final String TEST_STORE = "org.communityplaces.platform.testing.MongoWireTestServer";

	private static final AtomicInteger gateways = new AtomicInteger();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!ClassUtils.isPresent(TEST_STORE, application.getClassLoader())) {
			// The benchmark's stock gateway starts from these test classes too, with no store and no use for one
			return;
		}
		String shared = MongoWireTestServer.databaseUri(StoreForTests.class);
		int options = shared.indexOf('?') < 0 ? shared.length() : shared.indexOf('?');
		String own = shared.substring(0, options) + "-" + gateways.incrementAndGet() + shared.substring(options);
		MapPropertySource store = new MapPropertySource("testStore", Map.of("spring.mongodb.uri", own));
		if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, store);
		}
		else {
			environment.getPropertySources().addLast(store);
		}
	}

}
