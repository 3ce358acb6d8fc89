package org.communityplaces.places;

import org.communityplaces.platform.testing.ServiceStructure;
import org.junit.jupiter.api.Test;

/**
 * places-service as feature packages ({@code place}, {@code search}, {@code imports},
 * {@code oruk}, {@code taxonomy}, {@code geo}): no loop between them, each reached by the others
 * only through the few public types it offers (everything else package-private), and no code
 * of another service.
 */
class StructureTests {

	private static final ServiceStructure places = ServiceStructure.of("org.communityplaces.places");

	@Test
	void noCycleBetweenFeatures() {
		places.hasNoCycleBetweenFeatures();
	}

	@Test
	void featuresReachEachOtherOnlyThroughPublicTypes() {
		places.featuresReachEachOtherOnlyThroughPublicTypes();
	}

	@Test
	void aTypeIsPublicOnlyWhenAnotherFeatureUsesIt() {
		places.aTypeIsPublicOnlyWhenAnotherFeatureUsesIt();
	}

	@Test
	void noCodeOfAnotherService() {
		places.dependsOnNoOtherService();
	}

}
