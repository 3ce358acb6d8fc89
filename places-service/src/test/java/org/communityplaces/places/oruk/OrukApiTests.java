package org.communityplaces.places.oruk;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.communityplaces.places.PlacesServiceTest;
import org.communityplaces.places.taxonomy.Taxonomies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The Open Referral UK read API: every answer validates against the published ORUK 3.0 schemas. */
class OrukApiTests extends PlacesServiceTest {

	private static final String GARDENING = Taxonomies.stableId("term", Taxonomies.ACTIVITY, "gardening");

	@BeforeEach
	void demoCatalogue() throws Exception {
		assertThat(importDemoCatalogue()).hasStatusOk();
	}

	@Test
	void theRootSaysWhichVersionAndProfileItSpeaks() {
		assertThat(mvc.get().uri("/oruk/")).hasStatusOk().bodyJson().extractingPath("$.version").isEqualTo("3.0");
	}

	@Test
	void serviceListsArePagedAndEveryServiceValidates() {
		JsonNode page = get("/oruk/services?per_page=10&page=2");
		assertThat(page.path("total_items").asInt()).isEqualTo(30);
		assertThat(page.path("total_pages").asInt()).isEqualTo(3);
		assertThat(page.path("page_number").asInt()).isEqualTo(2);
		assertThat(page.path("size").asInt()).isEqualTo(10);
		assertThat(page.path("first_page").asBoolean()).isFalse();
		assertThat(page.path("last_page").asBoolean()).isFalse();
		page.path("contents")
			.forEach(service -> assertThat(OrukSchemas.violations("service_list.json", service)).as(service.toString())
				.isEmpty());
	}

	@Test
	void aFullServiceValidatesAndCarriesScheduleLocationAccessibilityCostAndTaxonomy() {
		JsonNode service = get("/oruk/services/" + Taxonomies.stableId("import", "demo-red-lion"));
		assertThat(OrukSchemas.violations("service.json", service)).isEmpty();
		assertThat(service.path("schedules").get(0).path("byday").asText()).isEqualTo("MO,TU,WE,TH,FR");
		assertThat(service.path("service_at_locations").get(0).path("location").path("addresses").get(0)
			.path("postal_code").asText()).isEqualTo("S6 4HA");
		assertThat(service.path("service_at_locations").get(0).path("location").path("accessibility")).hasSize(3);
		assertThat(service.path("attributes").findValuesAsText("term")).contains("pub", "coffee-morning", "step-free");
		assertThat(service.path("capacities").get(0).path("available").asInt()).isEqualTo(6);
		assertThat(service.toString()).as("the host's contact details are not published")
			.doesNotContain("landlord@redlion.example.org", "0114 496 0001");
	}

	@Test
	void aServiceAtLocationFromTheListOpensAsItselfWithItsServiceAndLocation() {
		JsonNode page = get("/oruk/service_at_locations?per_page=5");
		page.path("contents").forEach(link -> assertThat(OrukSchemas.violations("service_at_location_list.json", link))
			.as(link.toString())
			.isEmpty());
		JsonNode listed = page.path("contents").get(0);
		JsonNode opened = get("/oruk/service_at_locations/" + listed.path("id").asText());
		assertThat(OrukSchemas.violations("service_at_location.json", opened)).as(opened.toString()).isEmpty();
		assertThat(opened.path("id").asText()).isEqualTo(listed.path("id").asText());
		assertThat(opened.path("service_id").asText()).isEqualTo(listed.path("service_id").asText());
		assertThat(opened.path("location_id").asText()).isEqualTo(listed.path("location_id").asText());
		assertThat(opened.path("service").path("id").asText()).isEqualTo(listed.path("service_id").asText());
		assertThat(opened.path("service").path("schedules")).isNotEmpty();
		assertThat(opened.path("location").path("addresses").get(0).path("postal_code").asText()).isNotBlank();
		assertThat(mvc.get().uri("/oruk/service_at_locations/" + listed.path("service_id").asText()))
			.as("a service's id is not a service_at_location's").hasStatus(404);
	}

	@Test
	void taxonomiesAndTermsValidate() {
		JsonNode taxonomies = get("/oruk/taxonomies");
		assertThat(taxonomies.path("total_items").asInt()).isEqualTo(3);
		taxonomies.path("contents").forEach(taxonomy -> assertThat(OrukSchemas.violations("taxonomy.json", taxonomy)).isEmpty());
		JsonNode terms = get("/oruk/taxonomy_terms?per_page=100");
		assertThat(terms.path("contents").size()).isGreaterThan(30);
		terms.path("contents").forEach(term -> assertThat(OrukSchemas.violations("taxonomy_term.json", term)).isEmpty());
		assertThat(get("/oruk/taxonomy_terms/" + GARDENING).path("term").asText()).isEqualTo("gardening");
	}

