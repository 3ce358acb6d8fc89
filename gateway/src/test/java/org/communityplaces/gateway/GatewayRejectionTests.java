package org.communityplaces.gateway;

import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway refuses on its own, before any service, is refused as problem+json like
 * everything else: addresses with {@code ..}, encoded slashes, parameters in a path segment
 * or bad percent-encoding, methods it does not serve, and request lines or headers too long
 * for it. Sent by hand on a socket, as no client library would send them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRejectionTests {

	private static final HttpServer places = StandIn.start(exchange -> StandIn.answer(exchange, 200, "{}"));

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("services.places-url", () -> StandIn.url(places));
	}

	@LocalServerPort
	int port;

	@AfterAll
	static void stop() {
		places.stop(0);
	}

	@Test
	void anAddressThatIsNotPlainIsA400Problem() {
		for (String target : List.of("/api/places/../people", "/api/places/%2e%2e/people", "/api/places%2fp-1",
				"/api/places;x=1", "/api/places/p-1;x=1", "/api/places/%zz", "/api/places/%", "/api/places?q=%zz",
				"/api/places/\\evil", "/api/places/a|b", "/api/places//p-1")) {
			RawHttp.Answer answer = RawHttp.send(port, "GET " + target + " HTTP/1.1\r\n" + RawHttp.basic("sam"));
			assertThat(answer.status()).as(target).isEqualTo(400);
			assertThat(answer.isProblem()).as(target + " " + answer).isTrue();
			assertThat(answer.problem().path("status").asInt()).isEqualTo(400);
		}
	}

	@Test
	void aMethodTheGatewayDoesNotServeIsA405Problem() {
		for (String method : List.of("TRACE", "PROPFIND", "CONNECT", "BREW")) {
			RawHttp.Answer answer = RawHttp.send(port, method + " /api/places HTTP/1.1\r\n" + RawHttp.basic("sam"));
			assertThat(answer.status()).as(method).isEqualTo(405);
			assertThat(answer.isProblem()).as(method + " " + answer).isTrue();
			assertThat(answer.header("Allow")).contains("GET", "POST");
		}
	}

	@Test
	void aRequestLineTooLongIsA414Problem() {
		RawHttp.Answer answer = RawHttp.send(port, "GET /api/places/search?q=" + "a".repeat(20_000) + " HTTP/1.1");
		assertThat(answer.status()).isEqualTo(414);
		assertThat(answer.isProblem()).as(answer.toString()).isTrue();
		assertThat(answer.problem().path("title").asString()).isEqualTo("URI Too Long");
	}

	@Test
	void headersTooLargeAreA431Problem() {
		RawHttp.Answer answer = RawHttp.send(port, "GET /api/places HTTP/1.1\r\nX-Padding: " + "a".repeat(40_000));
		assertThat(answer.status()).isEqualTo(431);
		assertThat(answer.isProblem()).as(answer.toString()).isTrue();
	}

	@Test
	void aRequestLineThatIsNotHttpIsA400Problem() {
		RawHttp.Answer answer = RawHttp.send(port, "GET /api/places HTTP/9.x");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.isProblem()).as(answer.toString()).isTrue();
	}

	@Test
	void theUnavailablePageNamesOnlyServicesItKnowsAndEchoesNothing() {
		RawHttp.Answer known = RawHttp.send(port, "GET /unavailable/places HTTP/1.1");
		assertThat(known.status()).isEqualTo(503);
		assertThat(known.problem().path("detail").asString()).contains("places service");

		RawHttp.Answer unknown = RawHttp.send(port, "GET /unavailable/Call%200800%20123%20456%20now HTTP/1.1");
		assertThat(unknown.status()).isEqualTo(503);
		assertThat(unknown.isProblem()).isTrue();
		assertThat(unknown.body()).doesNotContain("0800", "Call");
	}

}
