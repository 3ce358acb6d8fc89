package org.communityplaces.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway does for every request before and after the service: a correlation id,
 * browser protections, a body size limit, and retries for reads only. A real HTTP server stands in for referral-service and counts what reaches it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "gateway.limits.max-body=1KB")
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class EdgeProtectionTests {

	private static final List<String> correlationIds = new CopyOnWriteArrayList<>();

	private static final AtomicInteger requests = new AtomicInteger();

	private static final AtomicInteger failuresToGive = new AtomicInteger();

	private static final HttpServer referrals = StandIn.start(exchange -> {
		requests.incrementAndGet();
		correlationIds.add(exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
		boolean fail = failuresToGive.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
		StandIn.answer(exchange, fail ? 503 : 200, "{\"id\":\"r-1\"}");
	});

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("services.referral-url", () -> StandIn.url(referrals));
	}

	WebTestClient http;

	@Autowired
	void signedIn(WebTestClient client) {
		this.http = client.mutate().defaultHeaders(headers -> headers.setBasicAuth("sam", "test-password")).build();
	}

	@AfterAll
	static void stop() {
		referrals.stop(0);
	}

	@BeforeEach
	void reset() {
		correlationIds.clear();
		requests.set(0);
		failuresToGive.set(0);
	}

	@Test
	void everyRequestCarriesACorrelationIdToTheServiceAndBack() {
		String generated = http.get().uri("/api/referrals/r-1").exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseHeaders().getFirst("X-Correlation-Id");
		assertThat(generated).matches("[0-9a-f-]{36}");
		assertThat(correlationIds).containsExactly(generated);

		http.get().uri("/api/referrals/r-1").header("X-Correlation-Id", "surgery-req-0042").exchange().expectHeader()
			.valueEquals("X-Correlation-Id", "surgery-req-0042");
		http.get().uri("/api/referrals/r-1").header("X-Correlation-Id", "<script>").exchange().expectHeader()
			.value("X-Correlation-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
	}

	@Test
	void everyAnswerCarriesTheBrowserProtectionsEvenAnError() {
		for (String uri : List.of("/api/referrals/r-1", "/no/such/route")) {
			http.get().uri(uri).exchange().expectHeader()
				.value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"))
				.expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
				.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader().valueEquals("X-Frame-Options", "DENY")
				.expectHeader().valueEquals("Referrer-Policy", "no-referrer");
		}
	}

	@Test
	void aBodyOverTheLimitIsA413ProblemAndNeverReachesTheService() {
		http.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"notes\":\"" + "x".repeat(2000) + "\"}")
			.exchange().expectStatus().isEqualTo(413).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.title").isEqualTo("Request too large");
		assertThat(requests).hasValue(0);
	}

	@Test
	void aReadThatFailsOnTheWayIsTriedAgainButAWriteIsNot() {
		failuresToGive.set(1);
		http.get().uri("/api/referrals/r-1").exchange().expectStatus().isOk().expectBody(String.class);
		assertThat(requests).hasValue(2);

		requests.set(0);
		failuresToGive.set(1);
		http.post().uri("/api/referrals").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
			.expectStatus().isEqualTo(503).expectBody(String.class);
		assertThat(requests).hasValue(1);
	}

	@Test
	void eachRequestIsOneAccessLogLineWithItsCorrelationIdAndNothingAboutThePerson(CapturedOutput output) {
		http.get().uri("/api/referrals?postcode=S6+2AA").header("X-Correlation-Id", "access-log-check-1").exchange()
			.expectStatus().isOk().expectBody(String.class);
		Awaitility.await().untilAsserted(() -> assertThat(output.getOut()).contains("access-log-check-1"));
		String line = output.getOut().lines().filter(text -> text.contains("access-log-check-1")
				&& text.contains("route=")).findFirst().orElseThrow();
		assertThat(line).contains("GET /api/referrals 200 route=referrals");
		assertThat(line).doesNotContain("S6", "sam", "127.0.0.1", "Basic");
	}

}
