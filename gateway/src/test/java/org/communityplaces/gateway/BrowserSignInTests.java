package org.communityplaces.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People in a browser sign in on the sign-in page and carry a session cookie; every change
 * they send with it needs the CSRF token from the page's cookie, so another site cannot make
 * their browser change anything. The services still see only the gateway's token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class BrowserSignInTests {

	private static final Map<String, String> received = new ConcurrentHashMap<>();

	private static final HttpServer services = StandIn.start(exchange -> {
		exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(), values.get(0)));
		StandIn.answer(exchange, 200, "[]");
	});

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("services.referral-url", () -> StandIn.url(services));
	}

	@Autowired
	WebTestClient http;

	@AfterAll
	static void stop() {
		services.stop(0);
	}

	@BeforeEach
	void forget() {
		received.clear();
	}

	@Test
	void theSignInPageSetsACsrfCookieAndASignInWithoutItsTokenIsRefused() {
		String csrf = csrfFromSignInPage();
		assertThat(csrf).isNotBlank();
		http.post().uri("/sign-in").body(BodyInserters.fromFormData("username", "sam").with("password", "test-password"))
			.exchange().expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.title").isEqualTo("Page out of date");
	}

	@Test
	void aSignedInBrowserReachesTheServicesAsTheGatewaysTokenAndChangesOnlyWithTheCsrfToken() {
		String csrf = csrfFromSignInPage();
		String session = signIn(csrf, "sam", "test-password");

		http.get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.role").isEqualTo("referrer").jsonPath("$.organisation").isEqualTo("C88001");
		http.get().uri("/api/referrals").cookie("SESSION", session).exchange().expectStatus().isOk().expectBody(String.class);
		assertThat(received.get("authorization")).startsWith("Bearer ");
		assertThat(received).as("the session cookie stays at the gateway").doesNotContainKey("cookie");

		http.post().uri("/api/referrals").cookie("SESSION", session).contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}").exchange().expectStatus().isForbidden().expectBody(String.class);
		http.post().uri("/api/referrals").cookie("SESSION", session).cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
			.expectStatus().isOk().expectBody(String.class);
	}

	@Test
	void signingInGivesANewSessionAndSigningOutEndsIt() {
		String csrf = csrfFromSignInPage();
		String planted = "planted-by-someone-else";
		EntityExchangeResult<byte[]> signedIn = http.post().uri("/sign-in").cookie("SESSION", planted)
			.cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf)
			.body(BodyInserters.fromFormData("username", "kim").with("password", "test-password")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("host").returnResult();
		String session = cookie(signedIn, "SESSION");
		assertThat(session).isNotBlank().isNotEqualTo(planted);

		http.post().uri("/sign-out").cookie("SESSION", session).cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf)
			.exchange().expectStatus().isFound().expectHeader().location("/sign-in.html?signed-out");
		http.get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isUnauthorized().expectBody(String.class);
	}

	@Test
	void aWrongPasswordIsAProblemTheSignInPageShows() {
		String csrf = csrfFromSignInPage();
		http.post().uri("/sign-in").cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf)
			.body(BodyInserters.fromFormData("username", "sam").with("password", "wrong")).exchange()
			.expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().doesNotExist("Set-Cookie").expectBody().jsonPath("$.detail")
			.isEqualTo("Wrong username or password.");
	}

	@Test
	void aBrowserGoingToAPageUnsignedIsTakenToSignInAndItsRequestsGetNoPasswordBox() {
		http.get().uri("/referral.html?id=r-1").header("Sec-Fetch-Mode", "navigate").accept(MediaType.TEXT_HTML)
			.exchange().expectStatus().isFound().expectHeader().location("/sign-in.html?then=%2Freferral.html%3Fid%3Dr-1");
		http.get().uri("/api/referrals").header("Sec-Fetch-Mode", "cors").exchange().expectStatus().isUnauthorized()
			.expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
		http.get().uri("/sign-in/providers").exchange().expectStatus().isOk().expectBody().json("[]");
	}

	@Test
	void afterSigningInThePageGoesOnlyToAPageOfThisSite() {
		String csrf = csrfFromSignInPage();
		Map<String, String> nextPages = Map.ofEntries(Map.entry("/referral.html?id=r-1", "/referral.html?id=r-1"),
				Map.entry("/referrals.html#open", "/referrals.html#open"), Map.entry("/%5Cevil.example", "/%5Cevil.example"),
				Map.entry("/%09/evil.example", "/%09/evil.example"), Map.entry("/\\evil.example", "/"),
				Map.entry("/\t/evil.example", "/"), Map.entry("//evil.example", "/"), Map.entry("https://evil.example", "/"),
				Map.entry("/\\/evil.example", "/"), Map.entry("\\\\evil.example", "/"), Map.entry(" //evil.example", "/"),
				Map.entry("/.//evil.example", "/evil.example"), Map.entry("javascript:alert(1)", "/"), Map.entry("http:evil.example", "/"),
				Map.entry("", "/"));
		nextPages.forEach((then, expected) -> http.post().uri("/sign-in").cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.body(BodyInserters.fromFormData("username", "sam").with("password", "test-password").with("then", then))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.then").value(next ->
					assertThat(next).as(then).isEqualTo(expected)));
	}

	private String csrfFromSignInPage() {
		EntityExchangeResult<byte[]> page = http.get().uri("/sign-in.html").accept(MediaType.TEXT_HTML).exchange()
			.expectStatus().isOk().expectBody().returnResult();
		return cookie(page, "XSRF-TOKEN");
	}

	private String signIn(String csrf, String username, String password) {
		EntityExchangeResult<byte[]> signedIn = http.post().uri("/sign-in").cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.body(BodyInserters.fromFormData("username", username).with("password", password)).exchange()
			.expectStatus().isOk().expectBody().returnResult();
		return cookie(signedIn, "SESSION");
	}

	private static String cookie(EntityExchangeResult<?> result, String name) {
		ResponseCookie cookie = result.getResponseCookies().getFirst(name);
		assertThat(cookie).as(name + " cookie").isNotNull();
		return cookie.getValue();
	}

}
