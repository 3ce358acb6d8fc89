package org.communityplaces.notifications;

import org.communityplaces.platform.testing.ServiceStructure;
import org.junit.jupiter.api.Test;

/**
 * The shape of the service: feature packages ({@code alert}, {@code delivery}, {@code inbox},
 * {@code preference}, {@code deadletter}) without cycles, each package-private but for the few
 * types other features use, on top of {@code platform} and {@code contracts} only.
 */
class StructureTests {

	private static final ServiceStructure service = ServiceStructure.of("org.communityplaces.notifications");

	@Test
	void noCycleBetweenFeatures() {
		service.hasNoCycleBetweenFeatures();
	}

	@Test
	void featuresReachEachOtherOnlyThroughPublicTypes() {
		service.featuresReachEachOtherOnlyThroughPublicTypes();
	}

	@Test
	void aTypeIsPublicOnlyWhenAnotherFeatureUsesIt() {
		service.aTypeIsPublicOnlyWhenAnotherFeatureUsesIt();
	}

	@Test
	void noCodeOfAnotherService() {
		service.dependsOnNoOtherService();
	}

}
