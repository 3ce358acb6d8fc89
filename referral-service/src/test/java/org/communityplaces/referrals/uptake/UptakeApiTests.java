package org.communityplaces.referrals.uptake;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.communityplaces.referrals.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Uptake for commissioners: the funnel, rates and outcome change from the stored referrals, with nobody in it. */
class UptakeApiTests extends ReferralServiceTest {

	@Test
	void theFunnelRatesAndOutcomeChangeComeFromTheReferralsRequestedInThePeriod() {
		String went = referred(PlacesCatalogueStandIn.RED_LION);
		String declined = referred(PlacesCatalogueStandIn.RED_LION);
		String unanswered = referred(PlacesCatalogueStandIn.BAKERY);
		post(LINK_WORKER, "/api/referrals/" + went + "/outcomes", BASELINE);
		clock.advance(Duration.ofHours(2));
		assertThat(post(LANDLORD, "/api/referrals/" + went + "/accept")).hasStatusOk();
		clock.advance(Duration.ofHours(8));
		assertThat(post(LANDLORD, "/api/referrals/" + declined + "/reject", "{\"reason\": \"no-capacity\"}"))
			.hasStatusOk();
		assertThat(post(LANDLORD, "/api/referrals/" + went + "/attendance", "{\"on\": \"2026-11-23\", \"attended\": true}"))
			.hasStatusOk();
		assertThat(post(LINK_WORKER, "/api/referrals/" + went + "/outcomes", FOLLOW_UP)).hasStatusOk();
		clock.set(TestClock.START.plus(Duration.ofDays(7)));
		runScheduled("DeadlineWatch", "remindAndExpire");

		MvcTestResult uptake = get(COMMISSIONER, "/api/referrals/uptake");
		assertThat(uptake).hasStatusOk();
		assertThat(uptake).bodyJson().extractingPath("$.from").isEqualTo("2026-09-02");
		assertThat(uptake).bodyJson().extractingPath("$.to").isEqualTo("2026-11-30");
		assertThat(uptake).bodyJson().extractingPath("$.total").satisfies(total -> assertThat(total.toString())
			.contains("referred=3", "accepted=1", "started=1", "declined=1", "expired=1", "awaitingAnswer=0",
					"acceptanceRate=0.5", "attendanceRate=1.0", "expiryRate=0.333", "medianHoursToDecision=2.0",
					"p90HoursToDecision=10.0"));
		assertThat(uptake).bodyJson().extractingPath("$.byPlaceKind[0].key").isEqualTo("pub");
		assertThat(uptake).bodyJson().extractingPath("$.byPlaceKind[0].referred").isEqualTo(2);
		assertThat(uptake).bodyJson().extractingPath("$.byPlaceKind[1].key").isEqualTo("shop");
		assertThat(uptake).bodyJson().extractingPath("$.byArea[0].key").isEqualTo("S");
		assertThat(uptake).bodyJson().extractingPath("$.whyNotGoneAhead.rejected.no-capacity").isEqualTo(1);
		assertThat(uptake).bodyJson().extractingPath("$.whyNotGoneAhead.expired.none-given").isEqualTo(1);
		assertThat(uptake).bodyJson()
			.extractingPath("$.outcomeChange[?(@.measure == 'ucla-loneliness')]")
			.asArray()
			.singleElement()
			.asString()
			.contains("pairs=1", "meanBaseline=8.0", "meanFollowUp=5.0", "improved=1");
		assertThat(uptake).bodyJson()
			.extractingPath("$.outcomeChange[?(@.measure == 'ons4-anxiety')].worse")
			.asArray()
			.containsExactly(1);
		assertThat(uptake).bodyText()
			.as("aggregates only")
			.doesNotContain("Edith", "Brown", went, declined, unanswered, PlacesCatalogueStandIn.RED_LION, "Red Lion");

		assertThat(get(ADMIN, "/api/referrals/uptake?from=2026-11-24&to=2026-11-30")).bodyJson()
			.extractingPath("$.total.referred")
			.isEqualTo(0);
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
