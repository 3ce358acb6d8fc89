package org.communityplaces.referrals.outcome;

import io.micrometer.core.instrument.MeterRegistry;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.referral.Referral;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Baseline and follow-up scores, and what commissioners get of them: aggregates only. */
class OutcomeApiTests extends ReferralServiceTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void aFollowUpAgainstItsBaselineIsCountedForCommissionersWithoutTheScoresLeavingTheService() {
		double improved = changes("ucla-loneliness", "improved");
		double worse = changes("ons4-anxiety", "worse");
		double unchanged = changes("ons4-happiness", "unchanged");
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", BASELINE)).hasStatusOk();
		post(LANDLORD, "/api/referrals/" + id + "/accept");
		post(LANDLORD, "/api/referrals/" + id + "/attendance", "{\"on\": \"2026-11-23\", \"attended\": true}");

		MvcTestResult followUp = post(COLLEAGUE, "/api/referrals/" + id + "/outcomes", FOLLOW_UP);
		assertThat(followUp).hasStatusOk().bodyJson().extractingPath("$.outcomes.followUp.uclaLoneliness").isEqualTo(5);
		assertThat(followUp).bodyJson().extractingPath("$.outcomes.baseline.ons4.anxiety").isEqualTo(7);

		assertThat(changes("ucla-loneliness", "improved")).isEqualTo(improved + 1);
		assertThat(changes("ons4-anxiety", "worse")).isEqualTo(worse + 1);
		assertThat(changes("ons4-happiness", "unchanged")).isEqualTo(unchanged + 1);
		assertThat(meters.find("referrals.outcome.score").tag("measure", "ucla-loneliness").tag("timepoint", "follow-up")
			.summaries()).isNotEmpty();

		assertThat(eventsOf(id, 5)).filteredOn(record -> record.value().contains("OutcomeRecorded"))
			.hasSize(2)
			.allSatisfy(record -> {
				assertThat(contract.violations(record.value())).isEmpty();
				assertThat(record.value()).doesNotContain("uclaLoneliness", "anxiety", "\"8\"");
			});
		assertThat(get(LANDLORD, "/api/referrals/" + id)).bodyText().doesNotContain("outcomes", "ucla");
	}

	@Test
	void scoresOutOfRangeAreNamedAndNothingIsStored() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", BASELINE.replace("\"uclaLoneliness\": 8",
				"\"uclaLoneliness\": 10")), 400, "uclaLoneliness");
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", BASELINE.replace("\"uclaLoneliness\": 8",
				"\"uclaLoneliness\": 2")), 400, "uclaLoneliness");
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", BASELINE.replace("\"anxiety\": 7",
				"\"anxiety\": 11")), 400, "ons4.anxiety");
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", "{\"timepoint\": \"baseline\"}"), 400,
				"uclaLoneliness");
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", BASELINE.replace("baseline", "midway")),
				400, "timepoint");
		assertThat(mongo.findById(id, Referral.class).outcomes()).isNull();
		assertThat(mongo.findById(id, Referral.class).outbox()).hasSize(1);
	}

	@Test
	void aFollowUpNeedsABaselineAndAPersonWhoStartedGoingAndEachIsRecordedOnce() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", FOLLOW_UP), 409, null);
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", BASELINE)).hasStatusOk();
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", BASELINE), 409, null);
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", FOLLOW_UP), 409, null);
		assertRefused(post(LANDLORD, "/api/referrals/" + id + "/outcomes", BASELINE), 403, null);
	}

	private double changes(String measure, String direction) {
		return meters.find("referrals.outcome.changes").tag("measure", measure).tag("direction", direction).counters()
			.stream()
			.mapToDouble(counter -> counter.count())
			.sum();
	}

}
