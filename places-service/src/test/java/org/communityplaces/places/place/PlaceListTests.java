package org.communityplaces.places.place;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.communityplaces.places.PlacesServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins find a place among many, and hosts among theirs: by words in the name, the start of the
 * postcode, the kind and the status, a page at a time; each place says which parts the caller
 * may change.
 */
class PlaceListTests extends PlacesServiceTest {

	@BeforeEach
	void demoCatalogue() throws Exception {
		assertThat(importDemoCatalogue()).hasStatusOk();
	}

	@Test
	void anAdminNarrowsTheCatalogueByNamePostcodeKindAndStatus() {
		assertThat(names("admin", null, "?name={name}", "red LION")).containsExactly("The Red Lion community table");
		assertThat(names("admin", null, "?name={name}", "walking for health"))
			.as("the organisation's name too")
			.contains("Hillsborough Park health walk");
		assertThat(names("admin", null, "?postcode=s64ha")).containsExactly("The Red Lion community table");
		assertThat(names("admin", null, "?postcode=S6&kind=PUB&size=200")).contains("The Red Lion community table")
			.doesNotContain("Hillsborough Park health walk");
		assertThat(names("admin", null, "?kind=SHOP&size=200")).contains("Page Hall corner shop chat bench")
			.doesNotContain("The Red Lion community table");
		assertThat(names("admin", null, "?status=ACTIVE&size=200")).hasSizeGreaterThan(20);
		assertThat(names("admin", null, "?name={name}", "nothing called this")).isEmpty();
	}

	@Test
	void theListComesTwentyAPageInNameOrder() {
		List<String> first = names("admin", null, "?size=20&page=0");
		List<String> second = names("admin", null, "?size=20&page=1");
		assertThat(first).hasSize(20).isSorted();
		assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
	}

	@Test
	void aHostFindsOnlyAmongTheirOwnPlacesAndMayChangeOnlyWhatAVenueKeepsUpToDate() {
		assertThat(names("host", "landlord@redlion.example.org", "?name=the")).containsExactly("The Red Lion community table");
		assertThat(list("host", "landlord@redlion.example.org", "")).bodyJson()
			.extractingPath("$[0].mayChange")
			.asArray()
			.containsExactly("opening-times", "capacity", "host", "listing-dates", "confirm");
		assertThat(list("admin", null, "?name={name}", "red lion")).bodyJson()
			.extractingPath("$[0].mayChange")
			.asArray()
			.contains("details", "remove");
	}

	@Test
	void filtersThatAreNotOnesAreNamedProblems() {
		for (List<String> bad : List.of(List.of("kind", "CASINO"), List.of("status", "open"), List.of("postcode", "S6;4HA"),
				List.of("postcode", "S6 4HA XYZ"), List.of("name", "x".repeat(101)), List.of("name", "red\u0007lion"))) {
			assertThat(list("admin", null, "?" + bad.get(0) + "={value}", bad.get(1))).as(bad.toString())
				.hasStatus(400)
				.bodyJson()
				.extractingPath("$.errors[0].field")
				.isEqualTo(bad.get(0));
		}
	}

	private MvcTestResult list(String role, String email, String query, Object... values) {
		return as(role, email, mvc.get().uri("/api/places" + query, values)).exchange();
	}

	private List<String> names(String role, String email, String query, Object... values) {
		try {
			String body = list(role, email, query, values).getResponse().getContentAsString(StandardCharsets.UTF_8);
			return JsonMapper.shared().readTree(body).valueStream().map(place -> place.path("name").asString()).toList();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
