package org.communityplaces.places.place;

import org.communityplaces.places.PlacesServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a place is, as far as anyone knows, and what it costs, when nobody has said. */
class PlaceWhereaboutsApiTests extends PlacesServiceTest {

	private static final String ONLINE = """
			{"name": "Thursday knit and natter", "kind": "COMMUNITY_GROUP", "organization": {"name": "Vale Library"},
			 "activities": ["knitting"], "address": {"attendance": "ONLINE"},
			 "host": {"email": "knit@vale.example.org"}}
			""";

	@Test
	void aPlaceMetOnlineNeedsNoAddressAndHasNoPosition() {
		MvcTestResult created = post(ONLINE);
		assertThat(created).hasStatus(201).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.attendance").isEqualTo("ONLINE");
			assertThat(json).extractingPath("$.latitude").isNull();
			assertThat(json).extractingPath("$.address.postcode").isNull();
		});
		assertThat(mvc.get().uri("/api/places/search?q=knit")).bodyJson()
			.extractingPath("$.hits[*].name").asArray().containsExactly("Thursday knit and natter");
	}

	@Test
	void aPlaceWhoseCostNobodyHasGivenIsCostUnknownNotFree() {
		String id = post(ONLINE).getResponse().getHeader("Location").replace("/api/places/", "");
		assertThat(as("admin", null, mvc.get().uri("/api/places/{id}", id))).bodyJson()
			.extractingPath("$.cost").isNull();
		assertThat(mvc.get().uri("/oruk/services/{id}", id)).bodyJson()
			.extractingPath("$.cost_options").asArray().isEmpty();
		assertThat(mvc.get().uri("/api/places/search?free=true")).bodyJson()
			.extractingPath("$.hits").asArray().isEmpty();
		assertThat(mvc.get().uri("/api/places/search?q=knit")).bodyJson()
			.as("a referrer is told the cost is not known, not that it costs something")
			.extractingPath("$.hits[0].free").isNull();
	}

	@Test
	void aPlaceMetInPersonStillNeedsAPostcodeOrCoordinates() {
		assertThat(post(ONLINE.replace("\"ONLINE\"", "\"IN_PERSON\""))).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.errors[0].field").isEqualTo("findable");
				assertThat(json).extractingPath("$.errors[0].message").asString().contains("postcode");
			});
		assertThat(post(ONLINE.replace("{\"attendance\": \"ONLINE\"}", "{\"line1\": \"At the church gates\"}")))
			.hasStatus(400);
		assertThat(mongo.count(new Query(), Place.class)).isZero();
	}

	private MvcTestResult post(String json) {
		return as("admin", null, mvc.post().uri("/api/places")).contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

}
