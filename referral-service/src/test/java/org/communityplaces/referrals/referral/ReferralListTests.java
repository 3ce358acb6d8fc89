package org.communityplaces.referrals.referral;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.jayway.jsonpath.JsonPath;
import org.communityplaces.platform.testing.StoredState;
import org.communityplaces.referrals.PlacesCatalogueStandIn;
import org.communityplaces.referrals.ReferralServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lists as people use them: a referrer finds a person by name among their organisation's
 * referrals and narrows any list by status, place and the day it was made; a host narrows
 * theirs but never searches by name nor sees another place's referrals; every filter is
 * checked, and a bad one is named and changes nothing.
 */
class ReferralListTests extends ReferralServiceTest {

	@Test
	void aReferrerFindsAPersonByAnyPartOfTheirNameWhateverTheCase() {
		String edithBrown = referred(PlacesCatalogueStandIn.RED_LION);
		String edithSmith = referredAs("Edith", "Smith", PlacesCatalogueStandIn.BAKERY);
		referredAs("Arthur", "Brownlow", PlacesCatalogueStandIn.RED_LION);

		assertThat(listed(LINK_WORKER, "name=edith")).containsExactlyInAnyOrder(edithBrown, edithSmith);
		assertThat(listed(COLLEAGUE, "name=EDITH%20SMITH")).containsExactly(edithSmith);
		assertThat(listed(LINK_WORKER, "name=%20smith%20")).containsExactly(edithSmith);
		assertThat(listed(LINK_WORKER, "name=brown")).hasSize(2);
		assertThat(listed(LINK_WORKER, "name=dith%20brown")).containsExactly(edithBrown);
		assertThat(listed(OTHER_SURGERY, "name=edith")).isEmpty();
	}

	@Test
	void aNameIsTakenAsWordsNeverAsAPattern() {
		referred(PlacesCatalogueStandIn.RED_LION);
		referredAs("Mary-Jo", "(O'Brien)", PlacesCatalogueStandIn.RED_LION);
		for (String pattern : new String[] { ".*", "E.*h", "^Edith$", "[a-z]+", "Edith|Mary", "\\E.*\\Q", "\\Q(" }) {
			assertThat(listed(LINK_WORKER, "name=" + encoded(pattern))).as(pattern).isEmpty();
		}
		assertThat(listed(LINK_WORKER, "name=" + encoded("(o'brien)"))).hasSize(1);
		assertThat(listed(LINK_WORKER, "name=" + encoded("("))).hasSize(1);
		assertThat(listed(LINK_WORKER, "name=" + encoded("mary-jo"))).hasSize(1);
	}

	@Test
	void anyListIsNarrowedByStatusPlaceAndTheDayItWasMadeAndStillPaged() {
		String monday = referred(PlacesCatalogueStandIn.RED_LION);
		clock.advance(Duration.ofDays(2));
		String wednesday = referred(PlacesCatalogueStandIn.BAKERY);
		clock.advance(Duration.ofDays(1));
		String thursday = referred(PlacesCatalogueStandIn.RED_LION);
		assertThat(post(LANDLORD, "/api/referrals/" + thursday + "/accept")).hasStatusOk();

		assertThat(listed(LINK_WORKER, "place=" + PlacesCatalogueStandIn.RED_LION)).containsExactly(thursday, monday);
		assertThat(listed(LINK_WORKER, "status=accepted")).containsExactly(thursday);
		assertThat(listed(LINK_WORKER, "from=2026-11-24&to=2026-11-25")).containsExactly(wednesday);
		assertThat(listed(LINK_WORKER, "from=2026-11-25")).containsExactly(thursday, wednesday);
		assertThat(listed(LINK_WORKER, "to=2026-11-23")).containsExactly(monday);
		assertThat(listed(LINK_WORKER, "from=2026-11-23&to=2026-11-23&place=" + PlacesCatalogueStandIn.RED_LION))
			.containsExactly(monday);
		assertThat(listed(LINK_WORKER, "status=requested&place=" + PlacesCatalogueStandIn.RED_LION))
			.containsExactly(monday);
		assertThat(listed(LINK_WORKER, "size=1&page=1&name=edith")).containsExactly(wednesday);
		assertThat(listed(COMMISSIONER, "place=" + PlacesCatalogueStandIn.BAKERY + "&from=2026-11-25"))
			.containsExactly(wednesday);
		assertThat(listed(LANDLORD, "from=2026-11-26")).containsExactly(thursday);
	}

