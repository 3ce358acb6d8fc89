package org.communityplaces.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from the gateway through the services: the trace a request starts at the gateway
 * is sent on to the service, and its id is on the request's access log line, so an engineer can
 * go from the line to the trace and to the service's own lines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class TraceIdTests {

	private static final AtomicReference<String> traceparent = new AtomicReference<>();

	private static final HttpServer places = StandIn.start(exchange -> {
		traceparent.set(exchange.getRequestHeaders().getFirst("traceparent"));
		StandIn.answer(exchange, 200, "{\"total\":0,\"hits\":[]}");
	});

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("services.places-url", () -> StandIn.url(places));
	}

	@Autowired
	WebTestClient http;

	@AfterAll
	static void stop() {
		places.stop(0);
	}

	@Test
	void theTraceIdReachesTheServiceAndIsOnTheAccessLogLine(CapturedOutput output) {
		String correlation = "trace-id-test-1";
		http.get()
			.uri("/api/places/search?postcode=S6")
			.header("X-Correlation-Id", correlation)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class);
		assertThat(traceparent.get()).as("the W3C trace context sent to the service")
			.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
		String traceId = traceparent.get().split("-")[1];
		String spanId = traceparent.get().split("-")[2];
		// The service's spans are children of the span on the gateway's access log line: one span a request
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getOut())
				.contains("[" + traceId + "," + spanId + "] ")
				.containsPattern("\\[" + traceId + "," + spanId + "\\] .*" + correlation + " GET /api/places/search 200 route=places"));
	}

}
