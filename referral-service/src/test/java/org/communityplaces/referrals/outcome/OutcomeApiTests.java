package org.communityplaces.referrals.outcome;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.referral.OutcomeMeasure;
import org.communityplaces.referrals.referral.Referral;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
			// The relay marks each event sent on its own thread: compare once it has, so only the refusal could change it
			Referral before = await().atMost(Duration.ofSeconds(30))
				.until(() -> mongo.findById(id, Referral.class),
						referral -> referral.outbox().stream().allMatch(entry -> entry.sentAt() != null));
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

	/**
	 * LSNS-6: how many relatives, then friends, they see or hear from monthly, can talk to about
	 * private matters and could call on for help, each 0 (none) to 5 (nine or more), totalled 0
	 * to 30 (higher is more connected).
	 */
	@Test
	void theSixSocialNetworkAnswersAreKeptWithTheirTotalAtBaselineAndFollowUpAndCountedForCommissioners() {
		double improved = changes("lsns6-social-network", "improved");
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		MvcTestResult baseline = post(LINK_WORKER, "/api/referrals/" + id + "/outcomes",
				"{\"timepoint\": \"baseline\", \"uclaLoneliness\": 8, " + lsns6(1, 2, 1, 0, 1, 0) + "}");
		assertThat(baseline).hasStatusOk().bodyJson().extractingPath("$.outcomes.baseline.lsns6.total").isEqualTo(5);
		assertThat(baseline).bodyJson().extractingPath("$.outcomes.baseline.lsns6.relativesToTalkTo").isEqualTo(2);
		post(LANDLORD, "/api/referrals/" + id + "/accept");
		post(LANDLORD, "/api/referrals/" + id + "/attendance", "{\"on\": \"2026-11-23\", \"attended\": true}");

		MvcTestResult followUp = post(COLLEAGUE, "/api/referrals/" + id + "/outcomes",
				"{\"timepoint\": \"follow-up\", " + lsns6(2, 3, 2, 2, 3, 2) + "}");

		assertThat(followUp).hasStatusOk().bodyJson().extractingPath("$.outcomes.followUp.lsns6.total").isEqualTo(14);
		Referral.Outcomes stored = mongo.findById(id, Referral.class).outcomes();
		assertThat(stored.baseline().lsns6()).isEqualTo(new Referral.Lsns6(1, 2, 1, 0, 1, 0, 5));
		assertThat(stored.followUp().lsns6()).isEqualTo(new Referral.Lsns6(2, 3, 2, 2, 3, 2, 14));
		assertThat(stored.followUp().uclaLoneliness()).isNull();
		assertThat(OutcomeMeasure.LSNS6_SOCIAL_NETWORK.of(stored.baseline())).isEqualTo(5);
		assertThat(OutcomeMeasure.LSNS6_SOCIAL_NETWORK.improvement(5, 14)).as("higher is better").isEqualTo(9);

		assertThat(changes("lsns6-social-network", "improved")).isEqualTo(improved + 1);
		assertThat(meters.find("referrals.outcome.score").tag("measure", "lsns6-social-network")
			.tag("timepoint", "follow-up").summaries()).isNotEmpty();
		List<ConsumerRecord<String, String>> recorded = eventsOf(id, 5).stream()
			.filter(record -> record.value().contains("OutcomeRecorded"))
			.toList();
		assertThat(recorded).hasSize(2).allSatisfy(record -> {
			assertThat(contract.violations(record.value())).isEmpty();
			assertThat(record.value()).contains("lsns6-social-network").doesNotContain("relatives", "friends", "total");
		});
		assertThat(recorded.get(0).value()).contains("ucla-loneliness");
		assertThat(recorded.get(1).value()).doesNotContain("ucla-loneliness");
		assertThat(get(LANDLORD, "/api/referrals/" + id)).bodyText().doesNotContain("lsns6", "relatives");
	}

	@Test
	void eachSocialNetworkAnswerIsANumberFrom0To5AndAllSixAreGivenOrNoneAndARefusalStoresNothing() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		String all = lsns6(1, 2, 1, 0, 1, 0);
		for (String question : LSNS6_QUESTIONS) {
			for (String wrong : List.of("-1", "6", "2.5", "\"3\"", "true", "null")) {
				String answers = all.replaceFirst("\"" + question + "\": \\d", "\"" + question + "\": " + wrong);
				assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes",
						"{\"timepoint\": \"baseline\", " + answers + "}"), 400, "lsns6." + question);
			}
			String withoutIt = all.replaceFirst("\"" + question + "\": \\d,? ?", "").replace(", }", "}");
			assertRefused(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes",
					"{\"timepoint\": \"baseline\", \"uclaLoneliness\": 8, " + withoutIt + "}"), 400, "lsns6." + question);
		}
		MvcTestResult none = post(LINK_WORKER, "/api/referrals/" + id + "/outcomes",
				"{\"timepoint\": \"baseline\", \"uclaLoneliness\": 8, \"lsns6\": {}}");
		assertRefused(none, 400, null);
		assertThat(none).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsAll(LSNS6_QUESTIONS.stream().map(question -> "lsns6." + question).toList());
		assertThat(none).bodyText().contains("give all six social network answers");
		assertThat(mongo.findById(id, Referral.class).outcomes()).isNull();
		assertThat(mongo.findById(id, Referral.class).outbox()).hasSize(1);

		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes",
				"{\"timepoint\": \"baseline\", " + lsns6(0, 0, 0, 0, 0, 0) + "}")).hasStatusOk();
		post(LANDLORD, "/api/referrals/" + id + "/accept");
		post(LANDLORD, "/api/referrals/" + id + "/attendance", "{\"on\": \"2026-11-23\", \"attended\": true}");
		assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes",
				"{\"timepoint\": \"follow-up\", " + lsns6(5, 5, 5, 5, 5, 5) + "}")).hasStatusOk();
		assertThat(mongo.findById(id, Referral.class).outcomes().baseline().lsns6().total()).isZero();
		assertThat(mongo.findById(id, Referral.class).outcomes().followUp().lsns6().total()).isEqualTo(30);
	}

	/** Uptake compares the totals of each baseline and follow-up pair, as it does the other measures. */
	@Test
	void uptakeComparesTheSocialNetworkTotalsOfEachPair() {
		int[][] pairs = { { 5, 9 }, { 8, 12 }, { 10, 11 }, { 3, 10 }, { 14, 18 } };
		for (int[] pair : pairs) {
			String id = referred(PlacesCatalogueStandIn.RED_LION);
			assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes",
					"{\"timepoint\": \"baseline\", " + lsns6Totalling(pair[0]) + "}")).hasStatusOk();
			post(LANDLORD, "/api/referrals/" + id + "/accept");
			post(LANDLORD, "/api/referrals/" + id + "/attendance", "{\"on\": \"2026-11-23\", \"attended\": true}");
			assertThat(post(LINK_WORKER, "/api/referrals/" + id + "/outcomes",
					"{\"timepoint\": \"follow-up\", " + lsns6Totalling(pair[1]) + "}")).hasStatusOk();
		}

		assertThat(get(COMMISSIONER, "/api/referrals/uptake")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.outcomeChange[?(@.measure == 'lsns6-social-network')]")
			.asArray()
			.singleElement()
			.asString()
			.contains("pairs=5", "meanBaseline=8.0", "meanFollowUp=12.0", "improved=5", "unchanged=0", "worse=0");
	}

	private static final List<String> LSNS6_QUESTIONS = List.of("relativesSeenMonthly", "relativesToTalkTo",
			"relativesToCallOnForHelp", "friendsSeenMonthly", "friendsToTalkTo", "friendsToCallOnForHelp");

	/** Answers adding up to {@code total}, each as high as it goes in the scale's order. */
	private static String lsns6Totalling(int total) {
		int[] answers = new int[LSNS6_QUESTIONS.size()];
		for (int question = 0, left = total; question < answers.length; left -= answers[question++]) {
			answers[question] = Math.min(5, left);
		}
		return lsns6(answers);
	}

	/** The six answers in the order the scale asks them, as the {@code lsns6} part of a request. */
	private static String lsns6(int... answers) {
		StringBuilder json = new StringBuilder("\"lsns6\": {");
		for (int question = 0; question < LSNS6_QUESTIONS.size(); question++) {
			json.append(question == 0 ? "" : ", ")
				.append('"')
				.append(LSNS6_QUESTIONS.get(question))
				.append("\": ")
				.append(answers[question]);
		}
		return json.append('}').toString();
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
