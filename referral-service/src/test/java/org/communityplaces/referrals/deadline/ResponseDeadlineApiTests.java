package org.communityplaces.referrals.deadline;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.TestClock;
import org.communityplaces.referrals.referral.Referral;
import org.communityplaces.referrals.referral.ReferralStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The host's deadline to answer, on a clock the test moves. */
class ResponseDeadlineApiTests extends ReferralServiceTest {

	@Autowired
	DeadlineWatch deadlines;

	@Autowired
	MeterRegistry meters;

	@Test
	void theHostIsRemindedHalfWayOnceAndTheReferralExpiresAtTheDeadline() {
		double expiredBefore = expiries();
		String id = referred(PlacesCatalogueStandIn.RED_LION);

		clock.set(TestClock.START.plus(Duration.ofHours(84)).minusSeconds(1));
		deadlines.remindAndExpire();
		assertThat(mongo.findById(id, Referral.class).outbox()).hasSize(1);

		clock.set(TestClock.START.plus(Duration.ofHours(84)));
		deadlines.remindAndExpire();
		deadlines.remindAndExpire();
		List<ConsumerRecord<String, String>> events = eventsOf(id, 2);
		assertThat(events.get(1).value()).contains("\"type\":\"ReferralReminderDue\"", "landlord@redlion.example.org",
				"\"respondBy\":\"2026-11-30T09:00:00Z\"");
		assertThat(mongo.findById(id, Referral.class).status()).isEqualTo(ReferralStatus.REQUESTED);

		clock.set(TestClock.START.plus(Duration.ofDays(7)));
		deadlines.remindAndExpire();
		assertThat(get(LINK_WORKER, "/api/referrals/" + id)).bodyJson().extractingPath("$.status").isEqualTo("expired");
		events = eventsOf(id, 3);
		assertThat(events).hasSize(3);
		assertThat(events.get(2).value()).contains("\"type\":\"ReferralExpired\"", "sam@surgery.example.org",
				"landlord@redlion.example.org");
		events.forEach(record -> assertThat(contract.violations(record.value())).isEmpty());
		assertThat(expiries()).isEqualTo(expiredBefore + 1);

		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatus(409);
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/re-referrals",
				"{\"placeId\": \"" + PlacesCatalogueStandIn.BAKERY + "\"}")).hasStatus(201);
	}

	@Test
	void aReferralAnsweredInTimeNeitherRemindsNorExpires() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk();
		clock.set(TestClock.START.plus(Duration.ofDays(30)));
		deadlines.remindAndExpire();
		assertThat(mongo.findById(id, Referral.class).status()).isEqualTo(ReferralStatus.ACCEPTED);
		assertThat(mongo.findById(id, Referral.class).outbox()).extracting("type")
			.containsExactly("ReferralRequested", "ReferralAccepted");
	}

	private double expiries() {
		return meters.find("referrals.transitions").tag("status", "expired").counters().stream()
			.mapToDouble(counter -> counter.count())
			.sum();
	}

}