	@Test
	void theSpecsFiltersNarrowTheList() {
		assertThat(names("/oruk/services?taxonomy_term_id=" + GARDENING)).containsExactlyInAnyOrder(
				"Walkley community allotment", "Heeley City Farm garden volunteers", "Stannington community garden");
		assertThat(names("/oruk/services?search=allotment")).containsExactly("Walkley community allotment");
		assertThat(names("/oruk/services?search=quizzes and gardening")).as("any of several interests, as referrers search")
			.contains("The Rose House Tuesday quiz", "Walkley community allotment", "Stannington community garden");
		// a postcode stands for its district's centroid: S2 3DT is measured from the middle of S2
		assertThat(names("/oruk/services?postcode=S2+3DT&proximity=1500")).containsExactly("Norfolk Park nature walk",
				"Sheffield memories group", "Heeley City Farm garden volunteers", "Heeley men's shed");
		assertThat(names("/oruk/services?day=SU&start_time=13:00&end_time=17:00"))
			.containsExactly("Abbeydale Picture House tea dance");
		assertThat(names("/oruk/services?minimum_age=55")).containsExactly("Dore village befriending",
				"Manor community lunch");
		assertThat(names("/oruk/services?modified_after=2199-01-01T00:00:00Z")).isEmpty();
		assertThat(get("/oruk/services?taxonomy_id=" + Taxonomies.stableId("taxonomy", Taxonomies.PLACE_KIND))
			.path("total_items").asInt()).isEqualTo(30);
	}

	@Test
	void anyoneMayReadItFromABrowserOnAnotherSite() {
		assertThat(mvc.get().uri("/oruk/services").header("Origin", "https://directory.council.example.gov.uk"))
			.hasStatusOk()
			.headers()
			.hasValue("Access-Control-Allow-Origin", "*");
	}

	@Test
	void everyAnswerAllowsEveryOriginWithOrWithoutAnOriginErrorsIncluded() {
		for (String uri : List.of("/oruk", "/oruk/", "/oruk/services", "/oruk/services?per_page=1000",
				"/oruk/services/no-such-service", "/oruk/service_at_locations/no-such-link", "/oruk/taxonomies",
				"/oruk/taxonomy_terms?taxonomy_id=nothing", "/oruk/no/such/path")) {
			assertThat(mvc.get().uri(URI.create(uri))).as(uri).headers().hasValue("Access-Control-Allow-Origin", "*");
			assertThat(mvc.get().uri(URI.create(uri)).header("Origin", "https://app.example.org")).as(uri)
				.headers()
				.hasValue("Access-Control-Allow-Origin", "*");
		}
		assertThat(mvc.post().uri("/oruk/services").header("Origin", "https://app.example.org")).hasStatus4xxClientError()
			.headers()
			.hasValue("Access-Control-Allow-Origin", "*");
	}

