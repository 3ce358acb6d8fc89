package org.communityplaces.places.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

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
		// A session that cannot be right is left out with a warning, and the place comes in (issue 21)
		assertThat(result).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.created").isEqualTo(4);
			assertThat(json).extractingPath("$.rejected[*].line").asArray().containsExactly(3, 4, 5, 8, 9);
			assertThat(json).extractingPath("$.rejected[*].id").asArray().containsExactly("a2", "a3", "a4", "a7", "a8");
			assertThat(json).extractingPath("$.rejected[0].reason").asString().contains("kind");
			assertThat(json).extractingPath("$.rejected[1].reason").asString().contains("activities[0]", "bungee");
			assertThat(json).extractingPath("$.rejected[2].reason").asString().contains("postcode");
			assertThat(json).extractingPath("$.rejected[3].reason").asString().contains("host.email");
			assertThat(json).extractingPath("$.rejected[4].reason").asString().contains("latitude");
			assertThat(json).extractingPath("$.warnings[*].line").asArray().containsExactly(6, 7);
			assertThat(json).extractingPath("$.warnings[0].warning").asString().contains("Mondays at ten");
			assertThat(json).extractingPath("$.warnings[1].warning").asString().contains("closing time");
		});
		assertThat(mongo.count(new Query(), Place.class)).isEqualTo(4);
		assertThat(index.size()).isEqualTo(4);
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

	@Test
	void aFileThatIsNotTextIsTurnedDownWholeAsUnreadable() {
		byte[] binary = new byte[4096];
		new Random(18).nextBytes(binary);
		byte[] controlCharacters = new byte[512];
		for (int i = 0; i < controlCharacters.length; i++) {
			controlCharacters[i] = (byte) (i % 32);
		}
		for (byte[] file : List.of(binary, controlCharacters, new byte[0], "\n\n".getBytes(StandardCharsets.UTF_8))) {
			assertThat(csv(file)).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson().extractingPath("$.detail").asString().contains("not readable CSV");
			assertThat(feed(file)).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyJson().extractingPath("$.detail").asString().contains("not readable JSON");
		}
		assertThat(csv(("\uFEFF" + HEADER).getBytes(StandardCharsets.UTF_16))).hasStatus(400)
			.bodyJson().extractingPath("$.detail").asString().contains("not readable CSV");
		assertThat(mongo.count(new Query(), Place.class)).isZero();
	}

	@Test
	void aFileWithNothingToImportIsTurnedDown() {
		assertThat(csv(HEADER)).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson().extractingPath("$.detail").asString().contains("no rows");
		assertThat(feed("[]".getBytes(StandardCharsets.UTF_8))).hasStatus(400)
			.bodyJson().extractingPath("$.detail").asString().contains("no services");
		assertThat(feed("{\"contents\": []}".getBytes(StandardCharsets.UTF_8))).hasStatus(400)
			.bodyJson().extractingPath("$.detail").asString().contains("no services");
	}

	@Test
	void rowsWithControlCharactersOrUnclearAnswersAreTurnedDownByLineAndColumn() {
		String row = "b%d,%s,,shop,Org,,,1 Road,Sheffield,S6,,,%s,%s,,,,,Host,shop%d@x.example.org,,,,\n";
		String csv = HEADER + row.formatted(1, "Nul\u0000shop", "", "yes", 1)
				+ row.formatted(2, "Bell\u0007shop", "", "no", 2)
				+ row.formatted(3, "Maybe shop", "", "maybe", 3)
				+ row.formatted(4, "Seconds shop", "MO 10:00:00-12:00", "no", 4)
				+ row.formatted(5, "Yes shop", "", "YES", 5)
				+ row.formatted(6, "Zero shop", "", "0", 6)
				+ row.formatted(7, "Blank shop", "", "", 7)
				+ row.formatted(8, "N shop", "", "N", 8);
		// Whole-minute seconds are taken off a session's times as they are in a feed's; a blank "free" is cost
		// unknown, not free (issue 21)
		assertThat(csv(csv)).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.created").isEqualTo(5);
			assertThat(json).extractingPath("$.rejected[*].line").asArray().containsExactly(2, 3, 4);
			assertThat(json).extractingPath("$.rejected[0].reason").asString().startsWith("name:").contains("control");
			assertThat(json).extractingPath("$.rejected[1].reason").asString().startsWith("name:").contains("control");
			assertThat(json).extractingPath("$.rejected[2].reason").asString().startsWith("free:").contains("maybe");
			assertThat(json).extractingPath("$.warnings").asArray().isEmpty();
		});
		assertThat(as("admin", null, mvc.get().uri("/api/places"))).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$[*].name").asArray()
				.containsExactly("Blank shop", "N shop", "Seconds shop", "Yes shop", "Zero shop");
			assertThat(json).extractingPath("$[0].cost").isNull();
			assertThat(json).extractingPath("$[*].cost.free").asArray().containsExactly(false, false, true, false);
			assertThat(json).extractingPath("$[2].openingTimes[0].opens").isEqualTo("10:00");
		});
	}

	@Test
	void servicesWithControlCharactersFractionsOrOddTimesAreTurnedDownByItemAndField() throws Exception {
		importDemoCatalogue();
		String redLion = mvc.get().uri("/oruk/services/{id}", Taxonomies.stableId("import", "demo-red-lion"))
			.exchange().getResponse().getContentAsString(StandardCharsets.UTF_8)
			.replaceFirst("\\{", "{\"email\":\"landlord@redlion.example.org\",");
		emptyCatalogueAgain();
		String feed = "[" + String.join(",", redLion.replace("\"The Red Lion", "\"The Red\\u0000Lion"),
				redLion.replaceFirst("\"minimum_age\":\\d+", "\"minimum_age\":17.5"),
				redLion.replace("\"opens_at\":\"11:30\"", "\"opens_at\":\"11:30:30\""),
				redLion.replace("\"opens_at\":\"11:30\"", "\"opens_at\":\"11:30:00Z\"")) + "]";
		assertThat(feed(feed.getBytes(StandardCharsets.UTF_8))).hasStatusOk().bodyJson().satisfies(json -> {
			// A session with an odd time is left out with a warning, and the service comes in (issue 21); the
			// last item is the same service with all its sessions, so it updates it
			assertThat(json).extractingPath("$.created").isEqualTo(1);
			assertThat(json).extractingPath("$.updated").isEqualTo(1);
			assertThat(json).extractingPath("$.rejected[*].item").asArray().containsExactly(1, 2);
			assertThat(json).extractingPath("$.rejected[0].reason").asString().startsWith("name:").contains("control");
			assertThat(json).extractingPath("$.rejected[1].reason").asString().startsWith("minimum_age:");
			assertThat(json).extractingPath("$.warnings[*].item").asArray().containsExactly(3);
			assertThat(json).extractingPath("$.warnings[0].warning").asString().contains("11:30:30", "left out");
		});
	}

	private void emptyCatalogueAgain() {
		mongo.remove(new Query(), Place.class);
		index.rebuild(java.util.stream.Stream.empty());
	}

	private MvcTestResult csv(String csv) {
		return csv(csv.getBytes(StandardCharsets.UTF_8));
	}

	private MvcTestResult csv(byte[] csv) {
		return as("admin", null, mvc.post().uri("/api/places/imports")).contentType(MediaType.parseMediaType("text/csv"))
			.content(csv)
			.exchange();
	}

	private MvcTestResult feed(byte[] json) {
		return as("admin", null, mvc.post().uri("/api/places/imports")).contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

}
