package org.communityplaces.platform.sampleservice;

import org.communityplaces.platform.testing.HostileRequests;
import org.communityplaces.platform.testing.StoredState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostileRequestsTests extends SampleServiceTest {

	@Test
	void everyOperationOfAServiceOnThePlatformHoldsAgainstHostileRequests() {
		String id = idOf(create(THING));

		HostileRequests.Summary summary = HostileRequests.against(mvc)
			.as("admin", ADMIN)
			.as("host", HOST)
			.pathVariable("id", id)
			.exampleBody("POST /api/things", THING)
			.exampleBody("PUT /api/things/{id}", THING)
			.storedState(StoredState.of(mongo))
			.run();

		assertThat(summary.operations()).isEqualTo(7);
		assertThat(summary.requests()).isGreaterThan(1_000);
	}

}
