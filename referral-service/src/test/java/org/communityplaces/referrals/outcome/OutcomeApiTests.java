package org.communityplaces.referrals.outcome;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	@Test
	void aBaselineOnAClosedReferralIsRefusedByTheStateMachineAndChangesNothing() {
		Map<String, String> closed = new LinkedHashMap<>();
		closed.put("cancelled", cancelled());
		closed.put("rejected", rejected());
		closed.put("failed", failed());
		closed.put("completed", completed());
		closed.put("expired", expired());
		closed.forEach((status, id) -> {
			Referral before = mongo.findById(id, Referral.class);
			assertThat(before.status().code()).isEqualTo(status);
			MvcTestResult baseline = post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", BASELINE);
			assertRefused(baseline, 409, null);
			assertThat(baseline).as(status).bodyJson().extractingPath("$.detail").asString().contains(status);
			assertThat(mongo.findById(id, Referral.class)).as(status).isEqualTo(before);
		});
	}

	@Test
	void aScoreWithAFractionIsRefusedNotRounded() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes",
				BASELINE.replace("\"uclaLoneliness\": 8", "\"uclaLoneliness\": 6.5")), 400, "uclaLoneliness");
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes",
				BASELINE.replace("\"anxiety\": 7", "\"anxiety\": 7.5")), 400, "ons4.anxiety");
		assertThat(mongo.findById(id, Referral.class).outcomes()).isNull();
	}

	/**
	 * Scores are taken on a real day of the referral's life: not in the future, a baseline
	 * no more than 90 days before the referral was made (the conversation that led to it), a
	 * follow-up not before the baseline nor before the person first went.
	 */
	@Test
	void aDayOfMeasurementOutsideTheReferralsLifeIsRefusedNamingMeasuredOn() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		for (String day : List.of("-999999999-01-01", "+999999999-12-31", "0000-01-01", "2026-11-24", "2026-08-24")) {
			assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", measuredOn(BASELINE, day)), 400,
					"measuredOn");
		}
		assertThat(mongo.findById(id, Referral.class).outcomes()).isNull();
		assertThat(mongo.findById(id, Referral.class).outbox()).hasSize(1);

		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", measuredOn(BASELINE, "2026-08-25")))
			.hasStatusOk();
		post(LANDLORD, "/api/referrals/" + id + "/accept");
		clock.advance(Duration.ofDays(2));
		post(LANDLORD, "/api/referrals/" + id + "/attendance", "{\"on\": \"2026-11-24\", \"attended\": true}");
		assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", measuredOn(FOLLOW_UP, "2026-11-23")),
				400, "measuredOn");
		assertThat(mongo.findById(id, Referral.class).outcomes().followUp()).isNull();
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes", measuredOn(FOLLOW_UP, "2026-11-24")))
			.hasStatusOk();
	}

	private static String measuredOn(String scores, String day) {
		return scores.replaceFirst("\\{", "{\"measuredOn\": \"" + day + "\", ");
	}

	private String cancelled() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/cancel", "{\"reason\": \"no-longer-needed\"}"))
			.hasStatusOk();
		return id;
	}

	private String rejected() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/reject", "{\"reason\": \"no-capacity\"}")).hasStatusOk();
		return id;
	}

	private String failed() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk();
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/attendance", "{\"on\": \"2026-11-23\", \"attended\": false}"))
			.hasStatusOk();
		return id;
	}

	private String completed() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/accept")).hasStatusOk();
		assertThat(post(LANDLORD, "/api/referrals/" + id + "/attendance", "{\"on\": \"2026-11-23\", \"attended\": true}"))
			.hasStatusOk();
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/complete")).hasStatusOk();
		return id;
	}

	/** Made last: the clock moves past its deadline and every referral still awaiting an answer expires. */
	private String expired() {
		String id = referred(PlacesCatalogueStandIn.BAKERY);
		clock.advance(Duration.ofDays(7));
		runScheduled("DeadlineWatch", "remindAndExpire");
		return id;
	}

	private double changes(String measure, String direction) {
		return meters.find("referrals.outcome.changes").tag("measure", measure).tag("direction", direction).counters()
			.stream()
			.mapToDouble(counter -> counter.count())
			.sum();
	}

}
