package org.communityplaces.places.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.communityplaces.places.PlacesServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds in the shapes real council directories publish (made-up services, in
 * {@code src/test/resources/imports}): services come in with what they have, sessions that
 * cannot be right are left out, cost stays unknown when unsaid, and the report says everything
 * about a row in one line named by the file's own id.
 */
class RealDirectoryImportTests extends PlacesServiceTest {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@Test
	void anOrukFeedWithGapsComesInWithWhatItHasAndSaysSoOnceARow() throws IOException {
		MvcTestResult imported = feed();
		assertThat(imported).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.created").isEqualTo(5);
			assertThat(json).extractingPath("$.rejected[*].id").asArray().containsExactly("svc-6", "svc-7");
			assertThat(json).extractingPath("$.rejected[0].reason").asString()
				.contains("name:", "schedules[0] ('Mondays 10:00-12:00') left out");
			assertThat(json).extractingPath("$.rejected[1].reason").asString()
				.contains("minimum_age:", "status: 'open-ish'", "address: no postcode or coordinates");
			assertThat(json).extractingPath("$.warnings[*].id").asArray()
				.containsExactly("1001", "LCC/00123", "svc-3", "svc-4", "svc-5");
			assertThat(json).extractingPath("$.warnings[0].warning").asString()
				.contains("schedules[1] ('WE 00:00-00:00') left out", "city: not given")
				.doesNotContain("schedules[0]");
			assertThat(json).extractingPath("$.warnings[1].warning").asString()
				.contains("listed as online", "schedules[0] ('TH 19:00-18:00') left out",
						"schedules[1] ('FR 25:00-26:00') left out")
				.doesNotContain("schedules[2]");
			assertThat(json).extractingPath("$.warnings[2].warning").asString()
				.contains("placed by its postcode HP22 4PF", "city: not given");
			assertThat(json).extractingPath("$.warnings[3].warning").asString().contains("placed by its coordinates");
			assertThat(json).extractingPath("$.warnings[4].warning").asString()
				.contains("listed as in various places", "not by distance");
		});
		assertThat(imported.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContainPattern(UUID);
		assertThat(feed()).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.created").isEqualTo(0);
			assertThat(json).extractingPath("$.unchanged").isEqualTo(5);
		});
	}

	@Test
	void whatAFeedLeavesOutStaysOutAndAnOnlineServiceIsMarkedSo() throws IOException {
		feed();
		assertThat(place("1001")).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.address.line1").isEqualTo("At the church gates");
			assertThat(json).extractingPath("$.address.city").isNull();
			assertThat(json).extractingPath("$.address.postcode").isEqualTo("HP22 4PE");
			assertThat(json).extractingPath("$.openingTimes[*].days[0]").asArray().containsExactly("TU");
			assertThat(json).extractingPath("$.cost").isNull();
		});
		assertThat(place("LCC/00123")).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.attendance").isEqualTo("ONLINE");
			assertThat(json).extractingPath("$.latitude").isNull();
			assertThat(json).extractingPath("$.address.postcode").isNull();
			assertThat(json).extractingPath("$.openingTimes[0].opens").isEqualTo("10:00");
			assertThat(json).extractingPath("$.cost.free").isEqualTo(true);
		});
		assertThat(place("svc-4")).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.latitude").isEqualTo(51.7752);
			assertThat(json).extractingPath("$.address.district").isNotNull();
		});
		assertThat(place("svc-5")).bodyJson().extractingPath("$.attendance").isEqualTo("VARIOUS_PLACES");

		assertThat(mvc.get().uri("/oruk/services/{id}", CatalogueImport.placeId("LCC/00123"))).bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.service_at_locations[0].location.location_type").isEqualTo("virtual");
				assertThat(json).extractingPath("$.service_at_locations[0].location.addresses").asArray().isEmpty();
				assertThat(json).doesNotHavePath("$.service_at_locations[0].location.latitude");
			});
		assertThat(mvc.get().uri("/oruk/services/{id}", CatalogueImport.placeId("1001"))).bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.cost_options").asArray().isEmpty();
				assertThat(json).extractingPath("$.service_at_locations[0].location.addresses[0].city").isEqualTo("");
			});
	}

	@Test
	void eachIsFoundByWordsAndThoseWithAPositionByDistance() throws IOException {
		feed();
		assertThat(names("/api/places/search?q=knit")).containsExactly("Knit and natter online");
		assertThat(names("/api/places/search?q=history")).containsExactly("Roving history talks");
		assertThat(names("/api/places/search?postcode=HP22&radius=1000"))
			.containsExactlyInAnyOrder("Church gates health walk", "Village hall coffee morning");
		assertThat(names("/api/places/search?lat=51.7752&lon=-0.7302&radius=500"))
			.containsExactly("Allotment open afternoon");
	}

	@Test
	void aPlaceWithNoCostInformationIsNeitherFreeNorPaid() throws IOException {
		feed();
		assertThat(mvc.get().uri("/api/places/search?size=50")).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.facets.cost.unknown").isEqualTo(3);
			assertThat(json).extractingPath("$.facets.cost.free").isEqualTo(1);
			assertThat(json).extractingPath("$.facets.cost.paid").isEqualTo(1);
		});
		assertThat(names("/api/places/search?free=true")).containsExactly("Knit and natter online");
		assertThat(names("/api/places/search?free=false")).containsExactly("Village hall coffee morning");
	}

	@Test
	void aCsvFileWithGapsComesInTheSameWay() throws IOException {
		byte[] csv = new ClassPathResource("imports/council-services.csv").getContentAsByteArray();
		assertThat(as("admin", null, mvc.post().uri("/api/places/imports")).contentType(MediaType.parseMediaType("text/csv"))
			.content(csv)).hasStatusOk().bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.created").isEqualTo(4);
				assertThat(json).extractingPath("$.rejected[*].line").asArray().containsExactly(6);
				assertThat(json).extractingPath("$.rejected[0].id").isEqualTo("bad-1");
				assertThat(json).extractingPath("$.rejected[0].reason").asString()
					.startsWith("kind: 'cafe'")
					.contains("activities[0]: 'bungee'", "free: 'maybe'", "address: no postcode or coordinates",
							"opening_times: 'Mondays at ten' left out");
				assertThat(json).extractingPath("$.warnings[*].id").asArray().containsExactly("LCC/9", "42", "w-1");
				assertThat(json).extractingPath("$.warnings[0].warning").asString()
					.contains("'MO 00:00-00:00' left out", "'WE 14:00-13:00' left out", "placed by its postcode");
				assertThat(json).extractingPath("$.warnings[1].warning").asString().contains("listed as online");
			});
		assertThat(place("LCC/9")).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.cost").isNull();
			assertThat(json).extractingPath("$.openingTimes[*].opens").asArray().containsExactly("12:00");
		});
		assertThat(place("42")).bodyJson().extractingPath("$.attendance").isEqualTo("ONLINE");
		assertThat(place("w-1")).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.attendance").isEqualTo("VARIOUS_PLACES");
			assertThat(json).extractingPath("$.cost.free").isEqualTo(false);
			assertThat(json).extractingPath("$.cost.description").isEqualTo("£2.50 a session");
		});
	}

	@Test
	void aServiceWithoutAnAddressIsStillTurnedDownWhenItCannotBeFoundAtAll() {
		String feed = """
				[{"id": "x1", "name": "Nowhere club", "email": "x@vale.example.org", "organization": {"name": "X"},
				  "attributes": [{"taxonomy_term": {"taxonomy": "place-kind", "term": "shop"}}]}]""";
		assertThat(as("admin", null, mvc.post().uri("/api/places/imports")).contentType(MediaType.APPLICATION_JSON)
			.content(feed)).hasStatusOk().bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.created").isEqualTo(0);
				assertThat(json).extractingPath("$.rejected[0].id").isEqualTo("x1");
				assertThat(json).extractingPath("$.rejected[0].reason").asString().contains("address:");
			});
	}

	private MvcTestResult feed() throws IOException {
		byte[] json = new ClassPathResource("imports/council-feed.json").getContentAsByteArray();
		return as("admin", null, mvc.post().uri("/api/places/imports")).contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private MvcTestResult place(String idInFile) {
		return as("admin", null, mvc.get().uri("/api/places/{id}", CatalogueImport.placeId(idInFile))).exchange();
	}

	private java.util.List<String> names(String uri) {
		try {
			String body = mvc.get().uri(uri).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
			return tools.jackson.databind.json.JsonMapper.shared()
				.readTree(body)
				.path("hits")
				.valueStream()
				.map(hit -> hit.path("name").asString())
				.toList();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
