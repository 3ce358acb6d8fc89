package org.communityplaces.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before a referral is sent the referrer is reminded that this is not the route for a
 * safeguarding concern, and told where to go instead: each deployment names its own team.
 */
class SafeguardingReminderTests {

	private static final String SAM = "Basic "
			+ Base64.getEncoder().encodeToString("sam:test-password".getBytes(StandardCharsets.UTF_8));

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@AutoConfigureWebTestClient
	class ByDefault {

		@Autowired
		WebTestClient http;

		@Test
		void theReminderSaysWhatToDoInsteadWithoutNamingATeamNobodyConfigured() {
			http.get().uri("/api/safeguarding").header(HttpHeaders.AUTHORIZATION, SAM).exchange()
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.reminder").value(String.class,
						reminder -> assertThat(reminder).contains("not the way to raise a safeguarding concern", "call 999"))
				.jsonPath("$.contact").doesNotExist()
				.jsonPath("$.address").doesNotExist();
		}

		@Test
		void theReminderIsForSignedInPeople() {
			http.get().uri("/api/safeguarding").exchange()
				.expectStatus().isUnauthorized()
				.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody(String.class);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "gateway.pages.safeguarding.contact=Sheffield Adult Safeguarding, 0114 273 4908",
					"gateway.pages.safeguarding.address=https://www.sheffield.gov.uk/safeguarding" })
	@AutoConfigureWebTestClient
	class WhereADeploymentNamesItsTeam {

		@Autowired
		WebTestClient http;

		@Test
		void theReminderNamesTheTeamAndItsPage() {
			http.get().uri("/api/safeguarding").header(HttpHeaders.AUTHORIZATION, SAM).exchange()
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.contact").isEqualTo("Sheffield Adult Safeguarding, 0114 273 4908")
				.jsonPath("$.address").isEqualTo("https://www.sheffield.gov.uk/safeguarding");
		}

	}

}
