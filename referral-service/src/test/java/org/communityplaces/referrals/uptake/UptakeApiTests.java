package org.communityplaces.referrals.uptake;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.TestClock;
import org.communityplaces.referrals.referral.OutcomeMeasure;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Uptake for commissioners: the funnel, rates and outcome change from the stored referrals, with nobody in it. */
class UptakeApiTests extends UptakeTest {

	@Test
	void theFunnelRatesAndOutcomeChangeComeFromTheReferralsRequestedInThePeriod() {
		List<String> went = refer(5, PlacesCatalogueStandIn.RED_LION, "S6");
		List<String> declined = refer(5, PlacesCatalogueStandIn.RED_LION, "S6");
		List<String> unanswered = refer(5, PlacesCatalogueStandIn.BAKERY, "S6");
		step(LINK_WORKER, went, "outcomes", BASELINE);
		clock.advance(Duration.ofHours(2));
		step(LANDLORD, went, "accept", null);
		clock.advance(Duration.ofHours(8));
		step(LANDLORD, declined, "reject", "{\"reason\": \"no-capacity\"}");
		step(LANDLORD, went, "attendance", "{\"on\": \"2026-11-23\", \"attended\": true}");
		step(LINK_WORKER, went, "outcomes", FOLLOW_UP);
		clock.set(TestClock.START.plus(Duration.ofDays(7)));
		runScheduled("DeadlineWatch", "remindAndExpire");

		MvcTestResult uptake = get(COMMISSIONER, "/api/referrals/uptake");
		assertThat(uptake).hasStatusOk();
		assertThat(uptake).bodyJson().extractingPath("$.from").isEqualTo("2026-09-02");
		assertThat(uptake).bodyJson().extractingPath("$.to").isEqualTo("2026-11-30");
		assertThat(uptake).bodyJson().extractingPath("$.generatedAt").isEqualTo("2026-11-30T09:00:00Z");
		assertThat(uptake).bodyJson().extractingPath("$.total").satisfies(total -> assertThat(total.toString())
			.contains("referred=15", "accepted=5", "started=5", "declined=5", "expired=5", "awaitingAnswer=0",
					"acceptanceRate=0.5", "attendanceRate=1.0", "expiryRate=0.333", "medianHoursToDecision=2.0",
					"p90HoursToDecision=10.0", "suppressed=[]"));
		assertThat(uptake).bodyJson().extractingPath("$.byPlaceKind[0].key").isEqualTo("pub");
		assertThat(uptake).bodyJson().extractingPath("$.byPlaceKind[0].referred").isEqualTo(10);
		assertThat(uptake).bodyJson().extractingPath("$.byPlaceKind[1].key").isEqualTo("shop");
		assertThat(uptake).bodyJson().extractingPath("$.byArea[0].key").isEqualTo("S");
		assertThat(uptake).bodyJson().extractingPath("$.byPlaceDistrict[0].key").isEqualTo("S10");
		assertThat(uptake).bodyJson().extractingPath("$.byPersonDistrict[0].key").isEqualTo("S6");
		assertThat(uptake).bodyJson()
			.extractingPath("$.whyNotGoneAhead[?(@.status == 'rejected' && @.reason == 'no-capacity')].count")
			.asArray()
			.containsExactly(5);
		assertThat(uptake).bodyJson()
			.extractingPath("$.whyNotGoneAhead[?(@.status == 'expired' && @.reason == 'none-given')].count")
			.asArray()
			.containsExactly(5);
		assertThat(uptake).bodyJson()
			.extractingPath("$.outcomeChange[?(@.measure == 'ucla-loneliness')]")
			.asArray()
			.singleElement()
			.asString()
			.contains("pairs=5", "meanBaseline=8.0", "meanFollowUp=5.0", "improved=5");
		assertThat(uptake).bodyJson()
			.extractingPath("$.outcomeChange[?(@.measure == 'ons4-anxiety')].worse")
			.asArray()
			.containsExactly(5);
		assertThat(uptake).bodyText()
			.as("aggregates only")
			.doesNotContain("Edith", "Brown", went.get(0), declined.get(0), unanswered.get(0),
					PlacesCatalogueStandIn.RED_LION, "Red Lion");

		assertThat(get(ADMIN, "/api/referrals/uptake?from=2026-11-24&to=2026-11-30")).bodyJson()
			.extractingPath("$.total.referred")
			.isEqualTo(0);
	}

	@Test
	void everyMeasureOfOutcomeHasItsRowEvenWithNothingScored() {
		assertThat(get(COMMISSIONER, "/api/referrals/uptake")).bodyJson()
			.extractingPath("$.outcomeChange[*].measure")
			.asArray()
			.containsExactlyElementsOf(Arrays.stream(OutcomeMeasure.values()).map(OutcomeMeasure::code).toList());
	}

	@Test
	void onlyCommissionersAndAdminsSeeUptakeAndAPeriodMustMakeSense() {
		assertRefused(get(LINK_WORKER, "/api/referrals/uptake"), 403, null);
		assertRefused(get(LANDLORD, "/api/referrals/uptake"), 403, null);
		assertRefused(get(COMMISSIONER, "/api/referrals/uptake?from=2026-11-30&to=2026-11-01"), 400, "from");
		assertRefused(get(COMMISSIONER, "/api/referrals/uptake?from=2020-01-01&to=2026-11-01"), 400, "to");
		assertRefused(get(COMMISSIONER, "/api/referrals/uptake?from=yesterday"), 400, "from");
	}

	@Test
	void datesAtTheEdgesOfTheCalendarAreRefusedNamingTheFieldNeverA500() {
		assertRefused(uptake("to=%2B999999999-12-31"), 400, "to");
		assertRefused(uptake("from=-999999999-01-01"), 400, "from");
		assertRefused(uptake("from=-999999999-01-01&to=-999999999-01-01"), 400, "from");
		assertRefused(uptake("from=%2B999999999-12-01&to=%2B999999999-12-31"), 400, "from");
		assertRefused(uptake("from=-999999999-01-01&to=%2B999999999-12-31"), 400, "from");
	}

	@Test
	void aPeriodOfTwoHundredYearsIsRefusedAsTooLongAndAPeriodInAnyCenturyIsWorkedOut() {
		assertRefused(uptake("from=1900-01-01&to=2100-12-31"), 400, "to");
		assertRefused(uptake("to=2100-12-31&from=1900-01-01"), 400, "to");
		for (String period : List.of("from=1900-01-01&to=1902-12-31", "from=2199-01-01&to=2199-12-31", "to=1900-03-31")) {
			assertThat(uptake(period)).as(period).hasStatusOk().bodyJson().extractingPath("$.total.referred").isEqualTo(0);
		}
	}

	/** The query as written, with {@code +} escaped as a client must: not expanded or encoded again. */
	private MvcTestResult uptake(String query) {
		return COMMISSIONER.on(mvc.get().uri(URI.create("/api/referrals/uptake?" + query))).exchange();
	}

}
