package org.communityplaces.places.place;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.communityplaces.contracts.EventContract;
import org.communityplaces.places.PlacesServiceTest;
import org.communityplaces.platform.testing.PublishedEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PlaceApiTests extends PlacesServiceTest {

	static final String RED_LION = """
			{"name": " The Red Lion community table ", "kind": "PUB",
			 "description": "A reserved table every weekday lunchtime",
			 "organization": {"name": "The Red Lion Hillsborough"},
			 "activities": ["coffee-morning", "quiz-and-games"], "accessibility": ["step-free"],
			 "address": {"line1": "12 Middlewood Road", "city": "Sheffield", "postcode": "s6 4ha"},
			 "openingTimes": [{"days": ["MO", "TU"], "opens": "11:30", "closes": "14:00"}],
			 "cost": {"free": true}, "minimumAge": 18,
			 "host": {"name": "Sam Taylor", "email": "landlord@redlion.example.org"},
			 "capacity": {"available": 6, "maximum": 8}}
			""";

	private static final EventContract contract = EventContract.load();

	private static PublishedEvents published;

	@BeforeAll
	static void listen(@Autowired EmbeddedKafkaBroker broker) {
		published = new PublishedEvents(broker.getBrokersAsString(), "place-events");
	}

	@AfterAll
	static void stopListening() {
		published.close();
	}

	@Test
	void anAdminRegistersAPlaceWhichIsLocatedByItsPostcodeAndCanBeReadBack() {
		MvcTestResult created = post(RED_LION);
		assertThat(created).hasStatus(201);
		String id = created.getResponse().getHeader("Location").replace("/api/places/", "");
		assertThat(as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places/{id}", id))).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.name").isEqualTo("The Red Lion community table");
			assertThat(json).extractingPath("$.kind").isEqualTo("PUB");
			assertThat(json).extractingPath("$.address.postcode").isEqualTo("S6 4HA");
			assertThat(json).extractingPath("$.address.district").isEqualTo("S6");
			assertThat(json).extractingPath("$.latitude").asNumber().satisfies(lat -> assertThat(lat.doubleValue()).isBetween(53.3, 53.5));
			assertThat(json).extractingPath("$.host.name").isEqualTo("Sam Taylor");
			assertThat(json).extractingPath("$.capacity.available").isEqualTo(6);
		});
	}

	@Test
	void everyChangeIsPublishedAsThePlaceEventsOfTheContract() {
		String id = idOf(post(RED_LION));
		assertThat(put("/api/places/{id}/capacity", id, """
				{"available": 0, "maximum": 8}
				""")).hasStatusOk().bodyJson().extractingPath("$.capacity.available").isEqualTo(0);
		assertThat(as("admin", null, mvc.delete().uri("/api/places/{id}", id))).hasStatus(204);

		List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(30))
			.until(() -> published.of(id), records -> records.size() == 3);
		assertThat(events).allSatisfy(event -> assertThat(contract.violations(event.value())).isEmpty());
		assertThat(events.get(0).value()).contains("\"type\":\"PlaceChanged\"", "\"acceptingReferrals\":true",
				"\"placeVersion\":0");
		assertThat(events.get(1).value()).contains("\"acceptingReferrals\":false", "\"placeVersion\":1");
		assertThat(events.get(2).value()).contains("\"type\":\"PlaceRemoved\"", "\"placeVersion\":2");
		assertThat(as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places/{id}", id))).hasStatus(404);
	}

	@Test
	void anOnlinePlaceIsPublishedWithNoDistrictAndStillKeepsTheContract() {
		String id = idOf(post("""
				{"name": "Thursday knit and natter", "kind": "COMMUNITY_GROUP", "organization": {"name": "Vale Library"},
				 "activities": ["knitting"], "address": {"attendance": "ONLINE"},
				 "host": {"email": "knit@vale.example.org"}}
				"""));

		ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(30))
			.until(() -> published.of(id), records -> records.size() == 1)
			.get(0);
		assertThat(contract.violations(event.value())).isEmpty();
		assertThat(event.value()).contains("\"postcodeDistrict\":null", "\"area\":\"unknown\"");
	}

	@Test
	void aVenueKeepsItsOpeningTimesCapacityAndContactUpToDate() {
		String id = idOf(post(RED_LION));
		assertThat(put("/api/places/{id}/opening-times", id, """
				{"openingTimes": [{"days": ["SA"], "opens": "10:00", "closes": "12:00", "description": "Saturday brunch club"}]}
				""")).hasStatusOk().bodyJson().extractingPath("$.openingTimes[0].days[0]").isEqualTo("SA");
		assertThat(put("/api/places/{id}/host", id, """
				{"name": "Alex Taylor", "email": "alex@redlion.example.org", "phone": "0114 496 0000"}
				""")).hasStatusOk().bodyJson().extractingPath("$.host.email").isEqualTo("alex@redlion.example.org");
		assertThat(as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places/{id}", id))).bodyJson().extractingPath("$.version").isEqualTo(2);
	}

	@Test
	void missingOrInvalidFieldsAreNamedAndNothingIsStored() {
		MvcTestResult result = post("""
				{"name": "", "host": {"email": "not-an-address"}, "latitude": 91, "longitude": 0,
				 "address": {"line1": "1 Road", "city": "Sheffield", "postcode": "S1"}, "organization": {"name": "Org"}}
				""");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactly("host.email", "kind", "latitude", "name");
		assertThat(mongo.count(new Query(), Place.class)).isZero();
	}

	@Test
	void aMalformedScheduleIsABadRequest() {
		assertThat(post(RED_LION.replace("\"closes\": \"14:00\"", "\"closes\": \"10:00\""))).hasStatus(400)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("openingTimes[0].closingAfterOpening");
		assertThat(post(RED_LION.replace("\"opens\": \"11:30\"", "\"opens\": \"half past eleven\""))).hasStatus(400)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("openingTimes[0].opens");
		assertThat(post(RED_LION.replace("[\"MO\", \"TU\"]", "[\"MONDAYISH\"]"))).hasStatus(400)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("openingTimes[0].days[0]");
		assertThat(mongo.count(new Query(), Place.class)).isZero();
	}

	@Test
	void controlCharactersInTextAreRefusedByFieldAndNothingIsStoredOrChanged() {
		assertThat(post(RED_LION.replace("The Red Lion community table", "The Red\\u0000 Lion"))).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("name");
		assertThat(post(RED_LION.replace("Sam Taylor", "Sam\\u001bTaylor"))).hasStatus(400)
			.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("host.name");
		assertThat(post(RED_LION.replace("12 Middlewood Road", "12\\u0007 Road"))).hasStatus(400)
			.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("address.line1");
		assertThat(mongo.count(new Query(), Place.class)).isZero();

		String id = idOf(post(RED_LION.replace("A reserved table", "A reserved table\\n\\tevery day")));
		assertThat(put("/api/places/{id}", id, RED_LION.replace("The Red Lion Hillsborough", "The Red\\u0085Lion")))
			.hasStatus(400)
			.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("organization.name");
		assertThat(put("/api/places/{id}/opening-times", id, """
				{"openingTimes": [{"days": ["SA"], "opens": "10:00", "closes": "12:00", "description": "brunch\\u0000"}]}
				""")).hasStatus(400)
			.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("openingTimes[0].description");
		assertThat(put("/api/places/{id}/host", id, """
				{"name": "Alex\\u0000", "email": "alex@redlion.example.org"}
				""")).hasStatus(400)
			.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("name");
		assertThat(as("admin", null, mvc.get().uri("/api/places/{id}", id))).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.version").isEqualTo(0);
			assertThat(json).extractingPath("$.description").isEqualTo("A reserved table\n\tevery day every weekday lunchtime");
		});
	}

	@Test
	void openingTimesAreHoursAndMinutesOnly() {
		String id = idOf(post(RED_LION));
		assertThat(put("/api/places/{id}/opening-times", id, """
				{"openingTimes": [{"days": ["SA"], "opens": "10:00:00", "closes": "12:00"}]}
				""")).hasStatus(400)
			.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("openingTimes[0].opens");
		assertThat(post(RED_LION.replace("\"closes\": \"14:00\"", "\"closes\": \"14:00:00\""))).hasStatus(400)
			.bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("openingTimes[0].closes");
	}

	@Test
	void pagesBeyondAnyCatalogueAreNamedProblems() {
		assertThat(as("admin", null, mvc.get().uri("/api/places?page=2147483647"))).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("page");
	}

	@Test
	void anUnknownTaxonomyTermOrPostcodeIsNamed() {
		assertThat(post(RED_LION.replace("\"quiz-and-games\"", "\"bungee-jumping\""))).hasStatus(400)
			.bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.errors[0].field").isEqualTo("activities[1]");
				assertThat(json).extractingPath("$.detail").asString().contains("bungee-jumping", "/taxonomy_terms");
			});
		assertThat(post(RED_LION.replace("s6 4ha", "ZZ9 9ZZ"))).hasStatus(400)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("address.postcode");
		assertThat(mongo.count(new Query(), Place.class)).isZero();
	}

	@Test
	void anUnknownKindOrMalformedJsonIsABadRequest() {
		assertThat(post(RED_LION.replace("\"PUB\"", "\"CASINO\""))).hasStatus(400)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("kind");
		assertThat(post("{\"name\": ")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The request body is not valid JSON.");
		assertThat(mongo.count(new Query(), Place.class)).isZero();
	}

	@Test
	void aHostKeepsTheirOwnPlaceUpToDateButNoOneElsesAndOnlyAdminsRegister() {
		String id = idOf(post(RED_LION));
		String capacity = "{\"available\": 2, \"maximum\": 8}";
		assertThat(as("host", "Landlord@RedLion.example.org", mvc.put().uri("/api/places/{id}/capacity", id))
			.contentType(MediaType.APPLICATION_JSON)
			.content(capacity)).hasStatusOk().bodyJson().extractingPath("$.capacity.available").isEqualTo(2);
		assertThat(as("host", "kim@bakery.example.org", mvc.put().uri("/api/places/{id}/capacity", id))
			.contentType(MediaType.APPLICATION_JSON)
			.content(capacity)).hasStatus(404);
		assertThat(as("admin", null, mvc.get().uri("/api/places/audit?objectId={id}", id))).hasStatusOk()
			.bodyJson()
			.satisfies(trail -> {
				// The other venue's attempt, after the place's host's change and the admin's registration
				assertThat(trail).extractingPath("$.entries[*].actorId").asArray()
					.containsExactly("u-host", "u-host", "u-admin");
				assertThat(trail).extractingPath("$.entries[*].objectType").asArray()
					.containsExactly("place", "place", "place");
				assertThat(trail).extractingPath("$.entries[*].purpose").asArray()
					.containsExactly("change capacity", "change capacity", "register the place");
				assertThat(trail).extractingPath("$.entries[*].outcome").asArray()
					.containsExactly("REFUSED", "CHANGED", "CHANGED");
			});
		assertThat(as("host", "kim@bakery.example.org", mvc.get().uri("/api/places/audit"))).hasStatus(403);
		assertThat(as("referrer", "sam@surgery.example.org", mvc.put().uri("/api/places/{id}/capacity", id))
			.contentType(MediaType.APPLICATION_JSON)
			.content(capacity)).hasStatus(403);
		assertThat(mvc.put().uri("/api/places/{id}/capacity", id).contentType(MediaType.APPLICATION_JSON).content(capacity))
			.hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(as("host", "landlord@redlion.example.org", mvc.post().uri("/api/places"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(RED_LION)).hasStatus(403);
		assertThat(as("host", "landlord@redlion.example.org", mvc.delete().uri("/api/places/{id}", id))).hasStatus(403);
		assertThat(mongo.count(new Query(), Place.class)).isOne();
	}

	@Test
	void aHostsWorkContactIsShownOnlyToThoseWhoLookAfterThePlace() {
		String id = idOf(post(RED_LION));
		assertThat(put("/api/places/{id}/host", id, """
				{"name": "Sam Taylor", "email": "landlord@redlion.example.org", "phone": "0114 496 0111"}
				""")).hasStatusOk();

		for (MvcTestResult stranger : List.of(
				as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places/{id}", id)).exchange(),
				as("host", "kim@bakery.example.org", mvc.get().uri("/api/places/{id}", id)).exchange())) {
			assertThat(stranger).hasStatusOk().bodyJson().satisfies(place -> {
				assertThat(place).extractingPath("$.host.name").isEqualTo("Sam Taylor");
				assertThat(place).extractingPath("$.host.email").isNull();
				assertThat(place).extractingPath("$.host.phone").isNull();
			});
		}
		for (MvcTestResult steward : List.of(
				as("host", "Landlord@RedLion.example.org", mvc.get().uri("/api/places/{id}", id)).exchange(),
				as("admin", null, mvc.get().uri("/api/places/{id}", id)).exchange())) {
			assertThat(steward).hasStatusOk().bodyJson().extractingPath("$.host.phone").isEqualTo("0114 496 0111");
		}
	}

	@Test
	void aHostListsTheirOwnPlacesAndAnAdminTheWholeCatalogueByName() {
		String redLion = idOf(post(RED_LION));
		String bakery = idOf(post(RED_LION.replace(" The Red Lion community table ", "Crookes Bakery tea room")
			.replace("landlord@redlion.example.org", "kim@bakery.example.org")));
		String removed = idOf(post(RED_LION.replace(" The Red Lion community table ", "A removed place")));
		assertThat(as("admin", null, mvc.delete().uri("/api/places/{id}", removed))).hasStatus(204);

		assertThat(as("host", "Landlord@RedLion.example.org", mvc.get().uri("/api/places"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly(redLion);
		assertThat(as("admin", null, mvc.get().uri("/api/places?size=1&page=1"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly(redLion);
		assertThat(as("admin", null, mvc.get().uri("/api/places"))).bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly(bakery, redLion);
		assertThat(as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places"))).hasStatus(403)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(as("admin", null, mvc.get().uri("/api/places?size=500"))).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("size");
	}

	@Test
	void anUnknownPlaceIsNotFound() {
		assertThat(as("referrer", "sam@surgery.example.org", mvc.get().uri("/api/places/{id}", "nope"))).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(put("/api/places/{id}/capacity", "nope", "{\"available\": 1, \"maximum\": 2}")).hasStatus(404);
	}

	private MvcTestResult post(String json) {
		return as("admin", null, mvc.post().uri("/api/places")).contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private MvcTestResult put(String uri, String id, String json) {
		return as("admin", null, mvc.put().uri(uri, id)).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private static String idOf(MvcTestResult created) {
		assertThat(created).hasStatus(201);
		return created.getResponse().getHeader("Location").replace("/api/places/", "");
	}

}
