package org.communityplaces.places.place;

import org.communityplaces.places.PlacesServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The place page's reading: everyone signed in reads what the open API publishes of a place,
 * room now included, and never the host's e-mail or phone.
 */
class PlaceListingApiTests extends PlacesServiceTest {

	private static final String WITH_PHONE = PlaceApiTests.RED_LION.replace("\"email\": \"landlord@redlion.example.org\"",
			"\"email\": \"landlord@redlion.example.org\", \"phone\": \"0114 496 0000\"");

	@Test
	void aReferrerReadsWhereWhenWhatItCostsAndWhoToAskForButNotTheHostsContact() throws Exception {
		String id = idOf(post(WITH_PHONE));

		MvcTestResult listing = as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places/{id}/listing", id))
			.exchange();

		assertThat(listing).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.name").isEqualTo("The Red Lion community table");
			assertThat(json).extractingPath("$.kind").isEqualTo("pub");
			assertThat(json).extractingPath("$.status").isEqualTo("active");
			assertThat(json).extractingPath("$.organisation").isEqualTo("The Red Lion Hillsborough");
			assertThat(json).extractingPath("$.description").isEqualTo("A reserved table every weekday lunchtime");
			assertThat(json).extractingPath("$.attendance").isEqualTo("IN_PERSON");
			assertThat(json).extractingPath("$.address.line1").isEqualTo("12 Middlewood Road");
			assertThat(json).extractingPath("$.address.postcode").isEqualTo("S6 4HA");
			assertThat(json).extractingPath("$.latitude").isNotNull();
			assertThat(json).extractingPath("$.openingTimes[0].days").asArray().containsExactly("MO", "TU");
			assertThat(json).extractingPath("$.openingTimes[0].opens").isEqualTo("11:30");
			assertThat(json).extractingPath("$.cost.free").isEqualTo(true);
			assertThat(json).extractingPath("$.accessibility").asArray().containsExactly("step-free");
			assertThat(json).extractingPath("$.askFor").isEqualTo("Sam Taylor");
			assertThat(json).extractingPath("$.room.available").isEqualTo(6);
			assertThat(json).extractingPath("$.room.maximum").isEqualTo(8);
			assertThat(json).extractingPath("$.lastModified").isNotNull();
		});
		assertThat(listing.getResponse().getContentAsString()).doesNotContain("landlord@redlion.example.org",
				"0114 496 0000");
	}

	@Test
	void aPlaceThatSaysNothingOfItsCostOrRoomSaysSoAndAnOnlinePlaceHasNoPosition() {
		String id = idOf(post("""
				{"name": "Thursday knit and natter", "kind": "COMMUNITY_GROUP", "organization": {"name": "Vale Library"},
				 "activities": ["knitting"], "address": {"attendance": "ONLINE"},
				 "host": {"email": "knit@vale.example.org"}}
				"""));

		assertThat(as("host", "kim@bakery.example.org", mvc.get().uri("/api/places/{id}/listing", id))).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.attendance").isEqualTo("ONLINE");
				assertThat(json).extractingPath("$.latitude").isNull();
				assertThat(json).extractingPath("$.cost").isNull();
				assertThat(json).extractingPath("$.room").isNull();
				assertThat(json).extractingPath("$.askFor").isNull();
			});
	}

	@Test
	void aChargeIsReadAsItsAmountAndWhatItIsFor() {
		String id = idOf(post(PlaceApiTests.RED_LION.replace("\"cost\": {\"free\": true}",
				"\"cost\": {\"free\": false, \"amount\": 2.5, \"description\": \"a session\"}")));

		assertThat(as("commissioner", "cam@icb.example.org", mvc.get().uri("/api/places/{id}/listing", id)))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.cost.free").isEqualTo(false);
				assertThat(json).extractingPath("$.cost.amount").asNumber()
					.satisfies(amount -> assertThat(amount.doubleValue()).isEqualTo(2.5));
				assertThat(json).extractingPath("$.cost.description").isEqualTo("a session");
			});
	}

	@Test
	void aPlaceNoLongerInTheCatalogueOrNeverInItIsNotFoundAndNobodyUnsignedReadsOne() {
		String id = idOf(post(PlaceApiTests.RED_LION));
		assertThat(mvc.get().uri("/api/places/{id}/listing", id)).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(as("admin", null, mvc.delete().uri("/api/places/{id}", id))).hasStatus(204);

		assertThat(as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places/{id}/listing", id)))
			.hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places/{id}/listing", "nope")))
			.hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private MvcTestResult post(String json) {
		return as("admin", null, mvc.post().uri("/api/places")).contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private static String idOf(MvcTestResult created) {
		assertThat(created).hasStatus(201);
		return created.getResponse().getHeader("Location").replace("/api/places/", "");
	}

}
