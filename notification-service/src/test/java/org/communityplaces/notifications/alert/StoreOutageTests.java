package org.communityplaces.notifications.alert;

import java.time.Duration;

import org.communityplaces.notifications.NotificationServiceTest;
import org.communityplaces.platform.testing.MongoWireTestServer;
import org.communityplaces.platform.testing.PublishedEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store outage delays events and parks none, however long it lasts; an event that breaks the
 * contract is parked at once all the same, outage or not.
 */
class StoreOutageTests extends NotificationServiceTest {

	/** Longer than events were once given before they were parked (600 ms of retries here, 30 s deployed). */
	private static final Duration OUTAGE = Duration.ofSeconds(8);

	private static PublishedEvents parked;

	@BeforeAll
	static void readParked(@Autowired EmbeddedKafkaBroker broker) {
		parked = new PublishedEvents(broker.getBrokersAsString(), "referral-events-dlt");
	}

	@AfterAll
	static void stopReadingParked() {
		parked.close();
	}

	@Test
	void anEventArrivingWhileTheStoreIsDownAlertsWhenItIsBackAndABrokenOneIsParkedAtOnce() {
		String accepted = event("ReferralAccepted");
		String eventId = accepted.replaceFirst(".*\"eventId\":\"([^\"]+)\".*", "$1");
		MongoWireTestServer.stop();
		try {
			publish("this is not JSON");
			publish(accepted);
			await().atMost(Duration.ofSeconds(5)).until(() -> isParked("this is not JSON"));
			await().during(OUTAGE).atMost(OUTAGE.plusSeconds(5)).until(() -> !isParked(eventId));
		}
		finally {
			MongoWireTestServer.start();
		}

		awaitEmailsTo(REFERRER, 1);
		assertThat(isParked(eventId)).isFalse();
	}

	private static boolean isParked(String text) {
		return parked.of("key").stream().anyMatch(record -> record.value().contains(text));
	}

}
