package org.communityplaces.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body limits count what actually flows, not what {@code Content-Length} claims: a chunked
 * body is cut off once it passes the limit, a read takes no body at all, and nothing holds a
 * body in memory to send it again. Real HTTP servers stand in for the services and record the
 * bodies that reached them whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gateway.limits.max-body=1KB", "gateway.limits.max-import-body=4KB" })
class BodyLimitTests {

	private static final List<Integer> bodiesReceived = new CopyOnWriteArrayList<>();

	private static final HttpServer service = StandIn.start(exchange -> {
		bodiesReceived.add(exchange.getRequestBody().readAllBytes().length);
		StandIn.answer(exchange, 200, "{\"id\":\"x-1\"}");
	});

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("services.places-url", () -> StandIn.url(service));
		registry.add("services.referral-url", () -> StandIn.url(service));
	}

	@LocalServerPort
	int port;

	@AfterAll
	static void stop() {
		service.stop(0);
	}

	@BeforeEach
	void reset() {
		bodiesReceived.clear();
	}

	@Test
	void aChunkedBodyWithinTheLimitReachesTheServiceWhole() {
		RawHttp.Answer answer = RawHttp.sendChunked(port,
				"POST /api/referrals HTTP/1.1\r\nContent-Type: application/json\r\n" + RawHttp.basic("sam"), 900);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(bodiesReceived).containsExactly(900);
	}

	@Test
	void aChunkedBodyOverTheLimitIsA413ProblemAndNeverReachesTheServiceWhole() {
		RawHttp.Answer answer = RawHttp.sendChunked(port,
				"POST /api/referrals HTTP/1.1\r\nContent-Type: application/json\r\n" + RawHttp.basic("sam"), 2000);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.isProblem()).as(answer.toString()).isTrue();
		assertThat(answer.problem().path("title").asString()).isEqualTo("Request too large");
		assertThat(bodiesReceived).allSatisfy(length -> assertThat(length).isLessThan(2000));
	}

	@Test
	void aBodyThatNeverEndsIsCutOffNearTheLimit() {
		RawHttp.Cutoff cutoff = RawHttp.sendEndless(port,
				"POST /api/referrals HTTP/1.1\r\nContent-Type: application/json\r\n" + RawHttp.basic("sam"));
		assertThat(cutoff.answer().status()).isEqualTo(413);
		assertThat(cutoff.answer().isProblem()).isTrue();
		assertThat(cutoff.bytesSent()).as("bytes taken before the gateway closed the connection")
			.isLessThan(RawHttp.ENDLESS / 8);
	}

	@Test
	void anEndlessBodyOnAnOpenReadIsRefusedWithoutBeingReadOrKept() {
		for (String read : List.of("GET /oruk/services HTTP/1.1", "GET /api/places/search?postcode=S6 HTTP/1.1")) {
			RawHttp.Cutoff cutoff = RawHttp.sendEndless(port, read);
			assertThat(cutoff.answer().status()).as(read).isEqualTo(413);
			assertThat(cutoff.answer().isProblem()).isTrue();
			assertThat(cutoff.answer().problem().path("detail").asString()).contains("no body");
			assertThat(cutoff.bytesSent()).as("bytes taken before the gateway closed the connection")
				.isLessThan(RawHttp.ENDLESS / 8);
		}
		assertThat(bodiesReceived).isEmpty();
	}

	@Test
	void aReadOrDeleteWithABodyIsRefused() {
		for (String method : List.of("GET", "DELETE", "OPTIONS")) {
			RawHttp.Answer answer = RawHttp.send(port,
					method + " /api/places/p-1 HTTP/1.1\r\nContent-Length: 2\r\n" + RawHttp.basic("sam"), "{}".getBytes());
			assertThat(answer.status()).as(method).isEqualTo(413);
			assertThat(answer.isProblem()).isTrue();
		}
		assertThat(bodiesReceived).isEmpty();
	}

	@Test
	void aReadWithoutABodyIsTriedAgainWithoutKeepingAnything() {
		RawHttp.Answer answer = RawHttp.send(port, "GET /api/places/p-1 HTTP/1.1\r\n" + RawHttp.basic("sam"));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(bodiesReceived).containsExactly(0);
	}

	@Test
	void importsHaveTheirOwnLargerLimitCountedTheSameWay() {
		String imports = "POST /api/places/imports HTTP/1.1\r\nContent-Type: text/csv\r\n" + RawHttp.basic("ada");
		assertThat(RawHttp.sendChunked(port, imports, 3000).status()).isEqualTo(200);
		assertThat(bodiesReceived).containsExactly(3000);

		RawHttp.Answer tooLarge = RawHttp.sendChunked(port, imports, 5000);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.problem().path("detail").asString()).contains("4 KB");

		RawHttp.Answer declared = RawHttp.send(port,
				"POST /api/places/imports HTTP/1.1\r\nContent-Type: text/csv\r\nContent-Length: 5000\r\n" + RawHttp.basic("ada"),
				new byte[5000]);
		assertThat(declared.status()).isEqualTo(413);
	}

}
