package org.communityplaces.places;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.communityplaces.places.taxonomy.Taxonomies;
import org.communityplaces.platform.testing.HostileRequests;
import org.communityplaces.platform.testing.StoredState;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Every operation of the service's OpenAPI description, sent malformed, boundary and hostile
 * requests as every kind of caller and unsigned, against places of the demo catalogue: never a
 * 5xx, every refusal problem+json, and nothing stored changed by a refused request. The search
 * index is rebuilt from the stored places, so the places collection stands for it; the audit
 * trail is left out of the comparison because reads write to it by design, and so is when the
 * relay marked an event sent.
 */
class HostileRequestsTests extends PlacesServiceTest {

	private static final String RED_LION = Taxonomies.stableId("import", "demo-red-lion");

	/** The relay marks an event sent in its own time, after the write that caused it was answered. */
	private static final Pattern RELAYED = Pattern.compile("\"sentAt\": (null|\\{\"\\$date\": \"[^\"]*\"})");

	private static final String PLACE = """
			{"name": "The Red Lion community table", "kind": "PUB",
			 "description": "A reserved table every weekday lunchtime",
			 "organization": {"name": "The Red Lion Hillsborough"},
			 "activities": ["coffee-morning", "quiz-and-games"], "accessibility": ["step-free"],
			 "address": {"line1": "12 Middlewood Road", "city": "Sheffield", "postcode": "S6 4HA"},
			 "openingTimes": [{"days": ["MO", "TU"], "opens": "11:30", "closes": "14:00"}],
			 "cost": {"free": true}, "minimumAge": 18,
			 "host": {"name": "Sam Taylor", "email": "landlord@redlion.example.org"},
			 "capacity": {"available": 6, "maximum": 8}}
			""";

	@Test
	void everyOperationHoldsAgainstHostileRequestsFromEveryCaller() throws Exception {
		assertThat(importDemoCatalogue()).hasStatusOk();
		String feed = "[" + mvc.get().uri("/oruk/services/{id}", RED_LION).exchange().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.replaceFirst("\\{", "{\"email\":\"landlord@redlion.example.org\",") + "]";

		Supplier<String> stored = StoredState.of(mongo, "audit", "shedLock");
		HostileRequests.Summary summary = HostileRequests.against(mvc)
			.as("admin", signedIn("admin", null))
			.as("host", signedIn("host", "landlord@redlion.example.org"))
			.as("other-host", signedIn("host", "kim@bakery.example.org"))
			.as("referrer", signedIn("referrer", "sam@surgery.example.org"))
			.as("commissioner", signedIn("commissioner", "cam@icb.example.org"))
			.pathVariable("id", RED_LION)
			.exampleBody("POST /api/places", PLACE)
			.exampleBody("PUT /api/places/{id}", PLACE)
			.exampleBody("PUT /api/places/{id}/opening-times",
					"{\"openingTimes\": [{\"days\": [\"SA\"], \"opens\": \"10:00\", \"closes\": \"12:00\"}]}")
			.exampleBody("PUT /api/places/{id}/capacity", "{\"available\": 2, \"maximum\": 8}")
			.exampleBody("PUT /api/places/{id}/host",
					"{\"name\": \"Alex Taylor\", \"email\": \"landlord@redlion.example.org\"}")
			.exampleBody("POST /api/places/imports", feed)
			.exampleBody("PUT /api/places/{id}/listing-dates", "{\"closedUntil\": \"2027-01-04\", \"listedFrom\": null}")
			.exampleBody("POST /api/places/{id}/reports", "{\"problem\": \"times-wrong\", \"details\": \"Wednesdays now\"}")
			// A feed's address the guard refuses, so no hostile variation of it reaches out to anything
			.exampleBody("POST /api/places/imports/feeds", "{\"url\": \"https://10.0.0.8/oruk\", \"every\": \"daily\"}")
			.storedState(() -> RELAYED.matcher(stored.get()).replaceAll("\"sentAt\": \"when relayed\""))
			.run();

		assertThat(summary.operations()).as("every operation of the description").isEqualTo(30);
	}

	private static RequestPostProcessor signedIn(String role, String email) {
		return jwt().jwt(token -> {
			token.subject("u-" + role + (email == null ? "" : "-" + email)).claim("role", role)
				.claim("organisation", "C88001");
			if (email != null) {
				token.claim("email", email);
			}
		});
	}

}