	@Test
	void aBrowsersPreflightIsAnsweredForEveryPath() {
		for (String uri : List.of("/oruk", "/oruk/services", "/oruk/services/any-id", "/oruk/service_at_locations",
				"/oruk/taxonomy_terms/any-id", "/oruk/no/such/path")) {
			MvcTestResult preflight = mvc.options()
				.uri(uri)
				.header("Origin", "https://directory.council.example.gov.uk")
				.header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "accept")
				.exchange();
			assertThat(preflight.getResponse().getStatus()).as(uri).isIn(200, 204);
			assertThat(preflight).headers().hasValue("Access-Control-Allow-Origin", "*");
			assertThat(preflight.getResponse().getHeader("Access-Control-Allow-Methods")).as(uri).contains("GET");
			assertThat(preflight.getResponse().getHeader("Access-Control-Allow-Headers")).as(uri).isNotBlank();
		}
	}

	@Test
	void agesAreNumbersAsTheSpecSays() {
		assertThat(names("/oruk/services?minimum_age=54.5")).containsExactly("Dore village befriending",
				"Manor community lunch");
		assertThat(names("/oruk/services?minimum_age=55.0")).containsExactly("Dore village befriending",
				"Manor community lunch");
		assertThat(names("/oruk/services?maximum_age=17.9")).isEqualTo(names("/oruk/services?maximum_age=17"));
	}

	@Test
	void startAndEndTimesStandOnTheirOwnForAnyDay() {
		assertThat(names("/oruk/services?start_time=19:00")).containsExactlyInAnyOrder("Nether Edge community choir",
				"The Rose House Tuesday quiz", "Totley ukulele group");
		assertThat(names("/oruk/services?end_time=11:30")).containsExactlyInAnyOrder("Hillsborough Park health walk",
				"Norfolk Park nature walk");
		assertThat(names("/oruk/services?start_time=14:00&end_time=16:30"))
			.contains("Abbeydale Picture House tea dance", "Firth Park digital drop-in", "Broomhill library book club")
			.doesNotContain("Darnall chess and dominoes");
		assertField("/oruk/services?start_time=25:00", "start_time");
		assertField("/oruk/services?start_time=12:00&end_time=09:00", "end_time");
	}

	@Test
	void badParametersAreNamed() {
		assertThat(mvc.get().uri("/oruk/services?per_page=1000")).hasStatus(400).bodyJson()
			.extractingPath("$.errors[0].field").isEqualTo("per_page");
		assertThat(mvc.get().uri("/oruk/services?taxonomy_term_id=not-a-term")).hasStatus(400).bodyJson()
			.extractingPath("$.errors[0].field").isEqualTo("taxonomy_term_id");
		assertThat(mvc.get().uri("/oruk/services?postcode=NOWHERE")).hasStatus(400).bodyJson()
			.extractingPath("$.errors[0].field").isEqualTo("postcode");
		assertThat(mvc.get().uri("/oruk/services?day=XX")).hasStatus(400);
		assertThat(mvc.get().uri("/oruk/services?modified_after=yesterday")).hasStatus(400);
		assertThat(mvc.get().uri("/oruk/services/no-such-service")).hasStatus(404);
	}

	@Test
	void extremeAndMalformedParametersAreNamedProblems() {
		assertField("/oruk/services?modified_after=%2B999999999-12-31", "modified_after");
		assertField("/oruk/services?modified_after=-999999999-01-01", "modified_after");
		assertField("/oruk/services?modified_after=%2B999999999-12-31T23:59:59Z", "modified_after");
		assertField("/oruk/services?modified_after=0000-01-01", "modified_after");
		for (String number : List.of("NaN", "Infinity", "-Infinity", "0x10", "1e3", "10d", "1.5", "2147483648",
				"99999999999999999999", "%2B", "1%00")) {
			assertField("/oruk/services?page=" + number, "page");
			assertField("/oruk/services?per_page=" + number, "per_page");
			assertField("/oruk/service_at_locations?page=" + number, "page");
			assertField("/oruk/taxonomies?per_page=" + number, "per_page");
			assertField("/oruk/taxonomy_terms?page=" + number, "page");
			if (!number.equals("1.5")) {
				assertField("/oruk/services?minimum_age=" + number, "minimum_age");
				assertField("/oruk/services?maximum_age=" + number, "maximum_age");
			}
		}
		assertField("/oruk/services?minimum_age=120.5", "minimum_age");
		assertField("/oruk/services?maximum_age=-0.5", "maximum_age");
		assertField("/oruk/services?page=2147483647", "page");
		assertField("/oruk/taxonomies?page=2147483647", "page");
		assertField("/oruk/services?postcode=S2&proximity=NaN", "proximity");
		assertField("/oruk/services?postcode=S2&proximity=Infinity", "proximity");
		assertField("/oruk/services?postcode=S2&proximity=-1", "proximity");
		assertField("/oruk/services?postcode=S2&proximity=1e9", "proximity");
		assertField("/oruk/services?postcode=" + "S".repeat(5000), "postcode");
		assertField("/oruk/services?postcode=S2%00", "postcode");
		assertField("/oruk/services?day=SU&start_time=13:00:00", "start_time");
		assertField("/oruk/services?day=SU&end_time=24:00", "end_time");
		assertField("/oruk/services?day=SU&start_time=-1:00", "start_time");
		assertField("/oruk/services?taxonomy_term_id=" + "x".repeat(5000), "taxonomy_term_id");
		assertField("/oruk/services?taxonomy_term_id=%00", "taxonomy_term_id");
		assertField("/oruk/services?taxonomy_id=" + "x".repeat(5000), "taxonomy_id");
		assertField("/oruk/taxonomy_terms?taxonomy_id=%00", "taxonomy_id");
		assertField("/oruk/services?search=" + "garden%20".repeat(300), "search");
		assertThat(mvc.get().uri("/oruk/services?postcode=S2&proximity=1500.5")).hasStatusOk();
	}

	private void assertField(String uri, String field) {
		assertThat(mvc.get().uri(URI.create(uri))).as(uri)
			.hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo(field);
	}

	private JsonNode get(String uri) {
		MvcTestResult result = mvc.get().uri(uri).exchange();
		assertThat(result).as(uri).hasStatusOk();
		return OrukSchemas.read(new String(result.getResponse().getContentAsByteArray(),
				java.nio.charset.StandardCharsets.UTF_8));
	}

	private List<String> names(String uri) {
		List<String> names = new ArrayList<>();
		get(uri).path("contents").forEach(service -> names.add(service.path("name").asText()));
		return names;
	}

}
