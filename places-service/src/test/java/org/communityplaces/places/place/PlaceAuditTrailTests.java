package org.communityplaces.places.place;

import org.communityplaces.places.PlacesServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The places audit trail shows every change: an import as one entry with its counts (not one
 * for each row), and each place registered, changed or removed, by the host or an admin who
 * did it.
 */
class PlaceAuditTrailTests extends PlacesServiceTest {

	@Test
	void anImportIsOneEntryWithItsCounts() throws Exception {
		assertThat(importDemoCatalogue()).hasStatusOk();

		assertThat(trail("")).bodyJson().satisfies(trail -> {
			assertThat(trail).extractingPath("$.entries[*].objectType").asArray().containsExactly("import");
			assertThat(trail).extractingPath("$.entries[0].actorId").isEqualTo("u-admin");
			assertThat(trail).extractingPath("$.entries[0].outcome").isEqualTo("CHANGED");
			assertThat(trail).extractingPath("$.entries[0].purpose").asString()
				.matches("import a CSV file: \\d+ new, 0 updated, 0 unchanged, 0 turned down, \\d+ with warnings");
		});
	}

	@Test
	void everyChangeOfAPlaceByItsHostOrAnAdminIsInTheTrail() {
		MvcTestResult registered = as("admin", null, mvc.post().uri("/api/places")).contentType(MediaType.APPLICATION_JSON)
			.content(PlaceApiTests.RED_LION)
			.exchange();
		String id = registered.getResponse().getHeader("Location").replace("/api/places/", "");
		String host = "landlord@redlion.example.org";
		assertThat(put("host", host, "/api/places/{id}/capacity", id, "{\"available\": 2, \"maximum\": 8}")).hasStatusOk();
		assertThat(put("host", host, "/api/places/{id}/opening-times", id,
				"{\"openingTimes\": [{\"days\": [\"SA\"], \"opens\": \"10:00\", \"closes\": \"12:00\"}]}")).hasStatusOk();
		assertThat(put("host", host, "/api/places/{id}/host", id,
				"{\"name\": \"Alex Taylor\", \"email\": \"landlord@redlion.example.org\"}")).hasStatusOk();
		assertThat(put("admin", null, "/api/places/{id}", id,
				PlaceApiTests.RED_LION.replace("community table", "lunch table"))).hasStatusOk();
		assertThat(as("admin", null, mvc.delete().uri("/api/places/{id}", id))).hasStatus(204);

		assertThat(trail("?objectId=" + id)).bodyJson().satisfies(trail -> {
			assertThat(trail).extractingPath("$.entries[*].purpose").asArray().containsExactly("remove the place",
					"change the place", "change host contact", "change opening times", "change capacity",
					"register the place");
			assertThat(trail).extractingPath("$.entries[*].actorId").asArray()
				.containsExactly("u-admin", "u-admin", "u-host", "u-host", "u-host", "u-admin");
			assertThat(trail).extractingPath("$.entries[*].outcome").asArray().containsOnly("CHANGED");
		});
	}

	@Test
	void aRefusedChangeIsNotAChange() {
		MvcTestResult registered = as("admin", null, mvc.post().uri("/api/places")).contentType(MediaType.APPLICATION_JSON)
			.content(PlaceApiTests.RED_LION)
			.exchange();
		String id = registered.getResponse().getHeader("Location").replace("/api/places/", "");
		assertThat(put("host", "landlord@redlion.example.org", "/api/places/{id}/capacity", id,
				"{\"available\": 9, \"maximum\": 8}")).hasStatus(400);

		assertThat(trail("?objectId=" + id)).bodyJson()
			.extractingPath("$.entries[*].purpose")
			.asArray()
			.containsExactly("register the place");
	}

	private MvcTestResult trail(String query) {
		return as("admin", null, mvc.get().uri("/api/places/audit" + query)).exchange();
	}

	private MvcTestResult put(String role, String email, String uri, String id, String body) {
		return as(role, email, mvc.put().uri(uri, id)).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

}
