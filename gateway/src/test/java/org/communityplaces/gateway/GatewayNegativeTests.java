package org.communityplaces.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every address the gateway owns or routes, sent what a careless client or an attacker would
 * send: addresses with {@code ..}, encoded slashes, parameters in a segment, bad or
 * overlong percent-encoding, control characters, methods it does not serve, oversized lines
 * and headers, bodies on reads, bad credentials and headers, unsigned and as each role. The
 * services behind it are stand-ins that take everything, so every error is the gateway's own:
 * none may be a 5xx, and every one must be problem+json. The service APIs themselves are
 * covered by each service's own negative suite.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.limits.burst=1000000", "gateway.limits.per-second=1000000",
				"gateway.limits.per-person-burst=1000000", "gateway.limits.per-person-per-second=1000000" })
class GatewayNegativeTests {

	private static final HttpServer service = StandIn.start(exchange -> StandIn.answer(exchange, 200, "{}"));

	/** The gateway's own addresses and one of each routed family. */
	private static final List<String> ADDRESSES = List.of("/", "/index.html", "/find.html", "/referral.html",
			"/sign-in.html", "/assets/app.js", "/assets/site.css", "/favicon.ico", "/sign-in", "/sign-out",
			"/sign-in/providers", "/api/me", "/api/people", "/api/people/sam/unlock", "/api/vocabularies",
			"/api/dashboards", "/api/safeguarding", "/.well-known/jwks.json", "/unavailable/places", "/swagger-ui.html",
			"/webjars/swagger-ui/index.html", "/api-docs/gateway", "/api-docs/places", "/api-docs/referrals",
			"/api-docs/notifications", "/api/places", "/api/places/p-1", "/api/places/p-1/capacity",
			"/api/places/search", "/api/places/p-1/listing", "/api/places/imports", "/oruk", "/oruk/services", "/oruk/services/s-1",
			"/api/referrals", "/api/referrals/r-1", "/api/referrals/r-1/accept", "/api/referrals/uptake", "/api/audit",
			"/fhir/ServiceRequest/r-1",
			"/api/notifications", "/api/notifications/inbox", "/api/notifications/preferences", "/actuator",
			"/actuator/health", "/actuator/prometheus", "/actuator/gateway/routes", "/livez", "/readyz",
			"/no/such/route");

