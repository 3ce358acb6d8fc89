package org.communityplaces.places.oruk;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.communityplaces.places.PlacesServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services imported with gaps (no street, no town, online, coordinates only, cost unknown)
 * still answer as the published ORUK 3.0 schemas say, in lists and one by one.
 */
class OrukGapsTests extends PlacesServiceTest {

	@Test
	void servicesWithGapsValidateAgainstTheOrukSchemas() throws Exception {
		byte[] feed = new ClassPathResource("imports/council-feed.json").getContentAsByteArray();
		assertThat(as("admin", null, mvc.post().uri("/api/places/imports")).contentType(MediaType.APPLICATION_JSON)
			.content(feed)).hasStatusOk().bodyJson().extractingPath("$.created").isEqualTo(5);

		JsonNode services = get("/oruk/services?per_page=50");
		assertThat(services.path("contents")).hasSize(5);
		for (JsonNode listed : services.path("contents")) {
			assertThat(OrukSchemas.violations("service_list.json", listed)).as(listed.toString()).isEmpty();
			JsonNode service = get("/oruk/services/" + listed.path("id").asText());
			assertThat(OrukSchemas.violations("service.json", service)).as(service.toString()).isEmpty();
		}
		for (JsonNode link : get("/oruk/service_at_locations?per_page=50").path("contents")) {
			assertThat(OrukSchemas.violations("service_at_location_list.json", link)).as(link.toString()).isEmpty();
			JsonNode opened = get("/oruk/service_at_locations/" + link.path("id").asText());
			assertThat(OrukSchemas.violations("service_at_location.json", opened)).as(opened.toString()).isEmpty();
		}
	}

	private JsonNode get(String uri) throws Exception {
		return new ObjectMapper()
			.readTree(mvc.get().uri(uri).exchange().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
