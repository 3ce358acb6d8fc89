package org.communityplaces.places.imports;

import java.nio.charset.StandardCharsets;

import org.communityplaces.places.PlacesServiceTest;
import org.communityplaces.places.place.Place;
import org.communityplaces.places.taxonomy.Taxonomies;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

class ImportApiTests extends PlacesServiceTest {

	private static final String HEADER = String.join(",", CatalogueImport.CSV_COLUMNS) + "\n";

	@Test
	void theDemoCatalogueLoadsAndLoadingItAgainChangesNothing() throws Exception {
		assertThat(importDemoCatalogue()).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.created").isEqualTo(30);
			assertThat(json).extractingPath("$.rejected").asArray().isEmpty();
		});
		assertThat(importDemoCatalogue()).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.created").isEqualTo(0);
			assertThat(json).extractingPath("$.unchanged").isEqualTo(30);
		});
		assertThat(mongo.count(new Query(), Place.class)).isEqualTo(30);
	}

	@Test
	void badRowsAreReportedWithTheirLineAndReasonAndGoodRowsAreKept() {
		String csv = HEADER
				+ "a1,Good pub,,pub,Org,quiz-and-games,,1 Road,Sheffield,S6 4HA,,,\"MO 10:00-12:00\",yes,,,,,Host,host@pub.example.org,,,,active\n"
				+ "a2,No kind,,,Org,,,1 Road,Sheffield,S6 4HA,,,,yes,,,,,Host,host@x.example.org,,,,\n"
				+ "a3,Bad term,,shop,Org,bungee,,1 Road,Sheffield,S6 4HA,,,,yes,,,,,Host,host@x.example.org,,,,\n"
				+ "a4,Bad postcode,,shop,Org,,,1 Road,Sheffield,ZZ9 9ZZ,,,,yes,,,,,Host,host@x.example.org,,,,\n"
				+ "a5,Bad schedule,,shop,Org,,,1 Road,Sheffield,S6,,,\"Mondays at ten\",yes,,,,,Host,host@x.example.org,,,,\n"
				+ "a6,Backwards session,,shop,Org,,,1 Road,Sheffield,S6,,,\"MO 12:00-10:00\",yes,,,,,Host,host@x.example.org,,,,\n"
				+ "a7,Bad email,,shop,Org,,,1 Road,Sheffield,S6,,,,yes,,,,,Host,not-an-email,,,,\n"
				+ "a8,Bad latitude,,shop,Org,,,1 Road,Sheffield,S6,95,1,,yes,,,,,Host,host@x.example.org,,,,\n"
				+ "a9,Good shop,,shop,Org,,step-free,1 Road,Sheffield,S1,,,,no,2.50,Per visit,,,Host,shop@x.example.org,,3,5,\n";
		MvcTestResult result = csv(csv);
		assertThat(result).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.created").isEqualTo(2);
			assertThat(json).extractingPath("$.rejected[*].line").asArray().containsExactly(3, 4, 5, 6, 7, 8, 9);
			assertThat(json).extractingPath("$.rejected[0].reason").asString().contains("kind");
			assertThat(json).extractingPath("$.rejected[1].reason").asString().contains("activities[0]", "bungee");
			assertThat(json).extractingPath("$.rejected[2].reason").asString().contains("postcode");
			assertThat(json).extractingPath("$.rejected[3].reason").asString().contains("Mondays at ten");
			assertThat(json).extractingPath("$.rejected[4].reason").asString().contains("closing time");
			assertThat(json).extractingPath("$.rejected[5].reason").asString().contains("host.email");
			assertThat(json).extractingPath("$.rejected[6].reason").asString().contains("latitude");
		});
		assertThat(mongo.count(new Query(), Place.class)).isEqualTo(2);
		assertThat(index.size()).isEqualTo(2);
	}

	@Test
	void aFileWithoutTheNeededColumnsIsTurnedDownWhole() {
		assertThat(csv("name,kind\nThe Red Lion,pub\n")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson().extractingPath("$.detail").asString().contains("address", "host_email");
		assertThat(mongo.count(new Query(), Place.class)).isZero();
	}

	@Test
	void anOpenReferralFeedImportsAndBadServicesAreReportedByItem() throws Exception {
		importDemoCatalogue();
		String redLion = mvc.get().uri("/oruk/services/{id}", Taxonomies.stableId("import", "demo-red-lion"))
			.exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String hosted = redLion.replaceFirst("\\{", "{\"email\":\"landlord@redlion.example.org\",");
		emptyCatalogueAgain();

		String feed = "{\"contents\": [" + hosted + ", " + redLion.replace("\"Pub\"", "\"Pub\"") + ", {\"name\": \"no id\"}]}";
		assertThat(as("admin", null, mvc.post().uri("/api/places/imports")).contentType(MediaType.APPLICATION_JSON)
			.content(feed))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.created").isEqualTo(1);
				assertThat(json).extractingPath("$.rejected[*].item").asArray().containsExactly(2, 3);
				assertThat(json).extractingPath("$.rejected[0].reason").asString().contains("host.email");
				assertThat(json).extractingPath("$.rejected[1].reason").asString().contains("id");
			});
		assertThat(as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places/{id}", Taxonomies.stableId("import", "demo-red-lion")))).hasStatusOk()
			.bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.kind").isEqualTo("PUB");
				assertThat(json).extractingPath("$.activities").asArray().containsExactly("coffee-morning", "quiz-and-games");
				assertThat(json).extractingPath("$.openingTimes[0].days").asArray().hasSize(5);
			});
	}

	@Test
	void aFeedThatIsNotJsonIsABadRequest() {
		assertThat(as("admin", null, mvc.post().uri("/api/places/imports")).contentType(MediaType.APPLICATION_JSON)
			.content("[{")).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(as("admin", null, mvc.post().uri("/api/places/imports")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"a\": 1}")).hasStatus(400);
	}

	@Test
	void onlyAnAdminImports() {
		assertThat(as("host", "landlord@redlion.example.org", mvc.post().uri("/api/places/imports"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("[]")).hasStatus(403);
		assertThat(mongo.count(new Query(), Place.class)).isZero();
	}

	private void emptyCatalogueAgain() {
		mongo.remove(new Query(), Place.class);
		index.rebuild(java.util.stream.Stream.empty());
	}

	private MvcTestResult csv(String csv) {
		return as("admin", null, mvc.post().uri("/api/places/imports")).contentType(MediaType.parseMediaType("text/csv"))
			.content(csv.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

}