	private static final List<String> PATH_TAILS = List.of("", "/..", "/../../actuator/prometheus", "/%2e%2e/x",
			"%2F", "%2fx", ";x=1", ";jsessionid=1", "/%zz", "/%", "/%ff", "/%c0%af", "/%00", "/%0d%0aSet-Cookie:x=1",
			"/\\evil", "/a|b", "/a{b}", "//x", "/./x", "/" + "a".repeat(2000), "/\u00e9", "?q=%zz", "?q=%00",
			"?page=2147483648&size=-1&radius=NaN", "?postcode=%ff%fe", "?" + "q=a&".repeat(600),
			"?q=" + "a".repeat(9000));

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
			"TRACE", "PROPFIND", "CONNECT", "BREW", "get");

	/** Headers and bodies, each on a GET and on a POST. */
	private static final List<Map.Entry<String, String>> HEADERS_AND_BODIES = List.of(
			Map.entry("Accept: application/xml", ""), Map.entry("Accept: */*;q=x", ""),
			Map.entry("Content-Type: application/xml\r\nContent-Length: 4", "<x/>"),
			Map.entry("Content-Type: application/json\r\nContent-Length: 1", "{"),
			Map.entry("Content-Type: nonsense\r\nContent-Length: 2", "{}"),
			Map.entry("Content-Length: 30000000", "{}"), Map.entry("Content-Length: -1", ""),
			Map.entry("Content-Length: abc", ""), Map.entry("Content-Length: 2\r\nContent-Length: 3", "{}"),
			Map.entry("Content-Length: 2\r\nTransfer-Encoding: chunked", "0\r\n\r\n"),
			Map.entry("Transfer-Encoding: gzip, chunked", "0\r\n\r\n"), Map.entry("Expect: 100-continue", ""),
			Map.entry("Host: evil.example", ""), Map.entry("Host: a b", ""), Map.entry("Host: [::1", ""),
			Map.entry("X-Forwarded-For: 1.2.3.4, <script>", ""), Map.entry("X-Forwarded-Host: evil.example", ""),
			Map.entry("Forwarded: for=\"[::1\";proto=gopher", ""), Map.entry("Origin: https://evil.example", ""),
			Map.entry("Cookie: SESSION=not-a-session; XSRF-TOKEN=x", ""),
			Map.entry("Authorization: Basic !!!", ""), Map.entry("Authorization: Bearer a.b.c", ""),
			Map.entry("Authorization: Basic " + Base64.getEncoder()
				.encodeToString("nobody:wrong".getBytes(StandardCharsets.UTF_8)), ""),
			Map.entry("X-Correlation-Id: <script>alert(1)</script>", ""), Map.entry("X-XSRF-TOKEN: \u00ff", ""),
			Map.entry("Sec-Fetch-Mode: navigate\r\nAccept: text/html", ""), Map.entry("Range: bytes=9-1,", ""),
			Map.entry("X-Big: " + "a".repeat(20_000), ""), Map.entry("X-Control: a\u0001b", ""));

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("services.places-url", () -> StandIn.url(service));
		registry.add("services.referral-url", () -> StandIn.url(service));
		registry.add("services.notification-url", () -> StandIn.url(service));
	}

	@LocalServerPort
	int port;

	private final List<String> failures = new ArrayList<>();

	private int requests;

	@AfterAll
	static void stop() {
		service.stop(0);
	}

	/**
	 * Unsigned, and a referrer and an admin each signed in once in a browser session (with its
	 * CSRF token, so changes get through), as a password check per request would take minutes.
	 */
	@Test
	void noHostileRequestIsA5xxAndEveryRefusalIsAProblem() {
		List<String> callers = List.of("", browserSession("sam"), browserSession("ada"));
		long started = System.nanoTime();
		for (String address : ADDRESSES) {
			check("GET " + address + " HTTP/1.1\r\n" + RawHttp.basic("sam"), "", address);
			for (String caller : address.equals("/sign-out") ? callers.subList(0, 1) : callers) {
				for (String tail : PATH_TAILS) {
					check("GET " + address + tail + " HTTP/1.1\r\n" + caller, "", address);
				}
				for (String method : METHODS) {
					check(method + " " + address + " HTTP/1.1\r\n" + caller, "", address);
				}
			}
			for (String caller : address.equals("/sign-out") ? callers.subList(0, 1) : callers.subList(0, 2)) {
				for (Map.Entry<String, String> headerAndBody : HEADERS_AND_BODIES) {
					for (String method : List.of("GET", "POST")) {
						check(method + " " + address + " HTTP/1.1\r\n" + caller + headerAndBody.getKey(),
								headerAndBody.getValue(), address);
					}
				}
			}
		}
		System.out.printf("Gateway negative suite: %d requests to %d addresses in %d ms, %d failures%n", requests,
				ADDRESSES.size(), (System.nanoTime() - started) / 1_000_000, failures.size());
		assertThat(failures).isEmpty();
	}

	private String browserSession(String username) {
		String form = "username=" + username + "&password=test-password";
		RawHttp.Answer signedIn = RawHttp.send(port,
				"POST /sign-in HTTP/1.1\r\nCookie: XSRF-TOKEN=edge\r\nX-XSRF-TOKEN: edge\r\n"
						+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length(),
				form.getBytes(StandardCharsets.ISO_8859_1));
		Matcher session = Pattern.compile("SESSION=([^;,]+)").matcher(String.valueOf(signedIn.header("set-cookie")));
		assertThat(session.find()).as(signedIn.toString()).isTrue();
		return "Cookie: SESSION=" + session.group(1) + "; XSRF-TOKEN=edge\r\nX-XSRF-TOKEN: edge\r\n";
	}

	private void check(String head, String body, String address) {
		requests++;
		String sent = head.length() > 200 ? head.substring(0, 200) + "..." : head;
		RawHttp.Answer answer;
		try {
			answer = RawHttp.send(port, head.stripTrailing(), body.getBytes(StandardCharsets.ISO_8859_1));
		}
		catch (RuntimeException ex) {
			failures.add(sent + " -> no answer: " + ex.getMessage());
			return;
		}
		boolean unavailableByDesign = address.startsWith("/unavailable/") && answer.status() == 503;
		if (answer.status() >= 500 && !unavailableByDesign) {
			failures.add(sent + " -> " + answer.status());
		}
		if (answer.status() >= 400 && !answer.isProblem()) {
			failures.add(sent + " -> " + answer.status() + " not problem+json: " + answer.header("content-type"));
		}
		else if (answer.status() >= 400 && !head.startsWith("HEAD")
				&& answer.problem().path("status").asInt() != answer.status()) {
			failures.add(sent + " -> " + answer.status() + " with a problem saying " + answer.body());
		}
	}

}
