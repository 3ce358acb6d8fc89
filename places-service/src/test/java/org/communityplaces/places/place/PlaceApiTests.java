package org.communityplaces.places.place;

import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureMockMvc
class PlaceApiTests {

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> MongoWireTestServer.databaseUri(PlaceApiTests.class));
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PlaceRepository places;

	@BeforeEach
	void emptyCatalogue() {
		places.deleteAll();
	}

	@Test
	void anAdminRegistersAPlaceWithItsHostAndCanReadItBack() {
		MvcTestResult created = post("""
				{"name": " The Red Lion ", "kind": "PUB", "hostEmail": "landlord@redlion.example.org", "postcode": "S6 3AA"}
				""");
		assertThat(created).hasStatus(201);
		String id = created.getResponse().getHeader("Location").replace("/api/places/", "");
		assertThat(mvc.get().uri("/api/places/{id}", id)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.name").isEqualTo("The Red Lion");
				assertThat(json).extractingPath("$.kind").isEqualTo("PUB");
				assertThat(json).extractingPath("$.hostEmail").isEqualTo("landlord@redlion.example.org");
			});
	}

	@Test
	void missingOrInvalidFieldsAreNamedAndNothingIsStored() {
		MvcTestResult result = post("""
				{"name": "", "hostEmail": "not-an-address"}
				""");
		assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactly("hostEmail", "kind", "name");
		assertThat(places.count()).isZero();
	}

	@Test
	void anUnknownKindOrMalformedJsonIsABadRequest() {
		assertThat(post("""
				{"name": "Corner shop", "kind": "CASINO", "hostEmail": "a@shop.example.org"}
				""")).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("kind");
		assertThat(post("{\"name\": ")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The request body is not valid JSON.");
		assertThat(places.count()).isZero();
	}

	@Test
	void anUnknownPlaceIsNotFound() {
		assertThat(mvc.get().uri("/api/places/{id}", "nope")).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private MvcTestResult post(String json) {
		return mvc.post().uri("/api/places").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

}
