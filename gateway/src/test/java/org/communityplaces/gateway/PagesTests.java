package org.communityplaces.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page is its own content in the one layout, served by the gateway with the same sign-in
 * and browser protections as before, and asked for again cheaply; the vocabularies the pages
 * build their choices and words from are open to all and cached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PagesTests {

	private static final String SAM = "Basic "
			+ Base64.getEncoder().encodeToString("sam:test-password".getBytes(StandardCharsets.UTF_8));

	@Autowired
	WebTestClient http;

	@Test
	void aPageIsItsContentInTheOneLayoutWithItsOwnScriptAndTheBrowserProtections() {
		String page = http.get().uri("/sign-in.html").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader().valueMatches("Content-Security-Policy", "default-src 'self'.*")
			.expectHeader().valueEquals("X-Frame-Options", "DENY")
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).startsWith("<!doctype html>")
			.contains("<title>Sign in – Community places</title>", "<script src=\"/assets/app.js\" defer></script>",
					"<script src=\"/assets/sign-in.js\" defer></script>", "<header class=\"banner\" id=\"banner\">",
					"<h1>Sign in</h1>",
					"<script type=\"application/json\" id=\"vocabularies\">[{\"code\":\"place-kind\"")
			.doesNotContain("{main}", "{title}", "{script}", "{vocabularies}");
	}

	@Test
	void thePagesForSignedInPeopleAreTheirsAndTheHomePageIsAlsoAtTheRoot() {
		http.get().uri("/referrals.html").header(HttpHeaders.AUTHORIZATION, SAM).exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("<title>Referrals – Community places</title>",
					"/assets/referrals.js", "<h1 id=\"heading\">Referrals</h1>"));
		String home = http.get().uri("/index.html").header(HttpHeaders.AUTHORIZATION, SAM).exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(home).contains("<title>Home – Community places</title>", "/assets/index.js");
		http.get().uri("/").header(HttpHeaders.AUTHORIZATION, SAM).exchange()
			.expectStatus().isOk().expectBody(String.class).isEqualTo(home);
		http.get().uri("/").header("Sec-Fetch-Mode", "navigate").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound().expectHeader().location("/sign-in.html?then=%2F");
	}

	@Test
	void theLinkInEveryAlertLeadsThroughSignInToTheReferralsPage() {
		String id = "0b6f3c52-8d0e-4a4e-9f5b-2f1a7c9e4d11";
		http.get().uri("/referrals/" + id).header("Sec-Fetch-Mode", "navigate").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound().expectHeader().location("/sign-in.html?then=%2Freferrals%2F" + id);
		http.get().uri("/referrals/" + id).header(HttpHeaders.AUTHORIZATION, SAM).exchange()
			.expectStatus().isSeeOther().expectHeader().location("/referral.html?id=" + id);
		http.get().uri("/referrals/" + "x".repeat(80)).header(HttpHeaders.AUTHORIZATION, SAM).exchange()
			.expectStatus().isSeeOther().expectHeader().location("/referrals.html");
	}

	/** No Grafana runs unless a deployment says where: the uptake page then has no dashboard links at all. */
	@Test
	void noDashboardIsListedUntilADeploymentConfiguresOne() {
		http.get().uri("/api/dashboards").header(HttpHeaders.AUTHORIZATION, SAM).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("[]");
	}

	@Test
	void aBrowserAsksForAPageAgainCheaply() {
		String etag = http.get().uri("/sign-in.html").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
			// The page is read whole, as a browser does: a connection with an unread answer would be
			// handed back to the client's pool while the gateway still writes to it
			.expectBody(String.class).returnResult().getResponseHeaders().getETag();
		assertThat(etag).isNotBlank();
		http.get().uri("/sign-in.html").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
			.expectStatus().isNotModified().expectBody(String.class);
	}

	@Test
	void theVocabulariesAreOpenToAllAndCached() {
		String etag = http.get().uri("/api/vocabularies").exchange()
			.expectStatus().isOk()
			.expectHeader().valueMatches(HttpHeaders.CACHE_CONTROL, "max-age=\\d+, public")
			.expectBody()
			.jsonPath("$[?(@.code == 'place-kind')].terms[2].code").isEqualTo("community-group")
			.jsonPath("$[?(@.code == 'place-kind')].terms[2].name").isEqualTo("Community group")
			.jsonPath("$[?(@.code == 'reject-reason')].terms[*].code")
			.value(codes -> assertThat(codes.toString()).contains("no-capacity", "other"))
			.jsonPath("$[?(@.code == 'age-band')].terms[*].name")
			.value(names -> assertThat(names.toString()).contains("75-84"))
			.returnResult().getResponseHeaders().getETag();
		http.get().uri("/api/vocabularies").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
			.expectStatus().isNotModified().expectBody(String.class);
	}

}
