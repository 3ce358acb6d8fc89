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
 * The place page referrers open from search and from a referral: in the one layout, for everyone
 * signed in, with its print sheet and the line for the person that stays in the page, and no
 * script from anywhere else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PlacePageTests {

	private static final String PLACE_PAGE = "/place.html?id=0b6f3c52-8d0e-4a4e-9f5b-2f1a7c9e4d11";

	@Autowired
	WebTestClient http;

	@Test
	void aSignedInReferrerIsServedThePlacePageInTheLayoutWithItsPrintSheet() {
		String page = http.get().uri(PLACE_PAGE).header(HttpHeaders.AUTHORIZATION, signedIn("sam")).exchange()
			.expectStatus().isOk()
			.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader().valueMatches("Content-Security-Policy", "default-src 'self'.*")
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(page).startsWith("<!doctype html>")
			.contains("<title>Place – Community places</title>", "<header class=\"banner\" id=\"banner\">",
					"<script src=\"/assets/app.js\" defer></script>", "<script src=\"/assets/place.js\" defer></script>",
					"<h1 id=\"heading\">Place</h1>", "id=\"facts\"", "<button type=\"button\" id=\"print\">Print for the person</button>",
					"<section id=\"print-sheet\" class=\"print-sheet\"", "id=\"print-note\"")
			.doesNotContain("{main}", "{title}", "<script src=\"http");
		// The line typed for the person is in no form and has no name: nothing can send it
		assertThat(page.substring(page.indexOf("<main"), page.indexOf("</main>"))).doesNotContain("<form", "name=");
	}

	@Test
	void hostsAndAdminsReadItTooAndSomeoneNotSignedInIsSignedInFirstAndBroughtBack() {
		http.get().uri(PLACE_PAGE).header(HttpHeaders.AUTHORIZATION, signedIn("kim")).exchange().expectStatus().isOk().expectBody(String.class);
		http.get().uri(PLACE_PAGE).header(HttpHeaders.AUTHORIZATION, signedIn("ada")).exchange().expectStatus().isOk().expectBody(String.class);
		http.get().uri(PLACE_PAGE).header("Sec-Fetch-Mode", "navigate").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isFound()
			.expectHeader().location("/sign-in.html?then=%2Fplace.html%3Fid%3D0b6f3c52-8d0e-4a4e-9f5b-2f1a7c9e4d11");
	}

	@Test
	void thePagesScriptIsServed() {
		http.get().uri("/assets/place.js").exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value(script -> assertThat(script).contains("/listing", "window.print()"));
	}

	private static String signedIn(String username) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":test-password").getBytes(StandardCharsets.UTF_8));
	}

}
