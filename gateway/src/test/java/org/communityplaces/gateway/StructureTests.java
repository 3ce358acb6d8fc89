package org.communityplaces.gateway;

import org.communityplaces.platform.testing.ServiceStructure;
import org.junit.jupiter.api.Test;

/**
 * The shape of the gateway: {@code edge} (limits, headers, correlation, access log),
 * {@code signin}, {@code pages} (the pages, vocabularies and dashboards the web app reads),
 * {@code problem} and {@code store} (the gateway's own database, shared by its instances) without cycles, each package-private but for the few types other packages
 * use, on top of {@code contracts} only.
 */
class StructureTests {

	private static final ServiceStructure gateway = ServiceStructure.of("org.communityplaces.gateway");

	@Test
	void noCycleBetweenFeatures() {
		gateway.hasNoCycleBetweenFeatures();
	}

	@Test
	void featuresReachEachOtherOnlyThroughPublicTypes() {
		gateway.featuresReachEachOtherOnlyThroughPublicTypes();
	}

	@Test
	void aTypeIsPublicOnlyWhenAnotherFeatureUsesIt() {
		gateway.aTypeIsPublicOnlyWhenAnotherFeatureUsesIt();
	}

	@Test
	void noCodeOfAnotherService() {
		gateway.dependsOnNoOtherService();
	}

}
