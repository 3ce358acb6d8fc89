package org.communityplaces.platform.sampleservice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.communityplaces.platform.testing.MongoWireTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error is problem+json on the wire, whichever layer answers: the controllers, Spring
 * Security's firewall, the error path, Tomcat itself. The routes are open here, as the public
 * read APIs are, so that no error hides behind a 401.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.application.name=sample-service", "security.token.public-paths=/**" })
class ErrorsOnTheWireTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> MongoWireTestServer.databaseUri(ErrorsOnTheWireTests.class));
	}

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			GET      | /api/things/%FF%FE                  | 400
			GET      | /api/things/%zz                     | 400
			GET      | /api/things/a%00b                   | 400
			GET      | /api/things/..%2F..%2Fetc           | 400
			GET      | /api/things/%2e%2e                  | 400
			GET      | /api/things;x=1                     | 400
			GET      | /api/things?name=%FF%FE             | 400
			GET      | /api/things?name=%zz                | 400
			GET      | /api/things?from=%2B999999999-12-31 | 400
			GET      | /api/things?within=NaN              | 400
			GET      | /nowhere                            | 404
			DELETE   | /api/things                         | 405
			TRACE    | /api/things                         | 405
			PROPFIND | /api/things                         | 400
			GET      | /api/things/bug                     | 500
			""")
	void everyErrorIsAProblemThatTellsNothingOfTheInside(String method, String target, int status) throws IOException {
		Answer answer = send(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
				+ "Connection: close\r\n\r\n");

		assertThat(answer.status).isEqualTo(status);
		assertThat(answer.head).containsIgnoringCase("Content-Type: application/problem+json");
		JsonNode problem = json.readTree(answer.body);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(answer.body).doesNotContain("Exception", "secret", "at org.", "<html", "trace");
	}

	@Test
	void anAddressOrHeadersTooLargeForTheServerAreAProblemToo() throws IOException {
		Answer longAddress = send("GET /api/things?name=" + "a".repeat(20_000)
				+ " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		Answer largeHeaders = send("GET /api/things HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");

		for (Answer answer : new Answer[] { longAddress, largeHeaders }) {
			assertThat(answer.status).isBetween(400, 431);
			assertThat(answer.head).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(json.readTree(answer.body).path("detail").asString()).isNotBlank();
		}
	}

	private Answer send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String whole = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int split = whole.indexOf("\r\n\r\n");
			String head = whole.substring(0, split);
			String body = whole.substring(split + 4);
			if (head.toLowerCase().contains("transfer-encoding: chunked")) {
				body = unchunked(body);
			}
			return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
		}
	}

	private static String unchunked(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
			if (size == 0) {
				return body.toString();
			}
			body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

	private record Answer(int status, String head, String body) {
	}

	/** A real bug: its message must never reach the client. */
	@TestConfiguration
	@Import(Bug.class)
	static class WithABug {

	}

	@RestController
	static class Bug {

		@GetMapping("/api/things/bug")
		String bug() {
			throw new IllegalStateException("secret internals of a bug");
		}

	}

}
