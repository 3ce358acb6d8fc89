package org.communityplaces.referrals.place;

import java.time.Duration;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * referral-service as a consumer of the catalogue's events: the contract's own examples keep
 * its snapshot of places, and the snapshot keeps referrals going while the catalogue is down.
 */
class PlaceSnapshotTests extends ReferralServiceTest {

	private static final String PLACE_ID = "demo-red-lion";

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Test
	void withTheCatalogueDownAReferralIsMadeToAPlaceKnownOnlyFromItsEvents() {
		placeEvent(contract.examples("PlaceChanged").get(0));
		awaitSnapshotVersion(3);
		PlacesCatalogueStandIn.answering(false);

		MvcTestResult created = refer(LINK_WORKER, PLACE_ID);
		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.place.name").isEqualTo("The Red Lion community table");
		assertThat(created).bodyJson().extractingPath("$.place.kind").isEqualTo("pub");
		assertThat(created).bodyJson().extractingPath("$.place.district").as("from the event").isEqualTo("S6");
		String id = idOf(created);
		assertThat(eventsOf(id, 1).get(0).value()).contains("landlord@redlion.example.org");
		assertThat(get(LANDLORD, "/api/referrals/" + id)).hasStatusOk();
	}

	@Test
	void aLateOlderEventIsIgnoredAndARemovedPlaceTakesNoReferrals() {
		placeEvent(changed(7, "new-host@redlion.example.org"));
		awaitSnapshotVersion(7);
		placeEvent(contract.examples("PlaceChanged").get(0));
		placeEvent(contract.examples("PlaceRemoved").get(0).replaceFirst("\"placeVersion\":\\d+", "\"placeVersion\":8"));
		awaitSnapshotVersion(8);
		assertThat(mongo.findById(PLACE_ID, PlaceSummary.class).hostEmail())
			.isEqualTo("new-host@redlion.example.org");

		PlacesCatalogueStandIn.answering(false);
		assertThat(refer(LINK_WORKER, PLACE_ID)).hasStatus(422);
	}

	@Test
	void openReferralsFollowTheirPlaceToANewHost() {
		placeEvent(changed(20, "landlord@redlion.example.org"));
		awaitSnapshotVersion(20);
		PlacesCatalogueStandIn.answering(false);
		String id = referred(PLACE_ID);
		assertThat(get(LANDLORD, "/api/referrals/" + id)).hasStatusOk();

		placeEvent(changed(21, "kim@bakery.example.org"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get(OTHER_HOST, "/api/referrals/" + id)).hasStatusOk());
		assertThat(get(LANDLORD, "/api/referrals/" + id)).hasStatus(404);
	}

	private String changed(int version, String hostEmail) {
		return contract.examples("PlaceChanged")
			.get(0)
			.replaceFirst("\"placeVersion\":\\d+", "\"placeVersion\":" + version)
			.replace("landlord@redlion.example.org", hostEmail);
	}

	private void placeEvent(String json) {
		assertThat(contract.violations(json)).isEmpty();
		kafka.send("place-events", PLACE_ID, json).join();
	}

	private void awaitSnapshotVersion(long version) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			var snapshot = mongo.findById(PLACE_ID, PlaceSummary.class);
			return snapshot != null && snapshot.version() == version;
		});
	}

}
