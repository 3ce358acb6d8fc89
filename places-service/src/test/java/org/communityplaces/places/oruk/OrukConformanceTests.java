package org.communityplaces.places.oruk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.communityplaces.places.PlacesServiceTest;
import org.communityplaces.places.taxonomy.Taxonomies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official ORUK validator's checks (github.com/OpenReferralUK/oruk-validator, its
 * OpenApiValidationService), run here on every GET path of the ORUK 3.0 OpenAPI document
 * (copied under src/test/resources/oruk): every path answers 2xx; the root names a version
 * the validator can read; each list is read at its first, middle and last page and must not
 * be empty; up to ten ids from each list open at the path by id; and every answer validates
 * against the schema the document gives it. Beyond the validator, every query parameter the
 * document lists for a path is sent on its own and all together, and each answer validates.
 */
class OrukConformanceTests extends PlacesServiceTest {

	private static final JsonNode OPENAPI = OrukSchemas.resource("openapi.json");

	/**
	 * The document gives {@code /service_at_locations/{id}} the service schema although it
	 * describes the answer as a service_at_location, and the validator's own ORUK 3.0 profile
	 * checks it against the service_at_location schema, as here.
	 */
	private static final Map<String, String> SCHEMA_CORRECTIONS = Map.of("/service_at_locations/{id}",
			"{\"$ref\": \"https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/compiled/service_at_location.json\"}");

	private static final Map<String, String> SAMPLES = Map.ofEntries(Map.entry("search", "quiz, gardening"),
			Map.entry("page", "2"), Map.entry("per_page", "3"),
			Map.entry("taxonomy_term_id", Taxonomies.stableId("term", Taxonomies.ACTIVITY, "gardening")),
			Map.entry("taxonomy_id", Taxonomies.stableId("taxonomy", Taxonomies.ACTIVITY)),
			Map.entry("minimum_age", "18"), Map.entry("maximum_age", "120"), Map.entry("start_time", "09:00"),
			Map.entry("end_time", "17:00"), Map.entry("day", "TU"), Map.entry("postcode", "S6 4HA"),
			Map.entry("proximity", "3000"), Map.entry("modified_after", "2020-01-01T00:00:00Z"));

	@BeforeEach
	void demoCatalogue() throws Exception {
		assertThat(importDemoCatalogue()).hasStatusOk();
	}

	@Test
	void theRootNamesAVersionTheValidatorCanReadAndWhereTheDocumentIs() {
		JsonNode root = answer("/", "/oruk/");
		assertThat(root.path("version").asText().replace("HSDS-UK-", "").replace("V", "").strip())
			.as("the validator reads the version as a number to choose the profile").isEqualTo("3.0");
		assertThat(URI.create(root.path("profile").asText()).isAbsolute()).isTrue();
		assertThat(URI.create(root.path("openapi_url").asText()).isAbsolute()).isTrue();
	}

	@Test
	void everyPathAnswersAndValidatesAtItsFirstMiddleAndLastPageAndByTheIdsItLists() {
		List<String> checked = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : OPENAPI.path("paths").properties()) {
			String template = path.getKey();
			if (template.equals("/") || template.contains("{")) {
				continue;
			}
			for (String perPage : new String[] { null, "4" }) {
				JsonNode first = answer(template, uri(template, Map.of(), perPage, 1));
				assertThat(first.path("contents").size()).as("%s is not empty", template).isPositive();
				int pages = first.path("total_pages").asInt();
				for (int page : new int[] { pages / 2, pages }) {
					if (page > 1) {
						answer(template, uri(template, Map.of(), perPage, page));
					}
				}
				checked.add(template + (perPage == null ? "" : " by " + perPage));
			}
			String byId = template + "/{id}";
			if (OPENAPI.path("paths").has(byId)) {
				JsonNode listed = answer(template, "/oruk" + template + "?per_page=10");
				listed.path("contents").forEach(item -> answer(byId, "/oruk" + template + "/" + item.path("id").asText()));
				checked.add(byId);
			}
		}
		assertThat(checked).contains("/services", "/services/{id}", "/service_at_locations",
				"/service_at_locations/{id}", "/taxonomies", "/taxonomies/{id}", "/taxonomy_terms",
				"/taxonomy_terms/{id}");
	}

	@Test
	void everyParameterTheDocumentListsIsTakenOnItsOwnAndAllTogether() {
		List<String> sent = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : OPENAPI.path("paths").properties()) {
			String template = path.getKey();
			Map<String, String> all = new LinkedHashMap<>();
			for (JsonNode parameter : path.getValue().path("get").path("parameters")) {
				String name = resolve(parameter).path("name").asText();
				String value = SAMPLES.get(name);
				assertThat(value).as("a sample value for %s", name).isNotNull();
				Map<String, String> alone = name.equals("proximity") ? Map.of(name, value, "postcode", SAMPLES.get("postcode"))
						: Map.of(name, value);
				answer(template, uri(template, alone, null, null));
				all.putAll(alone);
				sent.add(template + "?" + name);
			}
			if (!all.isEmpty()) {
				answer(template, uri(template, all, null, null));
			}
		}
		assertThat(sent).contains("/services?start_time", "/services?end_time", "/service_at_locations?proximity");
	}

	@Test
	void pagesDescribeThemselvesTruly() {
		JsonNode page = answer("/services", "/oruk/services?per_page=7&page=5");
		assertThat(page.path("total_items").asInt()).isEqualTo(30);
		assertThat(page.path("total_pages").asInt()).isEqualTo(5);
		assertThat(page.path("size").asInt()).isEqualTo(2).isEqualTo(page.path("contents").size());
		assertThat(page.path("last_page").asBoolean()).isTrue();
		assertThat(page.path("first_page").asBoolean()).isFalse();
		assertThat(page.path("empty").asBoolean()).isFalse();
		JsonNode beyond = answer("/services", "/oruk/services?per_page=7&page=6");
		assertThat(beyond.path("empty").asBoolean()).isTrue();
		assertThat(beyond.path("size").asInt()).isZero();
	}

	/** Sends the request, expects a 2xx answer and validates it against the path's schema in the document. */
	private JsonNode answer(String template, String uri) {
		MvcTestResult result = mvc.get().uri(URI.create(uri)).exchange();
		assertThat(result.getResponse().getStatus()).as(uri).isBetween(200, 299);
		JsonNode json = OrukSchemas.read(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
		String correction = SCHEMA_CORRECTIONS.get(template);
		JsonNode schema = correction != null ? OrukSchemas.read(correction)
				: OPENAPI.path("paths").path(template).path("get").path("responses").path("200").path("content")
					.path("application/json").path("schema");
		assertThat(schema.isMissingNode()).as("a schema for %s", template).isFalse();
		assertThat(OrukSchemas.violationsOfAnswer(OPENAPI, schema, json)).as(uri + " " + json).isEmpty();
		return json;
	}

	private static JsonNode resolve(JsonNode parameter) {
		String reference = parameter.path("$ref").asText();
		return reference.isEmpty() ? parameter : OPENAPI.at(reference.substring(1));
	}

	private static String uri(String template, Map<String, String> parameters, String perPage, Integer page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/oruk" + template);
		parameters.forEach(uri::queryParam);
		if (perPage != null) {
			uri.queryParam("per_page", perPage);
		}
		if (page != null) {
			uri.queryParam("page", page);
		}
		return uri.encode().build().toUriString();
	}

}