	@Test
	void aHostNeverSearchesByNameNorSeesAnotherPlacesReferrals() {
		String atTheRedLion = referred(PlacesCatalogueStandIn.RED_LION);
		String atTheBakery = referred(PlacesCatalogueStandIn.BAKERY);

		assertThat(listed(LANDLORD, "place=" + PlacesCatalogueStandIn.BAKERY)).isEmpty();
		assertThat(listed(OTHER_HOST, "place=" + PlacesCatalogueStandIn.RED_LION)).isEmpty();
		assertThat(listed(LANDLORD, "place=" + PlacesCatalogueStandIn.RED_LION)).containsExactly(atTheRedLion);
		assertThat(listed(OTHER_HOST, "")).containsExactly(atTheBakery);
		for (Actor nobodyNamed : new Actor[] { LANDLORD, COMMISSIONER, ADMIN }) {
			MvcTestResult named = list(nobodyNamed, "name=Edith");
			assertRefused(named, 403, null);
			assertThat(named).bodyText().contains("search referrals by the person's name").doesNotContain("Brown");
		}
	}

	@Test
	void badFiltersAreNamedInOneAnswerAndChangeNothing() {
		String id = referred(PlacesCatalogueStandIn.RED_LION);
		// The relay marks the event sent on its own thread: compare once it has, so only a refusal could change it
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mongo.findById(id, Referral.class),
					referral -> referral.outbox().stream().allMatch(entry -> entry.sentAt() != null));
		Supplier<String> stored = StoredState.of(mongo);
		String before = stored.get();

		assertRefused(list(LINK_WORKER, "from=2026-13-01"), 400, "from");
		assertRefused(list(LINK_WORKER, "to=yesterday"), 400, "to");
		assertRefused(list(LINK_WORKER, "from=1066-10-14"), 400, "from");
		assertRefused(list(LINK_WORKER, "from=2026-11-25&to=2026-11-24"), 400, "from");
		assertRefused(list(LINK_WORKER, "place=" + encoded("{\"$ne\": null}")), 400, "place");
		assertRefused(list(LINK_WORKER, "place=" + "a".repeat(65)), 400, "place");
		assertRefused(list(LINK_WORKER, "name=" + "e".repeat(101)), 400, "name");
		assertRefused(list(LINK_WORKER, "status=waiting"), 400, "status");
		MvcTestResult both = list(LINK_WORKER, "name=" + "e".repeat(101) + "&place=..%2Fx");
		assertRefused(both, 400, "name");
		assertRefused(both, 400, "place");
		assertThat(list(LINK_WORKER, "from=2026-11-25&to=2026-11-24")).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("must not be after to");

		assertThat(stored.get()).isEqualTo(before);
	}

	private String referredAs(String firstName, String lastName, String placeId) {
		String body = referralTo(placeId, false).replace("\"firstName\": \"Edith\"", "\"firstName\": \"" + firstName + "\"")
			.replace("\"lastName\": \"Brown\"", "\"lastName\": \"" + lastName + "\"");
		MvcTestResult made = post(LINK_WORKER, "/api/referrals", body);
		assertThat(made).hasStatus(201);
		return idOf(made);
	}

	/** The ids of the referrals the list shows this caller, in its order. */
	private List<String> listed(Actor actor, String query) {
		MvcTestResult list = list(actor, query);
		assertThat(list).as(actor.role() + " " + query).hasStatusOk();
		List<String> ids = JsonPath.read(new String(list.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8),
				"$[*].id");
		return ids;
	}

	/** The list as asked for with this query, sent as written: already encoded where it needs to be. */
	private MvcTestResult list(Actor actor, String query) {
		return actor.on(mvc.get().uri(URI.create("/api/referrals?" + query))).exchange();
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
