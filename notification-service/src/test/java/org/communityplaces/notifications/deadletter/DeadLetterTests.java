package org.communityplaces.notifications.deadletter;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.communityplaces.notifications.NotificationServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events that cannot be processed go to the dead-letter topic, never stop the consumer, and can be replayed. */
class DeadLetterTests extends NotificationServiceTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void anEventThatBreaksTheContractIsParkedWithTheReasonAndTheConsumerKeepsGoing() {
		publish("{\"type\": \"ReferralRequested\", \"eventId\": \"not-a-uuid\"}");
		publish("this is not JSON");
		publish(event("ReferralAccepted"));
		awaitEmailsTo(REFERRER, 1);

		List<DeadLetter> parked = awaitParked(2);
		assertThat(parked).extracting(DeadLetter::reason)
			.anySatisfy(reason -> assertThat(reason).contains("breaks the contract", "eventId"))
			.anySatisfy(reason -> assertThat(reason).contains("not JSON"));
		assertThat(parked).allSatisfy(letter -> assertThat(letter.originalTopic()).isEqualTo("referral-events"));
		assertThat(meters.get("notifications.dead.letters.parked").gauge().value()).isEqualTo(2);
		assertThat(as("host", HOST, mvc.get().uri("/api/notifications/dead-letters"))).hasStatus(403);
	}

	@Test
	void anEventThatFailedUntilItsCauseWasFixedIsReplayedByAnAdminAndAlertsOnce() {
		// A broken preference record: every event for this host fails until it is put right.
		mongo.getCollection("preferences")
			.insertOne(new Document("_id", HOST).append("channel", "CARRIER_PIGEON"));
		String event = event("ReferralRequested");
		publish(event);
		DeadLetter parked = awaitParked(1).get(0);
		assertThat(parked.payload()).isEqualTo(event);
		assertThat(emailsTo(HOST)).isEmpty();

		assertThat(choose("host", HOST, "{\"channel\": \"email\"}")).hasStatusOk();
		MvcTestResult replayed = as("admin", null, mvc.post().uri("/api/notifications/dead-letters/{id}/replay",
				parked.id()));
		assertThat(replayed).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("REPLAYED");
		awaitEmailsTo(HOST, 1);

		assertThat(as("admin", null, mvc.post().uri("/api/notifications/dead-letters/{id}/replay", parked.id())))
			.hasStatus(409);
		assertThat(as("admin", null, mvc.get().uri("/api/notifications/dead-letters?status=parked"))).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(0);
		assertThat(as("admin", null, mvc.post().uri("/api/notifications/dead-letters/{id}/replay", "0-999999")))
			.hasStatus(404);
	}

	private List<DeadLetter> awaitParked(int count) {
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.findAll(DeadLetter.class), letters -> letters.size() >= count);
	}

}
